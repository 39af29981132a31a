package org.marquee.server.api;

import io.javalin.security.RouteRole;
import java.util.Set;
import org.marquee.model.Role;

/** Who may call a route: PUBLIC needs no token; the others are the caller roles of {@link Role}. */
public enum Access implements RouteRole {
    PUBLIC,
    KIOSK,
    COUNTER,
    CLERK,
    MANAGER,
    SCANNER;

    /** Every terminal and staff role: browsing and holding seats. */
    public static final RouteRole[] ANY_CALLER = {KIOSK, COUNTER, CLERK, MANAGER};

    /** Who sells: kiosks (card only) and signed-in staff; a counter terminal needs a clerk signed in first. */
    public static final RouteRole[] SELLERS = {KIOSK, CLERK, MANAGER};

    static Access of(Role role) {
        return valueOf(role.name());
    }

    static boolean allows(Set<RouteRole> routeRoles, Role role) {
        return routeRoles.contains(of(role));
    }
}
