package org.marquee.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The guards' shortcuts for ordinary requests (a scan instead of a regular expression, no JSON parse of plain ASCII)
 * answer exactly what the full checks answer.
 */
class GuardFastPathsTest {

    /** The pattern the card-data guard used before its one-pass scan. */
    private static final Pattern SENSITIVE_FIELD = Pattern.compile(
            "\"(cvv2?|cvc2?|cid|csc|security_?code|card_?number|pan|track_?[12]?|track_?data|magstripe)\"\\s*:",
            Pattern.CASE_INSENSITIVE);

    private static final List<String> PIECES = List.of(
            "\"",
            "\"",
            ":",
            " ",
            "\t",
            "\n",
            "cvv",
            "CVV2",
            "cvc",
            "pan",
            "Pan",
            "csc",
            "cid",
            "security_code",
            "securitycode",
            "card_number",
            "CardNumber",
            "track",
            "track1",
            "track_2",
            "track_data",
            "magstripe",
            "x",
            "seatIds",
            "[",
            "]",
            "{",
            "}",
            ",",
            "\\\"",
            "panel",
            "-",
            "\"cvv\"",
            "\"Track2\"",
            "\"x\"",
            "\"pan\"",
            "\"card_Number\"",
            ": ");

    /** Texts of quotes, colons, white space and names with no digit: only a card field can be found in them. */
    @Test
    void aCardFieldIsFoundExactlyWhereThePatternFindsIt() {
        SplittableRandom random = new SplittableRandom(17);
        int found = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder();
            int pieces = 1 + random.nextInt(12);
            for (int p = 0; p < pieces; p++) {
                text.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            String s = text.toString();
            boolean expected = SENSITIVE_FIELD.matcher(s).find();
            assertThat(CardDataGuard.containsCardData(s)).as(s).isEqualTo(expected);
            found += expected ? 1 : 0;
        }
        // the generator makes both kinds, or the comparison would prove little
        assertThat(found).isBetween(1_000, 199_000);
    }

    @Test
    void ordinaryRequestsPassAndCardDataIsStillFound() {
        assertThat(CardDataGuard.containsCardData("{\"showtimeId\":12,\"seatIds\":[\"F6\",\"F7\"]}"))
                .isFalse();
        assertThat(CardDataGuard.containsCardData("{\"cvv\" :\"123\"}")).isTrue();
        assertThat(CardDataGuard.containsCardData("{\"a\":\"x\",\"Track2\":\"y\"}"))
                .isTrue();
        assertThat(CardDataGuard.containsCardData("{\"email\":\"4111111111111111@x.io\"}"))
                .isTrue();
        assertThat(CardDataGuard.containsCardData("/orders/4111 1111 1111 1111"))
                .isTrue();
        // twelve digits cannot be a card number
        assertThat(CardDataGuard.containsCardData("{\"phone\":\"4111 1111 1111\"}"))
                .isFalse();
        // a UUID's digits are an id
        assertThat(CardDataGuard.containsCardData("/holds/12345678-1234-1234-1234-123456789012"))
                .isFalse();
    }

    @Test
    void plainAsciiBodiesNeedNoParseAndAnythingElseIsParsed() {
        assertThat(ControlCharacterGuard.plainText(bytes("{\"seatIds\":[\"F6\"],\n\t\"note\":\"ok\"}")))
                .isTrue();
        // an escape may be \u0000, bytes above 0x7E may be C1 controls, DEL is a control
        assertThat(ControlCharacterGuard.plainText(bytes("{\"name\":\"a\\u0000\"}")))
                .isFalse();
        assertThat(ControlCharacterGuard.plainText(bytes("{\"name\":\"a\u0085\"}")))
                .isFalse();
        assertThat(ControlCharacterGuard.plainText(bytes("{\"name\":\"é\"}"))).isFalse();
        assertThat(ControlCharacterGuard.plainText(bytes("{\"name\":\"a\u007f\"}")))
                .isFalse();
        assertThat(ControlCharacterGuard.plainText(new byte[] {'{', 0, '}'})).isFalse();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
