package org.marquee.kiosk.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marquee.model.AdmissionVerdict;
import org.marquee.model.SignedTicketToken;
import org.marquee.model.TicketType;

/** The offline verdict: the token, the keys, the revoked list and this door's own admissions. */
class DoorCheckTest {

    private static final Instant START = Instant.parse("2026-11-30T20:00:00Z");

    @Test
    void verdictsForEveryKindOfScan() throws Exception {
        KeyPair old = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair current = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair forger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        DoorCheck check = new DoorCheck();
        check.keys(Map.of("k-old", old.getPublic(), "k-new", current.getPublic()));
        check.revoke(3, "REFUNDED");
        Instant now = START.minusSeconds(600);

        assertThat(check.check(token(1, "A1", 42, "k-old", old), 42L, now, "d").result())
                .as("a ticket of the retired key")
                .isEqualTo(AdmissionVerdict.ADMITTED);
        assertThat(check.check(token(2, "A2", 42, "k-new", current), 42L, now, "d")
                        .result())
                .isEqualTo(AdmissionVerdict.ADMITTED);
        assertThat(check.check(token(2, "A2", 42, "k-new", current), 42L, now, "d")
                        .result())
                .isEqualTo(AdmissionVerdict.ALREADY_ADMITTED);
        assertThat(check.check(token(3, "A3", 42, "k-new", current), 42L, now, "d")
                        .why())
                .isEqualTo(DoorVerdict.Why.REFUNDED);
        assertThat(check.check(token(4, "A4", 43, "k-new", current), 42L, now, "d")
                        .result())
                .isEqualTo(AdmissionVerdict.WRONG_SHOWTIME);
        assertThat(check.check(token(4, "A4", 43, "k-new", current), null, now, "d")
                        .result())
                .as("a door that admits any showtime")
                .isEqualTo(AdmissionVerdict.ADMITTED);
        assertThat(check.check(token(5, "A5", 42, "k-new", forger), 42L, now, "d")
                        .why())
                .isEqualTo(DoorVerdict.Why.NOT_A_TICKET);
        assertThat(check.check(token(6, "A6", 42, "k-other", current), 42L, now, "d")
                        .why())
                .isEqualTo(DoorVerdict.Why.UNKNOWN_KEY);
        assertThat(check.check(token(7, "A7", 42, "k-new", current), 42L, START.plusSeconds(7 * 3600), "d")
                        .why())
                .isEqualTo(DoorVerdict.Why.EXPIRED);
        assertThat(check.check("garbage", 42L, now, "d").why()).isEqualTo(DoorVerdict.Why.NOT_A_TICKET);
        assertThat(check.check(null, 42L, now, "d").result()).isEqualTo(AdmissionVerdict.INVALID);
    }

    private static String token(long id, String seat, long showtime, String kid, KeyPair key) {
        return SignedTicketToken.sign(
                new SignedTicketToken.Claims(id, "K7QXPA", showtime, seat, TicketType.ADULT, START),
                kid,
                key.getPrivate());
    }
}
