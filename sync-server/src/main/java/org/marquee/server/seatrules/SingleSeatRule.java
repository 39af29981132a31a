package org.marquee.server.seatrules;

import org.marquee.model.Role;

/** A theater's single-seat rule (DESIGN §8): whom the rule against leaving one free seat alone binds. */
public enum SingleSeatRule {
    /** Nobody. */
    OFF,
    /** Kiosks only: the counter may leave a single seat, a customer at a kiosk may not. */
    KIOSK,
    /** Everyone; a clerk or manager may override it with {@code allowSingleSeatGap}, which is audited. */
    ALL;

    /** Whether a hold by {@code role} must leave no single seat, given whether it asked to override the rule. */
    public boolean binds(Role role, boolean override) {
        return switch (this) {
            case OFF -> false;
            case KIOSK -> role == Role.KIOSK;
            case ALL -> !(override && overridableBy(role));
        };
    }

    /** Whether {@code role} may pass {@code allowSingleSeatGap}. */
    public static boolean overridableBy(Role role) {
        return role == Role.CLERK || role == Role.MANAGER;
    }
}
