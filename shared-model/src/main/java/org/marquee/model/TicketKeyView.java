package org.marquee.model;

import java.time.Instant;

/**
 * A ticket-signing key as {@code GET /ticket-keys} publishes it: {@code publicKey} is the base64 X.509
 * SubjectPublicKeyInfo of an Ed25519 key; tokens naming {@code kid} are checked with it. {@code notAfter} is null for
 * the key that signs new tickets; a retired key stays listed until the last ticket it signed is over.
 */
public record TicketKeyView(String kid, String algorithm, String publicKey, Instant notBefore, Instant notAfter) {}
