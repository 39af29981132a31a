package org.marquee.kiosk.testing;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongPredicate;
import org.marquee.kiosk.client.StaffAdmin;
import org.marquee.kiosk.client.StaffSessions;
import org.marquee.kiosk.client.TerminalAdmin;
import org.marquee.model.AdminTerminal;
import org.marquee.model.ErrorCode;
import org.marquee.model.Role;
import org.marquee.model.SessionView;
import org.marquee.model.StaffMember;
import org.marquee.model.StaffRequest;
import org.marquee.model.TerminalKind;
import org.marquee.model.TerminalRequest;

/**
 * Terminals, staff and signing in, as {@code /admin/terminals}, {@code /admin/staff} and {@code /sessions} answer
 * (DESIGN §4, §7.2): a token appears only in the answer that creates it and stops working when revoked or replaced;
 * PINs are 4 to 8 digits and never answered; no change may leave no active manager (409 {@code LAST_MANAGER}); a
 * wrong PIN is 401. Every change is written to the audit trail. One connection: {@link #token()} is what it sends.
 */
public final class FakeStaffDesk implements TerminalAdmin, StaffAdmin, StaffSessions {

    public static final String SERVER = "https://box.example";
    public static final String COUNTER_TOKEN = "counter-token-1";

    private final FakeAuditTrail audit;
    private final Clock clock;
    private final LongPredicate theaterExists;
    private final Map<Long, AdminTerminal> terminals = new LinkedHashMap<>();
    private final Map<Long, String> tokens = new LinkedHashMap<>();
    private final Set<String> dead = new HashSet<>();
    private final Map<Long, StaffMember> staff = new LinkedHashMap<>();
    private final Map<Long, String> pins = new LinkedHashMap<>();
    private final List<String> sessionsEnded = new ArrayList<>();
    private String token = COUNTER_TOKEN;
    private long nextId = 1;

    public FakeStaffDesk(FakeAuditTrail audit, Clock clock, LongPredicate theaterExists) {
        this.audit = audit;
        this.clock = clock;
        this.theaterExists = theaterExists;
    }

    /** The demo's counter terminal and kiosk in theater 1, alice (clerk, 1234) and morgan (manager, 9999). */
    public static FakeStaffDesk demo(FakeAuditTrail audit, Clock clock, LongPredicate theaterExists) {
        FakeStaffDesk desk = new FakeStaffDesk(audit, clock, theaterExists);
        desk.createTerminal(new TerminalRequest("Counter 1", TerminalKind.COUNTER, 1L));
        desk.createTerminal(new TerminalRequest("Lobby kiosk 1", TerminalKind.KIOSK, 1L));
        desk.createStaff(new StaffRequest("alice", "Alice Romero", Role.CLERK, "1234", null));
        desk.createStaff(new StaffRequest("morgan", "Morgan Díaz", Role.MANAGER, "9999", null));
        return desk;
    }

    @Override
    public synchronized List<AdminTerminal> terminals() {
        return List.copyOf(terminals.values());
    }

    @Override
    public synchronized AdminTerminal createTerminal(TerminalRequest request) {
        String name = FakeCinemaAdmin.required("name", request.name());
        if (request.kind() == null) {
            throw Refusals.invalid("kind", "'kind' must be KIOSK, COUNTER or SCANNER.");
        }
        if (request.theaterId() == null || !theaterExists.test(request.theaterId())) {
            throw Refusals.invalid("theaterId", "'theaterId' must name an existing theater.");
        }
        long id = nextId++;
        AdminTerminal terminal =
                new AdminTerminal(id, name, request.kind(), request.theaterId(), clock.instant(), null, null, null);
        terminals.put(id, terminal);
        audit.record(
                "TERMINAL_CREATED",
                "terminal",
                id,
                Map.of("name", name, "kind", request.kind().name()));
        return issue(terminal);
    }

    @Override
    public synchronized AdminTerminal revokeTerminal(long id) {
        AdminTerminal terminal = terminal(id);
        if (terminal.revokedAt() == null) {
            terminal = new AdminTerminal(
                    id,
                    terminal.name(),
                    terminal.kind(),
                    terminal.theaterId(),
                    terminal.createdAt(),
                    clock.instant(),
                    null,
                    null);
            terminals.put(id, terminal);
            dead.add(tokens.remove(id));
            audit.record("TERMINAL_REVOKED", "terminal", id, Map.of("name", terminal.name()));
        }
        return terminal;
    }

    @Override
    public synchronized AdminTerminal rotateToken(long id) {
        AdminTerminal terminal = terminal(id);
        if (terminal.revokedAt() != null) {
            throw Refusals.refused(
                    409, ErrorCode.CONFLICT, terminal.name() + " is revoked; add a new terminal.", Map.of());
        }
        dead.add(tokens.get(id));
        audit.record("TERMINAL_TOKEN_ROTATED", "terminal", id, Map.of("name", terminal.name()));
        return issue(terminal);
    }

