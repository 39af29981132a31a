package org.marquee.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.settings.Settings;
import org.marquee.kiosk.settings.SettingsStore;
import picocli.CommandLine;

class KioskMainTest {

    @TempDir
    Path dataDir;

    KioskMain parse(String... args) {
        KioskMain main = new KioskMain();
        new CommandLine(main).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args);
        return main;
    }

    @Test
    void flagsOverrideTheSavedSettingsAndAreSaved() {
        SettingsStore store = new SettingsStore(dataDir);
        store.save(new Settings("http://old:8080", "old-token", Mode.KIOSK, "es", true));

        Settings settings = parse("--server", "box-office:9090", "--mode", "counter", "--terminal-token", "t-1")
                .settings(store);

        Settings expected = new Settings("http://box-office:9090", "t-1", Mode.COUNTER, "es", true);
        assertThat(settings).isEqualTo(expected);
        assertThat(store.load()).contains(expected);
    }

    @Test
    void autoPrintIsOnAtAKioskOffAtACounterAndAFlagSetsItForGood() {
        SettingsStore store = new SettingsStore(dataDir);

        Settings kiosk = parse("--server", "box-office:9090", "--mode", "kiosk", "--terminal-token", "t-1")
                .settings(store);
        assertThat(kiosk.printsAfterPayment()).isTrue();
        assertThat(kiosk.withServer("http://box-office:9090", "t-1", Mode.COUNTER)
                        .printsAfterPayment())
                .isFalse();

        Settings off = parse("--auto-print", "false").settings(store);
        assertThat(off.printsAfterPayment()).as("a kiosk told not to print").isFalse();
        assertThat(store.load().orElseThrow().autoPrint()).isFalse();
        assertThat(parse().settings(store).printsAfterPayment())
                .as("remembered at the next start")
                .isFalse();

        Settings counter = parse("--mode", "counter", "--auto-print", "true").settings(store);
        assertThat(counter.printsAfterPayment()).isTrue();
    }

    @Test
    void withoutFlagsTheSavedSettingsAreUsedAsTheyAre() {
        SettingsStore store = new SettingsStore(dataDir);
        Settings saved = new Settings("http://old:8080", "old-token", Mode.ADMIN, "en", false);
        store.save(saved);

        assertThat(parse().settings(store)).isEqualTo(saved);
    }

    @Test
    void aFirstStartWithoutFlagsHasNoServerSoTheSetupScreenAsks() {
        Settings settings = parse().settings(new SettingsStore(dataDir));

        assertThat(settings.complete()).isFalse();
        assertThat(new SettingsStore(dataDir).load()).isEmpty();
    }

    @Test
    void aServerAddressThatIsNotOneIsRefusedBeforeAnythingStarts() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new KioskMain()).setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setErr(new PrintWriter(err));

        int status = commandLine.execute("--server", "ftp://nope", "--data-dir", dataDir.toString());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("is not a server address");
        assertThat(new SettingsStore(dataDir).load()).isEmpty();
    }

    @Test
    void anUnknownModeIsRefused() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new KioskMain()).setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setErr(new PrintWriter(err));

        assertThat(commandLine.execute("--mode", "projector")).isEqualTo(2);
        assertThat(err.toString()).contains("--mode");
    }
}
