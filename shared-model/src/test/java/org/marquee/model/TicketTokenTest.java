package org.marquee.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.marquee.model.TicketToken.Claims;

class TicketTokenTest {

    private static final byte[] KEY = "a door-scanner key of thirty-two+ bytes".getBytes(StandardCharsets.US_ASCII);
    private static final String ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/| \u00e9";
    private static final Claims CLAIMS =
            new Claims("ABC234", 42, "F7", TicketType.CHILD, Instant.parse("2026-11-22T18:00:00Z"));

    @Test
    void aSignedTokenVerifiesToItsClaimsAndCarriesNoMoreThanThem() {
        String token = TicketToken.sign(CLAIMS, KEY);

        assertThat(token).startsWith("MQT1.").matches("MQT1\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}");
        assertThat(TicketToken.verify(token, KEY)).contains(CLAIMS);
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(payload).isEqualTo("ABC234|42|F7|CHILD|" + CLAIMS.startsAt().getEpochSecond());
    }

    @Test
    void everySingleCharacterChangeOrDeletionIsRefused() {
        String token = TicketToken.sign(CLAIMS, KEY);
        int tried = 0;
        for (int i = 0; i < token.length(); i++) {
            String deleted = token.substring(0, i) + token.substring(i + 1);
            assertThat(TicketToken.verify(deleted, KEY))
                    .as("without character %d", i)
                    .isEmpty();
            for (char c : ALPHABET.toCharArray()) {
                if (c != token.charAt(i)) {
                    String changed = token.substring(0, i) + c + token.substring(i + 1);
                    assertThat(TicketToken.verify(changed, KEY))
                            .as("character %d set to '%s'", i, c)
                            .isEmpty();
                    tried++;
                }
            }
        }
        assertThat(tried).isGreaterThan(token.length() * 60);
    }

    @Test
    void anotherKeyRefusesTheToken() {
        String token = TicketToken.sign(CLAIMS, KEY);
        byte[] other = Arrays.copyOf(KEY, KEY.length);
        other[0] ^= 1;

        assertThat(TicketToken.verify(token, other)).isEmpty();
        assertThat(TicketToken.verify(TicketToken.sign(CLAIMS, other), KEY)).isEmpty();
    }

    @Test
    void garbageOfEveryKindIsRefusedWithoutAnException() {
        String token = TicketToken.sign(CLAIMS, KEY);
        String[] garbage = {
            null,
            "",
            ".",
            "MQT1.",
            "MQT1..",
            "MQT1...",
            "MQT1.%%%.%%%",
            "mqt1" + token.substring(4),
            "MQT2" + token.substring(4),
            token + ".",
            "." + token,
            token + token,
            token.substring(0, token.lastIndexOf('.') + 1),
            token.replace('.', '|'),
            "MQT1.\u0000.\u0000",
            "MQT1.\uD800.\uDFFF",
            "x".repeat(10_000_000),
            "MQT1." + "A".repeat(1_000_000) + "." + "B".repeat(43),
        };
        for (String g : garbage) {
            assertThat(TicketToken.verify(g, KEY))
                    .as("%s", g == null ? "null" : g.substring(0, Math.min(40, g.length())))
                    .isEmpty();
        }
    }

    @Test
    void aValidSignatureOverAPayloadThatIsNotClaimsIsStillRefused() throws Exception {
        // Only a key holder could make these, but a scanner must still answer "no" rather than crash.
        for (String payload : new String[] {"", "a|b", "ABC|x|F7|ADULT|1", "ABC|1|F7|KING|1", "ABC|1|F7|ADULT|9e99"}) {
            String signed = "MQT1." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes());
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            String sig = Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(signed.getBytes()));
            assertThat(TicketToken.verify(signed + "." + sig, KEY)).as(payload).isEmpty();
        }
    }

    @Test
    void fieldsThatWouldBreakThePayloadAreRefusedAtSignTime() {
        Instant at = Instant.parse("2026-11-22T18:00:00Z");
        assertThatThrownBy(() -> TicketToken.sign(new Claims("AB|C", 1, "F7", TicketType.ADULT, at), KEY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("orderCode");
        assertThatThrownBy(() -> TicketToken.sign(new Claims("ABC234", 1, "F|7", TicketType.ADULT, at), KEY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("seatId");
        assertThatThrownBy(() -> new Claims("ABC234", 1, "F 7", TicketType.ADULT, at))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Claims("ÄBC234", 1, "F7", TicketType.ADULT, at))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Claims("", 1, "F7", TicketType.ADULT, at))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Claims("ABC234", 1, "F".repeat(65), TicketType.ADULT, at))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Claims("ABC234", 1, null, TicketType.ADULT, at))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void keysShorterThan32BytesAreRefused() {
        byte[] shortKey = new byte[31];
        assertThatThrownBy(() -> TicketToken.sign(CLAIMS, shortKey))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32");
        assertThatThrownBy(() -> TicketToken.verify("MQT1.a.b", shortKey)).isInstanceOf(IllegalArgumentException.class);
        assertThat(TicketToken.verify(TicketToken.sign(CLAIMS, new byte[32]), new byte[32]))
                .contains(CLAIMS);
    }

    @Test
    void startTimesAreKeptToWholeSeconds() {
        Claims claims = new Claims("ABC234", 1, "F7", TicketType.ADULT, Instant.parse("2026-11-22T18:00:00.999Z"));
        assertThat(claims.startsAt()).isEqualTo(Instant.parse("2026-11-22T18:00:00Z"));
        assertThat(TicketToken.verify(TicketToken.sign(claims, KEY), KEY)).contains(claims);
    }

    @Property(tries = 300)
    void anyClaimsSurviveTheRoundTrip(@ForAll("claims") Claims claims) {
        assertThat(TicketToken.verify(TicketToken.sign(claims, KEY), KEY)).contains(claims);
    }

    @Property(tries = 1000)
    void anyOneCharacterChangeOfAnyTokenIsRefused(
            @ForAll("claims") Claims claims,
            @ForAll @IntRange(min = 0, max = 10_000) int position,
            @ForAll("tokenCharacters") char replacement) {
        String token = TicketToken.sign(claims, KEY);
        int i = position % token.length();
        String changed = token.substring(0, i) + replacement + token.substring(i + 1);

        if (changed.equals(token)) {
            assertThat(TicketToken.verify(changed, KEY)).contains(claims);
        } else {
            assertThat(TicketToken.verify(changed, KEY)).isEmpty();
        }
    }

    @Property(tries = 500)
    void arbitraryTextIsRefusedWithoutAnException(@ForAll String text) {
        assertThat(TicketToken.verify(text, KEY)).isEmpty();
        assertThat(TicketToken.verify(TicketToken.PREFIX + text, KEY)).isEmpty();
    }

    @Provide
    Arbitrary<Claims> claims() {
        Arbitrary<String> field = Arbitraries.strings()
                .withCharRange('!', '~')
                .ofMinLength(1)
                .ofMaxLength(TicketToken.MAX_FIELD_LENGTH)
                .filter(s -> s.indexOf('|') < 0);
        Arbitrary<Instant> startsAt = Arbitraries.longs()
                .between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond())
                .map(Instant::ofEpochSecond);
        return Combinators.combine(field, Arbitraries.longs(), field, Arbitraries.of(TicketType.class), startsAt)
                .as(Claims::new);
    }

    @Provide
    Arbitrary<Character> tokenCharacters() {
        return Arbitraries.of(ALPHABET.chars().mapToObj(c -> (char) c).toArray(Character[]::new));
    }
}
