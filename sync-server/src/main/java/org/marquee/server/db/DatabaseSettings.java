package org.marquee.server.db;

import java.nio.file.Path;

/**
 * Where the server's PostgreSQL is: an existing one at {@code jdbcUrl}, or, when that is null, an embedded one whose
 * files live in {@code dataDir} across restarts. {@code user} and {@code password} may be null: then they come from
 * the URL, or the password from a {@code .pgpass} file (pgjdbc reads it, or {@code PGPASSFILE}, when none is given).
 */
public record DatabaseSettings(
        String jdbcUrl, String user, String password, Path dataDir, int poolSize, DatabaseTimeouts timeouts) {

    public DatabaseSettings(String jdbcUrl, String user, String password, Path dataDir, int poolSize) {
        this(jdbcUrl, user, password, dataDir, poolSize, DatabaseTimeouts.DEFAULTS);
    }

    public boolean embedded() {
        return jdbcUrl == null;
    }
}
