package org.marquee.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The packaged launcher's {@code marquee-kiosk --version} and {@code --help} answer and start nothing. */
class KioskMainVersionTest {

    @TempDir
    Path temp;

    private record Run(int exitCode, String out) {}

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine commandLine = new CommandLine(new KioskMain()).setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setOut(new PrintWriter(out));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString());
    }

    @Test
    void versionSaysWhichKioskThisIsAndSavesNothing() {
        Path dataDir = temp.resolve("kiosk-data");

        Run run = run("--version", "--server", "http://box-office:8080", "--data-dir", dataDir.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).matches("Marquee kiosk (dev|\\d+\\.\\d+\\.\\d+.*)");
        assertThat(dataDir).as("no settings saved, no catalog cache opened").doesNotExist();
    }

    @Test
    void helpListsTheFlagsAndSavesNothing() {
        Path dataDir = temp.resolve("kiosk-data");

        Run run = run("--help", "--mode", "kiosk", "--data-dir", dataDir.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: marquee kiosk", "--server", "--mode", "--terminal-token", "--version");
        assertThat(dataDir).doesNotExist();
    }
}
