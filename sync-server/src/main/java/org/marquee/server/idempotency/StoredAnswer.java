package org.marquee.server.idempotency;

/** What is stored under an Idempotency-Key: the request's hash and, once it finished, its answer. */
public record StoredAnswer(String requestHash, Integer status, byte[] body) {

    public boolean finished() {
        return status != null;
    }
}
