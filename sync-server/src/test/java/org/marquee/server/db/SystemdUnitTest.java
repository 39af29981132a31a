package org.marquee.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The installed unit stops an embedded PostgreSQL with the server and restarts the server after a crash. */
class SystemdUnitTest {

    @Test
    void stoppingTheServiceStopsEveryProcessOfItAndACrashRestartsIt() throws Exception {
        String unit = Files.readString(Path.of("..", "installers", "server", "marquee-sync-server.service"));

        assertThat(unit).containsPattern("(?m)^KillMode=control-group$");
        assertThat(unit).containsPattern("(?m)^Restart=on-failure$");
    }
}
