package org.marquee.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void theLoggedUrlNeverCarriesAPassword() {
        assertThat(Database.withoutPassword("jdbc:postgresql://localhost:5432/postgres?user=postgres"))
                .isEqualTo("jdbc:postgresql://localhost:5432/postgres?user=postgres");
        assertThat(Database.withoutPassword("jdbc:postgresql://db/marquee?user=m&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/marquee?user=m&ssl=true");
        assertThat(Database.withoutPassword("jdbc:postgresql://db/marquee?password=s3cret"))
                .isEqualTo("jdbc:postgresql://db/marquee");
        assertThat(Database.withoutPassword("jdbc:postgresql://db/marquee?user=m&PASSWORD=s3cret"))
                .isEqualTo("jdbc:postgresql://db/marquee?user=m");
    }
}
