package org.marquee.server.people;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.marquee.server.auth.TokenHash;
import org.marquee.server.common.MarqueeException;
import org.marquee.server.people.persistence.BootstrapStore;

/**
 * {@code marquee server bootstrap} (DESIGN §7.2): from an empty production database to a manager who can sign in on a
 * counter terminal, without SQL. Checks every value before anything is written; refuses a database that has a manager.
 */
public final class Bootstrap {

    /** The counter terminal's name unless another is given. */
    public static final String DEFAULT_TERMINAL = "counter-1";

    /** What the operator gave: the first theater, the manager and the counter terminal's name. */
    public record Request(
            String theaterName,
            String address,
            Double lat,
            Double lon,
            String timeZone,
            String managerUsername,
            String managerName,
            String pin,
            String terminalName) {}

    /** What was made; {@code token} is the counter terminal's, shown this once. */
    public record Result(long theaterId, long staffId, long terminalId, String terminalName, String token) {}

    private final BootstrapStore store;

    public Bootstrap(BootstrapStore store) {
        this.store = store;
    }

    /** Checks the request without touching the database: a refusal names the flag. */
    public static BootstrapStore.Theater check(Request request) {
        String name = flag("--theater-name", request.theaterName());
        String address = flag("--address", request.address());
        if (request.lat() == null
                || request.lat() < -90
                || request.lat() > 90
                || request.lat().isNaN()) {
            throw MarqueeException.invalid("--lat must be a latitude from -90 to 90, such as 40.4230.");
        }
        if (request.lon() == null
                || request.lon() < -180
                || request.lon() > 180
                || request.lon().isNaN()) {
            throw MarqueeException.invalid("--lon must be a longitude from -180 to 180, such as -3.7110.");
        }
        String zone = flag("--time-zone", request.timeZone());
        try {
            zone = ZoneId.of(zone).getId();
        } catch (DateTimeException e) {
            throw MarqueeException.invalid(
                    "--time-zone must be a time zone such as Europe/Madrid, not '" + zone + "'.");
        }
        if (!zone.contains("/") && !zone.equals("UTC")) {
            throw MarqueeException.invalid(
                    "--time-zone must be a region such as Europe/Madrid (or UTC), not an offset.");
        }
        try {
            Names.username(request.managerUsername());
        } catch (MarqueeException e) {
            throw MarqueeException.invalid(
                    "--manager must be 1 to 40 letters, digits, dots, dashes, underscores or @.");
        }
        flag("--manager-name", request.managerName());
        try {
            Names.pin(request.pin());
        } catch (MarqueeException e) {
            throw MarqueeException.invalid("The manager's PIN (MARQUEE_MANAGER_PIN) must be 4 to 8 digits.");
        }
        flag("--terminal-name", request.terminalName());
        return new BootstrapStore.Theater(name, address, request.lat(), request.lon(), zone);
    }

    /** Creates everything, or refuses (409 CONFLICT) when the database has a manager already. */
    public Result run(Request request) {
        BootstrapStore.Theater theater = check(request);
        String token = TerminalAdmin.newToken();
        String username = request.managerUsername().strip();
        String terminal = request.terminalName().strip();
        var details =
                java.util.Map.<String, Object>of("theater", theater.name(), "manager", username, "terminal", terminal);
        BootstrapStore.Created created = store.create(
                        theater,
                        username,
                        request.managerName().strip(),
                        BCrypt.withDefaults().hashToString(10, request.pin().toCharArray()),
                        terminal,
                        TokenHash.of(token),
                        details)
                .orElseThrow(() -> new MarqueeException(
                        org.marquee.model.ErrorCode.CONFLICT,
                        "This database has a manager already: bootstrap is only for a new, empty database. Sign in"
                                + " as a manager and use the admin screens (or the admin API) instead."));
        return new Result(created.theaterId(), created.staffId(), created.terminalId(), terminal, token);
    }

    private static String flag(String flag, String value) {
        if (value == null || value.isBlank()) {
            throw MarqueeException.invalid(flag + " is missing or empty.");
        }
        if (value.strip().length() > Names.MAX_NAME * 2) {
            throw MarqueeException.invalid(flag + " is too long.");
        }
        return value.strip();
    }
}
