package org.marquee.server.ticketkeys;

import java.time.Instant;

/**
 * A ticket-signing key as kept: the public key (X.509 SubjectPublicKeyInfo), the private key sealed, and its
 * validity. {@code retiredAt} is null for the one key that signs new tickets.
 */
public record TicketKeyRecord(
        String kid, byte[] publicKey, SealedKey privateKey, Instant notBefore, Instant notAfter, Instant retiredAt) {

    public boolean current() {
        return retiredAt == null;
    }
}
