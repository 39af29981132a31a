package org.marquee.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The stored form of a terminal token: SHA-256 in lower-case hex, the same from any number of threads at once. */
class TokenHashTest {

    @Test
    void isTheSha256OfTheToken() {
        // FIPS 180-2's test vector, and the empty string's
        assertThat(TokenHash.of("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(TokenHash.of("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void threadsHashingAtOnceGetTheSameAnswers() {
        List<String> alone = IntStream.range(0, 2_000)
                .mapToObj(i -> TokenHash.of("demo-kiosk-" + i))
                .toList();
        List<String> together = IntStream.range(0, 2_000)
                .parallel()
                .mapToObj(i -> TokenHash.of("demo-kiosk-" + i))
                .toList();
        assertThat(together).isEqualTo(alone).doesNotHaveDuplicates();
    }
}