    private AdminTerminal issue(AdminTerminal terminal) {
        String secret = "tok_" + UUID.randomUUID().toString().replace("-", "");
        tokens.put(terminal.id(), secret);
        return new AdminTerminal(
                terminal.id(),
                terminal.name(),
                terminal.kind(),
                terminal.theaterId(),
                terminal.createdAt(),
                terminal.revokedAt(),
                secret,
                "marquee://enroll?server=" + SERVER + "&token=" + secret);
    }

    private AdminTerminal terminal(long id) {
        AdminTerminal terminal = terminals.get(id);
        if (terminal == null) {
            throw Refusals.notFound("Terminal " + id);
        }
        return terminal;
    }

    /** True while {@code secret} is a terminal's current token (a revoked or replaced one answers 401). */
    public synchronized boolean tokenWorks(String secret) {
        return tokens.containsValue(secret) && !dead.contains(secret);
    }

    @Override
    public synchronized List<StaffMember> staff() {
        return List.copyOf(staff.values());
    }

    @Override
    public synchronized StaffMember createStaff(StaffRequest request) {
        String username = FakeCinemaAdmin.required("username", request.username());
        if (staff.values().stream().anyMatch(member -> member.username().equals(username))) {
            throw Refusals.refused(409, ErrorCode.CONFLICT, "The username '" + username + "' is taken.", Map.of());
        }
        String displayName = FakeCinemaAdmin.required("displayName", request.displayName());
        Role role = role(request.role());
        String pin = pin(request.pin());
        long id = nextId++;
        StaffMember member = new StaffMember(id, username, displayName, role, true, clock.instant());
        staff.put(id, member);
        pins.put(id, pin);
        audit.record("STAFF_CREATED", "staff", id, Map.of("username", username, "role", role.name()));
        return member;
    }

    @Override
    public synchronized StaffMember updateStaff(long id, StaffRequest change) {
        StaffMember before = staff.get(id);
        if (before == null) {
            throw Refusals.notFound("Staff member " + id);
        }
        String displayName = change.displayName() == null
                ? before.displayName()
                : FakeCinemaAdmin.required("displayName", change.displayName());
        Role role = change.role() == null ? before.role() : role(change.role());
        String pin = change.pin() == null ? null : pin(change.pin());
        boolean active = change.active() == null ? before.active() : change.active();
        boolean leavesManagers = staff.values().stream()
                .anyMatch(member -> member.id() != id && member.active() && member.role() == Role.MANAGER);
        if (before.role() == Role.MANAGER && before.active() && (role != Role.MANAGER || !active) && !leavesManagers) {
            throw Refusals.conflict(
                    "LAST_MANAGER",
                    before.displayName() + " is the last active manager; this change would leave none.");
        }
        StaffMember after = new StaffMember(id, before.username(), displayName, role, active, before.createdAt());
        staff.put(id, after);
        if (pin != null) {
            pins.put(id, pin);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("username", after.username());
        if (role != before.role()) {
            details.put("role", role.name());
        }
        if (active != before.active()) {
            details.put("active", active);
        }
        if (pin != null) {
            details.put("pinReset", true);
        }
        audit.record("STAFF_UPDATED", "staff", id, details);
        return after;
    }

    private static Role role(Role role) {
        if (role != Role.CLERK && role != Role.MANAGER) {
            throw Refusals.invalid("role", "'role' must be CLERK or MANAGER.");
        }
        return role;
    }

    private static String pin(String pin) {
        if (pin == null || !pin.matches("\\d{4,8}")) {
            throw Refusals.invalid("pin", "'pin' must be 4 to 8 digits.");
        }
        return pin;
    }

    /** What a PIN opens now: for a test that a reset PIN works and the old one does not. */
    public synchronized boolean pinOpens(String username, String pin) {
        return staff.values().stream()
                .anyMatch(member ->
                        member.username().equals(username) && member.active() && pin.equals(pins.get(member.id())));
    }

    @Override
    public synchronized SessionView startSession(String username, String pin) {
        token = COUNTER_TOKEN;
        StaffMember member = staff.values().stream()
                .filter(candidate -> candidate.username().equals(username) && candidate.active())
                .filter(candidate -> pin.equals(pins.get(candidate.id())))
                .findFirst()
                .orElseThrow(
                        () -> Refusals.refused(401, ErrorCode.UNAUTHORIZED, "Unknown user or wrong PIN.", Map.of()));
        token = "session-" + member.username() + "-" + UUID.randomUUID();
        return new SessionView(
                token,
                member.role(),
                member.username(),
                member.displayName(),
                clock.instant().plus(Duration.ofHours(12)));
    }

    @Override
    public synchronized void endSession() {
        if (!COUNTER_TOKEN.equals(token)) {
            sessionsEnded.add(token);
        }
        token = COUNTER_TOKEN;
    }

    @Override
    public synchronized void actAsTerminal() {
        token = COUNTER_TOKEN;
    }

    /** The token this connection sends now. */
    public synchronized String token() {
        return token;
    }

    /** The session tokens ended on the server, oldest first. */
    public synchronized List<String> sessionsEnded() {
        return List.copyOf(sessionsEnded);
    }
}
