package org.marquee.server.db;

import java.util.Map;

/**
 * The database user and password an operator gave outside the JDBC URL; either may be null. Parameters in the URL
 * win over these (pgjdbc reads the URL after the properties), and with no password at all pgjdbc looks in {@code
 * .pgpass} ({@code PGPASSFILE}, else {@code ~/.pgpass}).
 */
public record DatabaseCredentials(String user, String password) {

    /** {@code MARQUEE_DB_USER}/{@code MARQUEE_DB_PASSWORD}, else libpq's {@code PGUSER}/{@code PGPASSWORD}. */
    public static DatabaseCredentials fromEnvironment(Map<String, String> env) {
        return new DatabaseCredentials(
                firstSet(env.get("MARQUEE_DB_USER"), env.get("PGUSER")),
                firstSet(env.get("MARQUEE_DB_PASSWORD"), env.get("PGPASSWORD")));
    }

    private static String firstSet(String first, String second) {
        if (first != null && !first.isEmpty()) {
            return first;
        }
        return second != null && !second.isEmpty() ? second : null;
    }
}
