package org.marquee.server.people;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.marquee.model.ErrorCode;
import org.marquee.model.Role;
import org.marquee.model.StaffMember;
import org.marquee.model.StaffRequest;
import org.marquee.server.audit.AuditLog;
import org.marquee.server.common.MarqueeException;
import org.marquee.server.common.Principal;
import org.marquee.server.people.persistence.AdminStaffDao;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Staff for managers (DESIGN §7.2): create, rename, change role, reset PIN, deactivate. There is always an active
 * manager: a change that would leave none is 409 {@code LAST_MANAGER}, decided under one lock so that two managers
 * demoting each other at once cannot both succeed. A staff member deactivated or given another role is signed out
 * everywhere at once (their sessions carry the role they signed in with). PINs are kept as bcrypt, as at sign-in, and
 * never answered, logged or audited.
 */
public final class StaffAdmin {

    private static final Logger log = LoggerFactory.getLogger(StaffAdmin.class);
    /** The cost of the stored PIN hashes; sign-in's dummy hash has the same (SessionService). */
    private static final int BCRYPT_COST = 10;

    private final AdminStaffDao staff;
    private final AuditLog audit;
    private final TokenChanges tokenChanges;

    public StaffAdmin(AdminStaffDao staff, AuditLog audit, TokenChanges tokenChanges) {
        this.staff = staff;
        this.audit = audit;
        this.tokenChanges = tokenChanges;
    }

    public List<StaffMember> list() {
        return staff.list();
    }

    public StaffMember create(Principal manager, StaffRequest request) {
        String username = Names.username(request.username());
        String displayName = Names.name("displayName", request.displayName());
        Role role = staffRole(request.role());
        String pin = Names.pin(request.pin());
        if (request.active() != null && !request.active()) {
            throw MarqueeException.invalid("'active': a new staff member starts active; deactivate them later.");
        }
        StaffMember created = staff.create(username, displayName, role, hash(pin))
                .orElseThrow(() -> new MarqueeException(
                        ErrorCode.CONFLICT,
                        "The username '" + username + "' is taken; choose another.",
                        Map.of("field", "username")));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("username", created.username());
        details.put("displayName", created.displayName());
        details.put("role", created.role().name());
        audit.record(manager, "STAFF_CREATED", "STAFF", created.id(), details);
        log.info("event=staff_created staff={} role={}", created.id(), created.role());
        return created;
    }

    /** Changes what the request names; fields it leaves out (null) stay as they are. */
    public StaffMember update(Principal manager, long id, StaffRequest request) {
        if (request.displayName() == null
                && request.role() == null
                && request.active() == null
                && request.pin() == null) {
            throw MarqueeException.invalid("Say what to change: 'displayName', 'role', 'active' or 'pin'.");
        }
        String displayName = request.displayName() == null ? null : Names.name("displayName", request.displayName());
        Role role = request.role() == null ? null : staffRole(request.role());
        String pin = request.pin() == null ? null : Names.pin(request.pin());
        boolean managersMayChange = role != null || request.active() != null;
        if (managersMayChange) {
            // before the row is read, so that the count below sees every change committed before ours
            staff.lockManagers();
        }
        StaffMember before =
                staff.lock(id).orElseThrow(() -> MarqueeException.notFound("There is no staff member " + id + "."));
        if (request.username() != null && !request.username().strip().equals(before.username())) {
            throw MarqueeException.invalid("'username' cannot change; create a new staff member instead.");
        }
        Role newRole = role == null ? before.role() : role;
        boolean newActive = request.active() == null ? before.active() : request.active();
        boolean wasManager = before.active() && before.role() == Role.MANAGER;
        boolean staysManager = newActive && newRole == Role.MANAGER;
        if (wasManager && !staysManager && staff.otherActiveManagers(id) == 0) {
            throw new MarqueeException(
                    ErrorCode.LAST_MANAGER,
                    before.username() + " is the last active manager: make someone else a manager first.",
                    Map.of("staffId", id));
        }
        StaffMember after =
                staff.update(id, displayName == null ? before.displayName() : displayName, newRole, newActive);
        if (pin != null) {
            staff.resetPin(id, hash(pin));
        }
        int sessionsEnded = 0;
        if (newRole != before.role() || (before.active() && !newActive)) {
            sessionsEnded = staff.endSessions(id);
            tokenChanges.announce("staff_signed_out");
        }
        audit.record(manager, "STAFF_UPDATED", "STAFF", id, changes(before, after, pin != null, sessionsEnded));
        log.info(
                "event=staff_updated staff={} role={} active={} pinReset={} sessionsEnded={}",
                id,
                after.role(),
                after.active(),
                pin != null,
                sessionsEnded);
        return after;
    }

    private static Role staffRole(Role role) {
        if (role != Role.CLERK && role != Role.MANAGER) {
            throw MarqueeException.invalid("'role' must be CLERK or MANAGER.");
        }
        return role;
    }

    private static String hash(String pin) {
        return BCrypt.withDefaults().hashToString(BCRYPT_COST, pin.toCharArray());
    }

    /** What changed, as {@code field: {from, to}}; a new PIN only as {@code pinReset: true}. */
    private static Map<String, Object> changes(StaffMember before, StaffMember after, boolean pinReset, int ended) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("username", after.username());
        if (!Objects.equals(before.displayName(), after.displayName())) {
            details.put("displayName", Map.of("from", before.displayName(), "to", after.displayName()));
        }
        if (before.role() != after.role()) {
            details.put(
                    "role",
                    Map.of("from", before.role().name(), "to", after.role().name()));
        }
        if (before.active() != after.active()) {
            details.put("active", Map.of("from", before.active(), "to", after.active()));
        }
        if (pinReset) {
            details.put("pinReset", true);
        }
        if (ended > 0) {
            details.put("sessionsEnded", ended);
        }
        return details;
    }
}
