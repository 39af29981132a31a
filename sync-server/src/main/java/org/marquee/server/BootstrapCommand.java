package org.marquee.server;

import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.marquee.model.ErrorCode;
import org.marquee.server.common.MarqueeException;
import org.marquee.server.db.Database;
import org.marquee.server.db.DatabaseCredentials;
import org.marquee.server.db.DatabaseSettings;
import org.marquee.server.people.Bootstrap;
import org.marquee.server.people.persistence.BootstrapStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code marquee server bootstrap} (DESIGN §7.2): creates the first theater, manager and counter terminal of a new
 * production database, prints the terminal's token once as {@code MARQUEE_TERMINAL_TOKEN=<token>}, and refuses
 * (exit 1) a database that has a manager. Exit 2 for a flag that is missing or wrong (picocli's usage exit code too);
 * nothing is written then.
 */
@Command(
        name = "bootstrap",
        mixinStandardHelpOptions = true,
        versionProvider = ServerMain.Version.class,
        description = "Sets up a new cinema on an empty database: its first theater, a manager and a counter terminal."
                + " The manager's PIN comes from MARQUEE_MANAGER_PIN, or is asked on the terminal.",
        sortOptions = false)
public final class BootstrapCommand implements Callable<Integer> {

    static final int REFUSED = 1;
    static final int BAD_INPUT = 2;

    /** Asks for the PIN on the terminal; null when there is no terminal to ask on. */
    interface PinPrompt {
        char[] ask(String prompt);
    }

    @Spec
    CommandSpec spec;

    @Option(
            names = "--db",
            defaultValue = "${env:MARQUEE_DB_URL:-embedded}",
            description = "A JDBC URL of the PostgreSQL database (also MARQUEE_DB_URL; credentials as for the server),"
                    + " or 'embedded' for the embedded one under --data-dir.")
    String db;

    @Option(
            names = "--data-dir",
            defaultValue = "${sys:user.home}/.marquee/server",
            description = "With --db embedded: where its data is (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--theater-name", required = true, description = "The first theater's name.")
    String theaterName;

    @Option(names = "--address", required = true, description = "Its street address.")
    String address;

    @Option(names = "--lat", required = true, description = "Its latitude, such as 40.4230.")
    double lat;

    @Option(names = "--lon", required = true, description = "Its longitude, such as -3.7110.")
    double lon;

    @Option(names = "--time-zone", required = true, description = "Its time zone, such as Europe/Madrid.")
    String timeZone;

    @Option(names = "--manager", required = true, paramLabel = "USERNAME", description = "The manager's username.")
    String manager;

    @Option(names = "--manager-name", required = true, description = "The manager's name as staff lists show it.")
    String managerName;

    @Option(
            names = "--terminal-name",
            defaultValue = Bootstrap.DEFAULT_TERMINAL,
            description = "The counter terminal's name (default: ${DEFAULT-VALUE}).")
    String terminalName;

    private final Function<String, String> env;
    private final PinPrompt prompt;

    public BootstrapCommand() {
        this(System::getenv, BootstrapCommand::askOnConsole);
    }

    BootstrapCommand(Function<String, String> env, PinPrompt prompt) {
        this.env = env;
        this.prompt = prompt;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String pin;
        try {
            pin = pin();
        } catch (IllegalStateException e) {
            err.println("marquee server bootstrap: " + e.getMessage());
            return BAD_INPUT;
        }
        var request = new Bootstrap.Request(
                theaterName, address, lat, lon, timeZone, manager, managerName, pin, terminalName);
        try {
            // every value checked before the database is opened (and migrated): a typo changes nothing
            Bootstrap.check(request);
        } catch (MarqueeException e) {
            err.println("marquee server bootstrap: " + e.getMessage());
            return BAD_INPUT;
        }
        boolean embedded = db == null || db.isBlank() || db.equals("embedded");
        if (!embedded && !db.startsWith("jdbc:postgresql:")) {
            err.println(
                    "marquee server bootstrap: --db must be 'embedded' or a JDBC URL starting with jdbc:postgresql:");
            return BAD_INPUT;
        }
        var credentials = DatabaseCredentials.fromEnvironment(System.getenv());
        var settings = new DatabaseSettings(
                embedded ? null : db, credentials.user(), credentials.password(), dataDir.toAbsolutePath(), 2);
        Bootstrap.Result result;
        try (Database database = Database.open(settings)) {
            result = new Bootstrap(new BootstrapStore(database.jdbi())).run(request);
        } catch (MarqueeException e) {
            err.println("marquee server bootstrap: " + e.getMessage());
            return e.code() == ErrorCode.CONFLICT ? REFUSED : BAD_INPUT;
        } catch (RuntimeException e) {
            err.println("marquee server bootstrap: the database could not be set up: " + e.getMessage());
            return REFUSED;
        }
        out.printf(
                "Marquee is set up: theater %d '%s', manager '%s', counter terminal '%s' (id %d).%n",
                result.theaterId(), theaterName.strip(), manager.strip(), result.terminalName(), result.terminalId());
        out.println("The counter terminal's token follows; it is shown only now. Keep it like a password:");
        out.println("MARQUEE_TERMINAL_TOKEN=" + result.token());
        out.println("Start the counter with: ./marquee kiosk --server <this server's URL> --mode counter"
                + " --terminal-token <the token above>, and sign in as " + manager.strip() + ".");
        out.flush();
        return 0;
    }

    /** MARQUEE_MANAGER_PIN, or typed twice on the terminal. */
    private String pin() {
        String fromEnv = env.apply("MARQUEE_MANAGER_PIN");
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv;
        }
        char[] first = prompt.ask("The manager's PIN (4 to 8 digits): ");
        if (first == null) {
            throw new IllegalStateException(
                    "no PIN: set MARQUEE_MANAGER_PIN, or run bootstrap on a terminal to type it.");
        }
        char[] again = prompt.ask("The same PIN again: ");
        try {
            if (again == null || !Arrays.equals(first, again)) {
                throw new IllegalStateException("the two PINs differ; nothing was changed.");
            }
            return new String(first);
        } finally {
            Arrays.fill(first, ' ');
            if (again != null) {
                Arrays.fill(again, ' ');
            }
        }
    }

    private static char[] askOnConsole(String prompt) {
        Console terminal = System.console();
        return terminal == null ? null : terminal.readPassword("%s", prompt);
    }
}
