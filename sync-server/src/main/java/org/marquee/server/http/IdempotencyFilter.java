package org.marquee.server.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.marquee.server.auth.Principal;
import org.marquee.server.idempotency.IdempotencyKeys;

/**
 * Wraps every mutating request that carries an {@code Idempotency-Key}: before the handler, either claims the key or
 * answers with the stored first answer (marked {@code Idempotent-Replayed: true}); after it, stores the answer.
 */
final class IdempotencyFilter {

    private static final String CLAIMED = "marquee.idempotencyKey";

    private final IdempotencyKeys keys;

    IdempotencyFilter(IdempotencyKeys keys) {
        this.keys = keys;
    }

    void before(Context ctx) {
        String key = ctx.header("Idempotency-Key");
        Principal principal = ctx.attribute(Requests.PRINCIPAL);
        if (key == null || principal == null || !mutating(ctx.method())) {
            return;
        }
        // never for sign-in: the stored answer would hold the session token, and the request hash the PIN (a hash of
        // a body with a 4-digit PIN is undone by trying them all); a repeated sign-in just starts another session
        if (ctx.path().startsWith(ApiRoutes.BASE + "/sessions")) {
            return;
        }
        switch (keys.decide(principal.terminalId(), key, ctx.method().name(), ctx.path(), ctx.bodyAsBytes())) {
            case IdempotencyKeys.Decision.Run run -> ctx.attribute(CLAIMED, key);
            case IdempotencyKeys.Decision.Replay replay -> {
                ctx.status(replay.status()).header("Idempotent-Replayed", "true");
                if (replay.body() != null && replay.body().length > 0) {
                    ctx.contentType("application/json").result(replay.body());
                }
                ctx.skipRemainingHandlers();
            }
        }
    }

    void after(Context ctx) {
        String key = ctx.attribute(CLAIMED);
        if (key == null) {
            return;
        }
        Principal principal = Requests.principal(ctx);
        try (InputStream result = ctx.resultInputStream()) {
            byte[] body = result == null ? new byte[0] : result.readAllBytes();
            ctx.result(body);
            keys.remember(principal.terminalId(), key, ctx.statusCode(), body);
        } catch (IOException e) {
            keys.forget(principal.terminalId(), key);
            throw new UncheckedIOException(e);
        }
    }

    private static boolean mutating(HandlerType method) {
        return method == HandlerType.POST
                || method == HandlerType.PUT
                || method == HandlerType.DELETE
                || method == HandlerType.PATCH;
    }
}
