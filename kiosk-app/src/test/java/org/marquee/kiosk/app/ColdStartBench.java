package org.marquee.kiosk.app;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.settings.Settings;
import org.marquee.kiosk.settings.SettingsStore;

/**
 * Cold start of a kiosk to an interactive showtimes screen, headless: from the JVM's start to the first frame that
 * shows a showtime button ({@code #showtime-<id>}), in a new data folder (empty catalog cache) against a running
 * server. One start per JVM: run it several times, and with an AppCDS archive, and take medians. It builds the window
 * as {@code KioskApplication} does (settings, {@link AppContext}, {@link MainWindow}) without the command line. From
 * the repository's root, with a server on port 8080 started with {@code --demo-data}:
 *
 * <pre>
 * java $MONOCLE_FLAGS -cp kiosk-app/target/test-classes:kiosk-app/target/classes:$(cat kiosk-app/target/test.classpath) \
 *     org.marquee.kiosk.app.ColdStartBench http://localhost:8080
 * </pre>
 *
 * ({@code MONOCLE_FLAGS} as in docs/BENCHMARKS.md: the surefire flags of kiosk-app/pom.xml.)
 */
public final class ColdStartBench {

    private ColdStartBench() {}

    public static void main(String[] args) throws Exception {
        String server = args.length > 0 ? args[0] : "http://localhost:8080";
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        Path dataDir = Files.createTempDirectory("marquee-cold-start");
        Platform.startup(() -> {
            try {
                Settings settings = new Settings(server, "demo-kiosk-1", Mode.KIOSK, "en", false);
                AppContext ctx = AppContext.open(new SettingsStore(dataDir), settings, Platform::runLater);
                MainWindow window = new MainWindow(ctx);
                Stage stage = new Stage();
                window.show(stage);
                new AnimationTimer() {
                    @Override
                    public void handle(long now) {
                        // JavaFX CSS has no attribute selectors: the showtime buttons are found by their ids
                        Node shown = find(stage.getScene().getRoot());
                        if (shown != null && shown.isVisible()) {
                            stop();
                            long ms = System.currentTimeMillis() - jvmStart;
                            System.out.printf("cold start to showtimes screen: %d ms (JVM start to first frame)%n", ms);
                            System.out.flush();
                            Runtime.getRuntime().halt(0);
                        }
                    }
                }.start();
            } catch (Exception e) {
                e.printStackTrace();
                Runtime.getRuntime().halt(2);
            }
        });
        Thread.sleep(60_000);
        System.out.println("no showtime shown within 60 s");
        Runtime.getRuntime().halt(1);
    }

    private static Node find(javafx.scene.Parent parent) {
        for (Node child : parent.getChildrenUnmodifiable()) {
            if (child.getId() != null && child.getId().startsWith("showtime-")) {
                return child;
            }
            if (child instanceof javafx.scene.Parent p) {
                Node found = find(p);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
