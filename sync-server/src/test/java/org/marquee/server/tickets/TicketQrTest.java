package org.marquee.server.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marquee.model.SignedTicketToken;
import org.marquee.model.TicketType;

class TicketQrTest {

    /** A real MQT2 token whose code, with the mask pattern the standard's penalty picks, ZXing does not find. */
    private static final String UNLUCKY =
            "MQT2.k20261130-x7qmfa.NDcxMTA0MnxLN1FYUEF8MTIzNDU2fEY3fEFEVUxUfDE3OTUzNzA0MDA."
                    + "AtRySTpWc52VM53xZmhbOnEdiKGdM4lBwI2B9Z2AgSXgww97T2h710GTTyqPM56gXkV3fR4UmcnQG36980TDBg";

    @Test
    void aTokenWhoseStandardCodeDoesNotReadIsPrintedWithAnotherMaskPatternThatDoes() throws Exception {
        BitMatrix standard = new QRCodeWriter()
                .encode(
                        UNLUCKY,
                        BarcodeFormat.QR_CODE,
                        0,
                        0,
                        Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        assertThat(TicketQr.reads(standard, UNLUCKY))
                .as("the standard's own choice")
                .isFalse();

        BitMatrix printed = TicketQr.modules(UNLUCKY);
        assertThat(printed.getWidth()).as("same version, same quiet zone").isEqualTo(standard.getWidth());
        assertThat(printed).isNotEqualTo(standard);
        assertThat(TicketQr.reads(printed, UNLUCKY)).isTrue();
    }

    @Test
    void everyTicketOfManyRandomTokensGetsACodeThatReads() throws Exception {
        var keys = KeyPairGenerator.getInstance("Ed25519");
        List<String> unreadable = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String token = SignedTicketToken.sign(
                    new SignedTicketToken.Claims(
                            4_711_000L + i,
                            "K7QXPA",
                            123_456L,
                            "F" + (i % 20 + 1),
                            TicketType.ADULT,
                            SampleTickets.STARTS_AT),
                    "k20261130-x7qmfa",
                    keys.generateKeyPair().getPrivate());
            if (!TicketQr.reads(TicketQr.modules(token), token)) {
                unreadable.add(token);
            }
        }
        assertThat(unreadable).isEmpty();
    }
}
