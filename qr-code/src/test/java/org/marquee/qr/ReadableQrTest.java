package org.marquee.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.common.BitMatrix;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadableQrTest {

    /** A real MQT2 ticket token whose code, with the mask pattern the standard's penalty picks, ZXing does not find. */
    private static final String UNLUCKY_TICKET =
            "MQT2.k20261130-x7qmfa.NDcxMTA0MnxLN1FYUEF8MTIzNDU2fEY3fEFEVUxUfDE3OTUzNzA0MDA."
                    + "AtRySTpWc52VM53xZmhbOnEdiKGdM4lBwI2B9Z2AgSXgww97T2h710GTTyqPM56gXkV3fR4UmcnQG36980TDBg";

    /** A terminal's enrollment text (as the admin screen shows it) with the same fault. */
    private static final String UNLUCKY_ENROLLMENT = enrollment("Vz86UTYTXNsIoyLFmssfFecCfW_CefYVcdistMvCzB8");

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void aTicketWhoseStandardCodeDoesNotReadIsDrawnWithAnotherMaskPatternThatDoes() {
        assertUnluckyTextReadsOnceRedrawn(UNLUCKY_TICKET, 4);
    }

    @Test
    void anEnrollmentTextWhoseStandardCodeDoesNotReadIsDrawnWithAnotherMaskPatternThatDoes() {
        assertUnluckyTextReadsOnceRedrawn(UNLUCKY_ENROLLMENT, 2);
    }

    @Test
    void everyCodeOfManyRandomTicketsAndEnrollmentsReads() {
        List<String> unreadable = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String ticket = "MQT2.k20261130-x7qmfa." + base64(38) + "." + base64(64);
            String enrollment = enrollment(base64(32));
            if (!ReadableQr.reads(ReadableQr.modules(ticket, 4), ticket)) {
                unreadable.add(ticket);
            }
            if (!ReadableQr.reads(ReadableQr.modules(enrollment, 2), enrollment)) {
                unreadable.add(enrollment);
            }
        }
        assertThat(unreadable).isEmpty();
    }

    @Test
    void aTextTooLongForAnyQrCodeIsAClearError() {
        String tooLong = "x".repeat(5_000);
        assertThatThrownBy(() -> ReadableQr.modules(tooLong, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too long for a QR code");
    }

    private static void assertUnluckyTextReadsOnceRedrawn(String text, int margin) {
        BitMatrix standard = ReadableQr.standard(text, margin);
        assertThat(ReadableQr.reads(standard, text))
                .as("the standard's own choice")
                .isFalse();

        BitMatrix drawn = ReadableQr.modules(text, margin);
        assertThat(drawn.getWidth()).as("same version, same quiet zone").isEqualTo(standard.getWidth());
        assertThat(drawn).isNotEqualTo(standard);
        assertThat(ReadableQr.reads(drawn, text)).isTrue();
    }

    static String enrollment(String token) {
        return "marquee://enroll?server=https%3A%2F%2Fboxoffice.cine-lumiere.fr&token=" + token;
    }

    static String base64(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
