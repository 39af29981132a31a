package org.marquee.server.idempotency;

/** The first answer kept under an Idempotency-Key, with the hash of the request that got it. */
public record StoredAnswer(String requestHash, int status, byte[] body) {}
