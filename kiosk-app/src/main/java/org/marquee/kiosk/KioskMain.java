package org.marquee.kiosk;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.marquee.kiosk.app.KioskApplication;
import org.marquee.kiosk.app.TrainingRun;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.settings.Settings;
import org.marquee.kiosk.settings.SettingsStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Entry point of the kiosk application: {@code marquee kiosk [--server URL] [--mode counter|kiosk|admin|scanner]
 * [--terminal-token T] [--auto-print true|false] [--data-dir DIR]}. Flags override the saved settings and are saved with them, so the next
 * start needs none. This class does not extend {@code Application}, so the JavaFX jars may sit on the class path.
 */
@Command(
        name = "marquee kiosk",
        mixinStandardHelpOptions = true,
        versionProvider = KioskVersion.class,
        description =
                "Starts a Marquee terminal: a clerk's counter, a self-service kiosk, or a manager's admin screen.")
public final class KioskMain implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--server", paramLabel = "URL", description = "The sync server, such as http://box-office:8080.")
    String server;

    @Option(
            names = "--mode",
            paramLabel = "MODE",
            description = "counter, kiosk, admin or scanner (default: the saved mode, else counter).")
    Mode mode;

    @Option(
            names = "--terminal-token",
            paramLabel = "T",
            defaultValue = "${env:MARQUEE_TERMINAL_TOKEN}",
            description =
                    "This terminal's token from the server (or MARQUEE_TERMINAL_TOKEN, which keeps it out of ps).")
    String terminalToken;

    @Option(
            names = "--auto-print",
            paramLabel = "true|false",
            arity = "1",
            defaultValue = "${env:MARQUEE_AUTO_PRINT}",
            description = "Print the tickets as soon as a sale is paid (default: yes at a kiosk, no at a counter;"
                    + " or MARQUEE_AUTO_PRINT).")
    Boolean autoPrint;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Where settings and the catalog cache live (default: ~/.marquee/kiosk).")
    Path dataDir;

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new KioskMain()).setCaseInsensitiveEnumValuesAllowed(true);
        System.exit(commandLine.execute(args));
    }

    @Override
    public Integer call() {
        SettingsStore store = new SettingsStore(dataDir != null ? dataDir : SettingsStore.defaultDataDir());
        Settings settings = settings(store);
        if (!displayAvailable()) {
            spec.commandLine()
                    .getErr()
                    .println("marquee kiosk: no display to show the window on ($DISPLAY and $WAYLAND_DISPLAY are"
                            + " not set). The settings are saved in " + store.file() + "; start it again on"
                            + " a screen.");
            return 1;
        }
        TrainingRun.startIfRequested(); // only with -Dmarquee.kiosk.training (the package build)
        KioskApplication.launch(store, settings);
        return 0;
    }

    /** On Linux without X11 or Wayland, JavaFX can only fail with a stack trace; say it plainly instead. */
    static boolean displayAvailable() {
        boolean linux = System.getProperty("os.name", "")
                .toLowerCase(java.util.Locale.ROOT)
                .contains("linux");
        boolean headlessPlatform = System.getProperty("glass.platform") != null; // Monocle, for tests and demos
        return !linux
                || headlessPlatform
                || System.getenv("DISPLAY") != null
                || System.getenv("WAYLAND_DISPLAY") != null;
    }

    /** The saved settings with the flags laid over them; saved again when a flag changed something. */
    Settings settings(SettingsStore store) {
        Settings saved = store.load().orElse(Settings.initial());
        String url = server == null ? saved.serverUrl() : checkedUrl(server);
        Settings merged = new Settings(
                url,
                terminalToken == null || terminalToken.isBlank() ? saved.terminalToken() : terminalToken,
                mode == null ? saved.mode() : mode,
                saved.language(),
                saved.highContrast(),
                autoPrint == null ? saved.autoPrint() : autoPrint);
        if (!merged.equals(saved)) {
            store.save(merged);
        }
        return merged;
    }

    private String checkedUrl(String typed) {
        String url = Settings.normalizeServerUrl(typed);
        try {
            URI uri = URI.create(url);
            if (uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return url;
            }
        } catch (IllegalArgumentException e) {
            // said below
        }
        throw new ParameterException(
                spec.commandLine(), "--server '" + typed + "' is not a server address like http://box-office:8080");
    }
}
