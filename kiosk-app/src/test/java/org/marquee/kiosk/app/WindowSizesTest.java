package org.marquee.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.settings.Settings;
import org.marquee.kiosk.settings.SettingsStore;
import org.marquee.kiosk.testing.ModeStage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The kiosk's window at the sizes issue 14 tried (item 6): it covers the screen by itself (no window manager to grant
 * full screen), "Still there?" floats over the screen instead of pushing it down, and on a portrait screen the
 * header's buttons stay whole and inside the screen (the days: {@code ShowtimesViewTest}).
 */
@ExtendWith(ApplicationExtension.class)
class WindowSizesTest {

    private AppContext ctx;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path dataDir = Files.createTempDirectory("marquee-window-sizes");
        int unused;
        try (ServerSocket socket = new ServerSocket(0)) {
            unused = socket.getLocalPort();
        }
        Settings kiosk = new Settings("http://127.0.0.1:" + unused, "demo-kiosk-1", Mode.KIOSK, "en", false);
        ctx = AppContext.open(new SettingsStore(dataDir), kiosk, Platform::runLater);
        window = new MainWindow(ctx, Duration.ofSeconds(13)); // "Still there?" after 3 s on a screen with a sale
        window.show(stage);
    }

    @AfterEach
    void close() throws Exception {
        fx(() -> {
            window.close();
            return null;
        });
        ctx.close();
    }

    @Test
    void aKioskWindowCoversTheWholeScreenByItself() {
        Rectangle2D screen = fx(() -> javafx.stage.Screen.getPrimary().getBounds());
        assertThat(fx(() -> new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight())))
                .isEqualTo(screen);
        assertThat(fx(() -> stage.getScene().getWidth())).isEqualTo(screen.getWidth());
        assertThat(fx(() -> stage.getScene().getHeight())).isEqualTo(screen.getHeight());
    }

    @Test
    void stillThereFloatsOverTheScreenAndMovesNothingUnderAFinger(FxRobot robot) {
        robot.interact(() -> ctx.navigator().go(Screen.SEAT_MAP));
        WaitForAsyncUtils.waitForFxEvents();
        Node screen = fx(() -> ((javafx.scene.layout.BorderPane) window.root()).getCenter());
        Bounds before = fx(() -> screen.localToScene(screen.getBoundsInLocal()));

        Node notice = robot.lookup("#idle-notice").query();
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(notice::isVisible));
        WaitForAsyncUtils.waitForFxEvents();

        Bounds after = fx(() -> screen.localToScene(screen.getBoundsInLocal()));
        assertThat(after.getMinY()).as("the screen did not move down").isEqualTo(before.getMinY());
        assertThat(after.getHeight()).isEqualTo(before.getHeight());
        Bounds shown = fx(() -> notice.localToScene(notice.getBoundsInLocal()));
        assertThat(shown.getMinY()).as("over the screen, not above it").isGreaterThanOrEqualTo(before.getMinY());
        assertThat(shown.getHeight()).isGreaterThan(20);
        assertThat(shown.getMaxX()).isLessThanOrEqualTo(stage.getScene().getWidth());
        assertThat(fx(() -> notice.getParent() == window.root() && notice.getViewOrder() < screen.getViewOrder()))
                .as("drawn on top of the screen")
                .isTrue();
    }

    @Test
    void onAPortraitScreenTheHeadersButtonsStayWholeAndInside() throws Exception {
        Scene portrait = fx(() -> {
            Parent root = window.root();
            stage.getScene().setRoot(new Group());
            Scene tall = new Scene(root, 1080, 1920);
            ModeStage.layout(tall);
            return tall;
        });
        try {
            fx(() -> {
                ModeStage.layout(portrait);
                return null;
            });
            List<Node> targets = fx(() -> List.of(
                    portrait.getRoot().lookup("#language-en"),
                    portrait.getRoot().lookup("#language-es"),
                    portrait.getRoot().lookup("#high-contrast")));
            for (Node target : targets) {
                Bounds bounds = fx(() -> target.localToScene(target.getBoundsInLocal()));
                String text = ((Labeled) target).getText();
                assertThat(bounds.getMaxX()).as("%s inside the screen", text).isLessThanOrEqualTo(1080);
                assertThat(fx(() -> shownText(target))).as("%s not cut", text).isEqualTo(text);
            }
        } finally {
            fx(() -> {
                Parent root = portrait.getRoot();
                portrait.setRoot(new Group());
                stage.getScene().setRoot(root);
                return null;
            });
        }
    }

    /** The text a button draws: its label, or "Tomor…" when it had to cut it. */
    private static String shownText(Node button) {
        return button.lookupAll(".text").stream()
                .filter(Text.class::isInstance)
                .map(node -> ((Text) node).getText())
                .findFirst()
                .orElse("");
    }

    private static <T> T fx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
