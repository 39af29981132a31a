package org.marquee.server.secrets.persistence;

import java.security.SecureRandom;
import java.util.Base64;
import org.jdbi.v3.core.Jdbi;

/**
 * Keys the server signs with, kept in {@code server_settings} so that every instance on one database uses the same
 * ones. The first instance to ask creates a key; the others read it.
 */
public final class SecretStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Jdbi jdbi;

    public SecretStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The key called {@code name}, created with 32 random bytes if there is none yet. */
    public byte[] key(String name) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        return jdbi.withHandle(handle -> {
            handle.createUpdate("insert into server_settings (key, value) values (:k, :v) on conflict do nothing")
                    .bind("k", "secret." + name)
                    .bind("v", Base64.getEncoder().encodeToString(fresh))
                    .execute();
            String stored = handle.createQuery("select value from server_settings where key = :k")
                    .bind("k", "secret." + name)
                    .mapTo(String.class)
                    .one();
            return Base64.getDecoder().decode(stored);
        });
    }
}
