package org.marquee.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The packaged launcher's {@code marquee-server --version} and {@code --help} answer and start nothing. */
class ServerMainVersionTest {

    @TempDir
    Path temp;

    private record Run(int exitCode, String out) {}

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine commandLine = new CommandLine(new ServerMain());
        commandLine.setOut(new PrintWriter(out));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString());
    }

    @Test
    void versionSaysWhichServerThisIsAndStartsNothing() {
        Path dataDir = temp.resolve("server-data");

        Run run = run("--version", "--port", "1", "--data-dir", dataDir.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).matches("Marquee sync server (dev|\\d+\\.\\d+\\.\\d+.*)");
        assertThat(dataDir).doesNotExist(); // no embedded PostgreSQL was started
    }

    @Test
    void helpListsTheFlagsAndStartsNothing() {
        Path dataDir = temp.resolve("server-data");

        Run run = run("--help", "--data-dir", dataDir.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: marquee server", "--port", "--db", "--version");
        assertThat(dataDir).doesNotExist();
    }
}
