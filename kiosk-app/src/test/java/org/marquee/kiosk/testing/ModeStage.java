package org.marquee.kiosk.testing;

import java.util.Locale;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.marquee.kiosk.settings.Mode;

/**
 * Shows one screen's view alone, styled as the main window styles it: base.css, the mode's sheet, and high-contrast.css
 * when asked. Call on the FX thread.
 */
public final class ModeStage {

    private ModeStage() {}

    /**
     * Shows the view in {@code stage}. The headless screen is 1280 × 800: a larger window fails to draw, so use
     * {@link #offscreen} for larger sizes.
     */
    public static Scene show(Stage stage, Parent view, Mode mode, boolean highContrast, double width, double height) {
        Scene scene = scene(view, mode, highContrast, width, height);
        stage.setScene(scene);
        stage.setWidth(width);
        stage.setHeight(height);
        stage.show();
        return scene;
    }

    /**
     * A scene of any size that no window shows, laid out and ready for {@link Snapshots#save}: a full-HD kiosk screen
     * on the smaller headless screen. Robots cannot click in it; call the view-model instead, then {@link #layout}.
     */
    public static Scene offscreen(Parent view, Mode mode, boolean highContrast, double width, double height) {
        Scene scene = scene(view, mode, highContrast, width, height);
        layout(scene);
        return scene;
    }

    /** Applies styles and lays out a scene that no window shows (a shown one does this on every pulse). */
    public static void layout(Scene scene) {
        Parent root = scene.getRoot();
        root.resize(scene.getWidth(), scene.getHeight());
        root.applyCss();
        root.layout();
    }

    private static Scene scene(Parent view, Mode mode, boolean highContrast, double width, double height) {
        return new Scene(styled(new BorderPane(view), mode, highContrast), width, height);
    }

    /**
     * Gives {@code root} the main window's style classes and sheets, for a test that puts views in its centre itself:
     * without base.css, the colours the screens' sheets look up are unresolved (a JavaFX warning per rule).
     */
    public static BorderPane styled(BorderPane root, Mode mode, boolean highContrast) {
        root.getStyleClass().addAll("main-window", "mode-" + mode.name().toLowerCase(Locale.ROOT));
        root.getStylesheets().add(sheet("base.css"));
        root.getStylesheets().add(sheet(mode == Mode.KIOSK ? "kiosk.css" : "counter.css"));
        if (highContrast) {
            root.getStylesheets().add(sheet("high-contrast.css"));
        }
        return root;
    }

    private static String sheet(String name) {
        var url = ModeStage.class.getResource("/org/marquee/kiosk/css/" + name);
        if (url == null) {
            throw new IllegalStateException("Missing stylesheet " + name);
        }
        return url.toExternalForm();
    }
}
