package org.marquee.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line of DESIGN §2: every flag read as written, every mistake answered with a clear message. */
class ServerMainTest {

    @Test
    void readsEveryFlagOfTheContract() {
        ServerMain main = parse(
                "--port",
                "9090",
                "--db",
                "jdbc:postgresql://db:5432/marquee",
                "--data-dir",
                "/tmp/mq",
                "--demo-data",
                "--demo-kiosks",
                "64",
                "--hold-ttl",
                "5m",
                "--hold-max-total",
                "15m");
        ServerConfig config = main.config();

        assertThat(config.port()).isEqualTo(9090);
        assertThat(config.database().jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/marquee");
        assertThat(config.database().embedded()).isFalse();
        assertThat(config.database().dataDir().toString()).isEqualTo("/tmp/mq");
        assertThat(config.demoData()).isTrue();
        assertThat(config.demoKiosks()).isEqualTo(64);
        assertThat(config.holdPolicy().ttl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.holdPolicy().maxTotal()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void defaultsToAnEmbeddedDatabaseEightMinuteHoldsAndFourDemoKiosks() {
        ServerConfig config = parse().config();

        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.database().embedded()).isEqualTo(System.getenv("MARQUEE_DB_URL") == null);
        assertThat(config.database().dataDir().toString()).endsWith(".marquee/server");
        assertThat(config.demoData()).isFalse();
        assertThat(config.demoKiosks()).isEqualTo(4);
        assertThat(config.holdPolicy().ttl()).isEqualTo(Duration.ofMinutes(8));
        assertThat(config.holdPolicy().maxTotal()).isEqualTo(Duration.ofMinutes(20));
        assertThat(config.database().poolSize()).isBetween(4, 200);
    }

    @Test
    void approvesNothingByDefault() {
        assertThat(parse().config().cardTerminal())
                .as("a production start has no card terminal")
                .isEqualTo(ServerConfig.CardTerminal.NONE);
        assertThat(parse().config().cardLedger()).isNull();
        assertThat(parse("--demo-data").config().cardTerminal()).isEqualTo(ServerConfig.CardTerminal.SIMULATED);
        assertThat(parse("--demo-data", "--card-terminal", "none").config().cardTerminal())
                .isEqualTo(ServerConfig.CardTerminal.NONE);
        ServerConfig simulated =
                parse("--card-terminal", "simulated", "--data-dir", "/tmp/mq").config();
        assertThat(simulated.cardTerminal()).isEqualTo(ServerConfig.CardTerminal.SIMULATED);
        assertThat(simulated.cardLedger().toString()).isEqualTo("/tmp/mq/simulated-card-terminal.log");
    }

    @Test
    void readsDurationsAsPeopleWriteThem() {
        DurationConverter converter = new DurationConverter();
        assertThat(converter.convert("8m")).isEqualTo(Duration.ofMinutes(8));
        assertThat(converter.convert("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(converter.convert("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(converter.convert("PT8M")).isEqualTo(Duration.ofMinutes(8));
    }

    @Test
    void refusesBadFlagsWithAClearMessageAndExitCode2() {
        assertRefused("'0s' must be longer than zero", "--hold-ttl", "0s");
        assertRefused("is not a duration", "--hold-ttl", "eight minutes");
        assertRefused("--hold-max-total must be at least --hold-ttl", "--hold-ttl", "10m", "--hold-max-total", "5m");
        assertRefused("--db must be 'embedded' or a JDBC URL", "--db", "mysql://localhost/x");
        assertRefused("--port must be", "--port", "70000");
        assertRefused("--demo-kiosks must be", "--demo-kiosks", "-1");
        assertRefused("Unknown option", "--colour", "red");
        assertRefused("--card-terminal must be 'simulated' or 'none'", "--card-terminal", "stripe");
    }

    private static void assertRefused(String message, String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = ServerMain.commandLine();
        cli.setErr(new PrintWriter(err));
        // validation runs before anything starts, so a refused start never touches a database
        cli.setExecutionStrategy(parseResult -> {
            ((ServerMain) cli.getCommand()).config();
            return 0;
        });
        int code = cli.execute(args);
        assertThat(code).as("exit code for %s", String.join(" ", args)).isEqualTo(2);
        assertThat(err.toString()).contains(message);
    }

    @Test
    void thePublicUrlIsKeptAsTerminalsStoreItAndAWrongOneIsRefused() {
        assertThat(parse("--public-url", "https://boxoffice.example.com:8443/api/v1/")
                        .config()
                        .publicUrl())
                .isEqualTo("https://boxoffice.example.com:8443");
        assertThat(parse("--public-url", "http://10.0.0.5:8080").config().publicUrl())
                .isEqualTo("http://10.0.0.5:8080");
        if (System.getenv("MARQUEE_PUBLIC_URL") == null) {
            assertThat(parse().config().publicUrl())
                    .as("from each request's Host")
                    .isNull();
        }
        for (String wrong : List.of("boxoffice.example.com", "ftp://box", "https://", "http://box?x=1")) {
            ServerMain main = parse("--public-url", wrong);
            org.assertj.core.api.Assertions.assertThatThrownBy(main::config)
                    .as(wrong)
                    .isInstanceOf(CommandLine.ParameterException.class)
                    .hasMessageContaining("--public-url");
        }
    }

    private static ServerMain parse(String... args) {
        ServerMain main = new ServerMain();
        new CommandLine(main).parseArgs(args);
        return main;
    }
}
