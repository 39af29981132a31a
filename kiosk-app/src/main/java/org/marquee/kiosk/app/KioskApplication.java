package org.marquee.kiosk.app;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import org.marquee.kiosk.settings.Settings;
import org.marquee.kiosk.settings.SettingsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application: opens the {@link AppContext} on the data folder and settings {@link #launch} was given,
 * shows the {@link MainWindow}, and closes both when the window closes.
 */
public final class KioskApplication extends Application {

    private static final Logger log = LoggerFactory.getLogger(KioskApplication.class);

    /** What {@code KioskMain} parsed; JavaFX makes the Application itself, so it is handed over here. */
    private record Startup(SettingsStore store, Settings settings) {}

    private static volatile Startup startup;

    private AppContext ctx;
    private MainWindow window;

    /** Starts JavaFX with these settings and returns when the window has closed. */
    public static void launch(SettingsStore store, Settings settings) {
        startup = new Startup(store, settings);
        Application.launch(KioskApplication.class);
    }

    @Override
    public void start(Stage stage) {
        Startup given =
                startup != null ? startup : new Startup(new SettingsStore(SettingsStore.defaultDataDir()), null);
        try {
            ctx = AppContext.open(given.store(), given.settings(), Platform::runLater);
        } catch (RuntimeException e) {
            log.error("event=start_failed reason={}", e.getMessage(), e);
            Alert alert = new Alert(Alert.AlertType.ERROR, e.getMessage());
            alert.setHeaderText("Marquee cannot start");
            alert.showAndWait();
            Platform.exit();
            return;
        }
        window = new MainWindow(ctx);
        window.show(stage);
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
        if (ctx != null) {
            ctx.close();
        }
    }
}
