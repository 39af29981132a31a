package org.marquee.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marquee.kiosk.cache.CatalogCache;
import org.marquee.kiosk.cache.CatalogSync;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.kiosk.client.MarqueeClient;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.settings.Settings;
import org.marquee.kiosk.settings.SettingsStore;
import org.marquee.kiosk.testing.ServerProcess;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A terminal that synced once starts while its server is down: it starts from the cache, shows the offline banner and
 * refuses to sell; when a server answers on the same address again, the banner goes away by itself.
 */
@ExtendWith(ApplicationExtension.class)
class OfflineStartTest {

    static Path dataDir;
    static int port;
    static ServerProcess returning;

    AppContext ctx;
    MainWindow window;

    @BeforeAll
    static void syncOnceThenStopTheServer() throws Exception {
        dataDir = Files.createTempDirectory("marquee-offline-start");
        try (ServerProcess server = ServerProcess.start();
                CatalogCache cache = CatalogCache.open(dataDir)) {
            port = server.port();
            new CatalogSync(new MarqueeClient(server.url(), "demo-counter-1"), cache).syncNow();
            new SettingsStore(dataDir)
                    .save(new Settings(server.url(), "demo-counter-1", Mode.COUNTER, Settings.ENGLISH, false));
        }
    }

    @AfterAll
    static void stopServer() {
        if (returning != null) {
            returning.close();
        }
    }

    @Start
    void start(Stage stage) {
        ctx = AppContext.open(dataDir, Platform::runLater);
        window = new MainWindow(ctx);
        window.show(stage);
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    @Test
    void startsOfflineFromTheCacheAndComesBackOnlineByItself(FxRobot robot) {
        Label banner = robot.lookup("#offline-banner").queryAs(Label.class);
        await().atMost(Duration.ofSeconds(10)).until(banner::isVisible);
        assertThat(banner.getText()).contains("Offline");
        assertThat(ctx.connectivity().isOnline()).isFalse();
        ApiProblem refusal =
                catchThrowableOfType(ApiProblem.class, () -> ctx.connectivity().requireOnline());
        assertThat(refusal.getMessage()).isEqualTo("This terminal is offline; sales resume when the server is back.");
        assertThat(ctx.cache().theaters()).hasSize(3);
        assertThat(ctx.navigator().current()).isEqualTo(Screen.LOGIN);

        returning = ServerProcess.startOn(port);
        java.time.Instant back = java.time.Instant.now();

        await().atMost(Duration.ofSeconds(10)).until(() -> !banner.isVisible());
        assertThat(ctx.connectivity().isOnline()).isTrue();
        ctx.connectivity().requireOnline();
        // back online, the catalog is synced again at once
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ctx.cache().lastSynced().orElseThrow().isAfter(back));
        assertThat(ctx.cache().theaters()).hasSize(3);
    }
}
