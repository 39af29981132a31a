package org.marquee.server.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.marquee.model.ApiError;
import org.marquee.server.common.MarqueeException;
import org.marquee.server.common.Principal;
import org.marquee.server.db.UnitOfWork;
import org.marquee.server.idempotency.IdempotencyKeys;

/**
 * Runs a mutating request in one unit of work with its idempotent answer (DESIGN §10): a request with an
 * {@code Idempotency-Key} either replays the first answer (marked {@code Idempotent-Replayed: true}) or runs, and its
 * answer is kept in the same transaction as its effect. A crash at any moment leaves either nothing, and the retry
 * runs it, or the effect with its answer, and the retry replays it.
 */
public final class IdempotentRequests {

    /** A part of a request run in one unit of work; true when it wrote the request's answer. */
    @FunctionalInterface
    public interface Part {
        boolean run() throws Exception;
    }

    private sealed interface Ended {
        record Answered(boolean answered) implements Ended {}

        record Replayed(int status, byte[] body) implements Ended {}

        record Refused(MarqueeException error) implements Ended {}
    }

    /**
     * A request attribute: the body to keep as the key's answer instead of the one sent, for answers that carry a secret
     * shown only once (a new terminal token): a retry then gets the answer without it.
     */
    public static final String KEPT_ANSWER = "marquee.keptAnswer";

    private final UnitOfWork unit;
    private final IdempotencyKeys keys;

    public IdempotentRequests(UnitOfWork unit, IdempotencyKeys keys) {
        this.unit = unit;
        this.keys = keys;
    }

    /** {@code handler} run whole in one unit of work with its answer. */
    public Handler wrap(Handler handler) {
        return ctx -> {
            IdempotencyKeys.Claim claim = claim(ctx);
            if (claim == null) {
                // no answer to keep: the handler's stores commit on their own, as short as they can (measured: a
                // unit around every hold cost a refusal three round trips instead of one)
                handler.handle(ctx);
                return;
            }
            answer(ctx, claim, () -> {
                handler.handle(ctx);
                return true;
            });
        };
    }

    /**
     * {@code handler} run whole in one unit of work, with or without an {@code Idempotency-Key}, all or nothing: a
     * refusal ({@link MarqueeException}) rolls back everything the handler did, and only the refusal is kept as the
     * key's answer. For changes that must commit together with their audit entry (DESIGN §7.5), such as the admin API.
     */
    public Handler atomic(Handler handler) {
        return ctx -> {
            IdempotencyKeys.Claim claim = claim(ctx);
            try {
                unitAnswer(
                        ctx,
                        claim,
                        () -> {
                            handler.handle(ctx);
                            return true;
                        },
                        true);
            } catch (RolledBack rolledBack) {
                MarqueeException refusal = rolledBack.refusal;
                if (claim != null) {
                    // nothing of the request happened: its refusal alone becomes the key's answer, unless a retry
                    // that ran meanwhile already left one (then that one is replayed)
                    unitAnswer(
                            ctx,
                            claim,
                            () -> {
                                throw refusal;
                            },
                            false);
                }
                throw refusal;
            }
        };
    }

    /** Carries a refusal out of an atomic unit, so that the unit rolls back. */
    private static final class RolledBack extends RuntimeException {
        private final MarqueeException refusal;

        RolledBack(MarqueeException refusal) {
            super(refusal.getMessage(), null, false, false);
            this.refusal = refusal;
        }
    }

    /**
     * Runs {@code part} of the request in one unit of work. When it answers (returns true, or throws a
     * {@link MarqueeException}), the answer is kept with its effects; when it returns false, its effects are committed
     * and the request goes on. Returns true when the request has its answer: from {@code part}, or replayed.
     */
    public boolean answer(Context ctx, Part part) throws Exception {
        return answer(ctx, claim(ctx), part);
    }

    /** As {@link #answer(Context, Part)}, with the request's claim already read (its body hashed once). */
    private boolean answer(Context ctx, IdempotencyKeys.Claim claim, Part part) throws Exception {
        return unitAnswer(ctx, claim, part, false);
    }

    private boolean unitAnswer(Context ctx, IdempotencyKeys.Claim claim, Part part, boolean atomic) throws Exception {
        Ended ended = unit.run(() -> {
            if (claim != null && keys.decide(claim) instanceof IdempotencyKeys.Decision.Replay replay) {
                return new Ended.Replayed(replay.status(), replay.body());
            }
            try {
                boolean answered = part.run();
                if (answered && claim != null) {
                    byte[] sent = result(ctx);
                    byte[] kept = ctx.attribute(KEPT_ANSWER);
                    keys.remember(claim, ctx.statusCode(), kept != null ? kept : sent);
                }
                return new Ended.Answered(answered);
            } catch (MarqueeException e) {
                if (atomic) {
                    throw new RolledBack(e);
                }
                // an answer of the contract: the effects before it stand (each store's transaction was a savepoint of
                // this one) and are kept with it, as they were when every store committed on its own
                if (claim != null) {
                    keys.remember(
                            claim,
                            ErrorStatus.of(e.code()),
                            Json.bytes(ApiError.of(e.code(), e.getMessage(), e.details())));
                }
                return new Ended.Refused(e);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return switch (ended) {
            case Ended.Answered answered -> answered.answered();
            case Ended.Replayed replayed -> {
                ctx.status(replayed.status()).header("Idempotent-Replayed", "true");
                if (replayed.body() != null && replayed.body().length > 0) {
                    ctx.contentType("application/json").result(replayed.body());
                } else {
                    ctx.result(new byte[0]);
                }
                yield true;
            }
            case Ended.Refused refused -> throw refused.error();
        };
    }

    /** The request's claim on its key, or null when it has none (or is a sign-in, whose answer holds a token). */
    private static IdempotencyKeys.Claim claim(Context ctx) {
        String key = ctx.header("Idempotency-Key");
        Principal principal = ctx.attribute(Requests.PRINCIPAL);
        if (key == null || principal == null || !mutating(ctx.method())) {
            return null;
        }
        return IdempotencyKeys.claim(principal.terminalId(), key, ctx.method().name(), ctx.path(), ctx.bodyAsBytes());
    }

    private static byte[] result(Context ctx) {
        try (InputStream result = ctx.resultInputStream()) {
            byte[] body = result == null ? new byte[0] : result.readAllBytes();
            ctx.result(body);
            return body;
        } catch (IOException e) {
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
