package org.marquee.server.db;

import java.nio.file.Path;

/**
 * Where the server's PostgreSQL is: an existing one at {@code jdbcUrl}, or, when that is null, an embedded one whose
 * files live in {@code dataDir} across restarts.
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, Path dataDir, int poolSize) {

    public boolean embedded() {
        return jdbcUrl == null;
    }
}
