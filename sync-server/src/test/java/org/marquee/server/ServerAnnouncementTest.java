package org.marquee.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The line that scripts wait for reaches standard output in one write, so that a log line written meanwhile by the log
 * writer's thread cannot land inside it (it once did: {@code installers/test-packages.sh} then never found the URL).
 */
class ServerAnnouncementTest {

    /** Every write that reaches the stream, as the operating system would get it. */
    private static final class Writes extends OutputStream {
        final List<String> seen = new ArrayList<>();

        @Override
        public void write(int b) {
            seen.add(String.valueOf((char) b));
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            seen.add(new String(bytes, offset, length, StandardCharsets.UTF_8));
        }
    }

    @Test
    void theListeningLineIsOneWholeWrite() {
        Writes writes = new Writes();
        // as System.out is made: a print stream that flushes on line ends, straight onto the file descriptor
        ServerMain.announce(new PrintStream(writes, true, StandardCharsets.UTF_8), 38685);

        assertThat(writes.seen)
                .containsExactly("Marquee sync server listening on http://localhost:38685/api/v1 (Ctrl-C stops it)"
                        + System.lineSeparator());
        assertThat(writes.seen.getFirst()).containsPattern("listening on http://[^ ]*/api/v1");
    }
}
