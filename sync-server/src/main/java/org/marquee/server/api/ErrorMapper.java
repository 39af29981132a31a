package org.marquee.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import org.marquee.model.ApiError;
import org.marquee.model.ErrorCode;
import org.marquee.server.common.MarqueeException;
import org.marquee.server.db.DatabaseFailures;
import org.marquee.server.web.ErrorStatus;
import org.marquee.server.web.Json;
import org.marquee.server.web.Requests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where failures become error bodies and status codes. No stack trace ever reaches a client. */
public final class ErrorMapper {

    private static final Logger log = LoggerFactory.getLogger(ErrorMapper.class);

    /** How long a client should wait before trying again when the database is away: a restart takes a few seconds. */
    static final String DATABASE_RETRY_AFTER_SECONDS = "5";

    private ErrorMapper() {}

    static void register(RoutesConfig routes) {
        routes.exception(MarqueeException.class, answered(ErrorMapper::domain));
        routes.exception(HttpResponseException.class, answered(ErrorMapper::javalinResponse));
        routes.exception(Exception.class, answered(ErrorMapper::unexpected));
    }

    /**
     * {@code handler} only while the request still exists: a live-event stream that ends after its client left (the
     * server stopping, a reload) hands Javalin a request Jetty has already recycled, and a handler that touched it
     * would throw in turn, which Javalin then reports again and again (seen: millions of log lines in one test run).
     */
    private static <E extends Exception> io.javalin.http.ExceptionHandler<E> answered(
            io.javalin.http.ExceptionHandler<E> handler) {
        return (e, ctx) -> {
            try {
                ctx.path();
            } catch (RuntimeException recycled) {
                log.debug(
                        "event=error_after_request_ended reason={}",
                        e.getClass().getSimpleName());
                return;
            }
            handler.handle(e, ctx);
        };
    }

    /** The HTTP status of a domain failure; handlers that store answers use the same mapping. */
    public static int status(ErrorCode code) {
        return ErrorStatus.of(code);
    }

    static void write(Context ctx, ErrorCode code, String message, Map<String, Object> details) {
        ctx.status(status(code))
                .contentType("application/json")
                .result(Json.bytes(ApiError.of(code, message, details)));
    }

    private static void domain(MarqueeException e, Context ctx) {
        if (e.details().get(MarqueeException.RETRY_AFTER_SECONDS) instanceof Number seconds) {
            ctx.header("Retry-After", Long.toString(Math.max(1, seconds.longValue())));
        }
        write(ctx, e.code(), e.getMessage(), e.details());
    }

    private static void javalinResponse(HttpResponseException e, Context ctx) {
        switch (e.getStatus()) {
            case 404 ->
                write(
                        ctx,
                        ErrorCode.NOT_FOUND,
                        "There is no such endpoint: " + ctx.method() + " "
                                + Requests.shorten(CardDataGuard.masked(ctx.path())) + ".",
                        Map.of());
            case 405 -> write(ctx, ErrorCode.METHOD_NOT_ALLOWED, ctx.method() + " is not allowed here.", Map.of());
            case 413 ->
                write(ctx, ErrorCode.PAYLOAD_TOO_LARGE, "The request body is too large for this endpoint.", Map.of());
            default -> {
                if (e.getStatus() >= 500) {
                    unexpected(e, ctx);
                } else {
                    EngineError error = engineError(e.getStatus());
                    ctx.status(error.status()).contentType("application/json").result(error.body());
                }
            }
        }
    }

    /** An error the HTTP engine (Jetty, or Javalin outside a route) found: its status kept, a §4 body for it. */
    record EngineError(int status, ErrorCode code, String message) {
        byte[] body() {
            return Json.bytes(ApiError.of(code, message, Map.of()));
        }
    }

    /**
     * The code and message for a status the engine chose. 408, 414 and 431 keep their status with the code
     * MALFORMED_REQUEST, so that clients that branch on codes need nothing new.
     */
    static EngineError engineError(int status) {
        return switch (status) {
            case 401 -> new EngineError(status, ErrorCode.UNAUTHORIZED, "This needs a valid terminal or staff token.");
            case 403 -> new EngineError(status, ErrorCode.FORBIDDEN, "This request is not allowed.");
            case 404 -> new EngineError(status, ErrorCode.NOT_FOUND, "There is no such endpoint.");
            case 405, 501 ->
                new EngineError(status, ErrorCode.METHOD_NOT_ALLOWED, "This HTTP method is not allowed here.");
            case 408 ->
                new EngineError(
                        status,
                        ErrorCode.MALFORMED_REQUEST,
                        "The request did not arrive in time: its body was shorter than its Content-Length or too slow.");
            case 413 -> new EngineError(status, ErrorCode.PAYLOAD_TOO_LARGE, "The request body is too large.");
            case 414 ->
                new EngineError(status, ErrorCode.MALFORMED_REQUEST, "The address of this request is too long.");
            case 429 ->
                new EngineError(status, ErrorCode.RATE_LIMITED, "Too many requests. Please try again in a moment.");
            case 431 -> new EngineError(status, ErrorCode.MALFORMED_REQUEST, "The request headers are too large.");
            case 503 ->
                new EngineError(
                        status,
                        ErrorCode.SERVICE_UNAVAILABLE,
                        "The server is not ready. Please try again in a moment.");
            default ->
                status >= 500
                        ? new EngineError(
                                status,
                                ErrorCode.INTERNAL_ERROR,
                                "Something went wrong on the server. Please try again.")
                        : new EngineError(
                                status,
                                ErrorCode.MALFORMED_REQUEST,
                                "The request could not be understood: its address, headers or body are not valid"
                                        + " HTTP.");
        };
    }

    /**
     * What no handler expected. When the database is the reason, the client is told to come back: 503 {@code
     * DATABASE_UNAVAILABLE} when it is away or too slow, 429 {@code RATE_LIMITED} when every connection is merely busy
     * with other requests (a pool timeout without a failure to connect behind it). Anything else is a bug: 500.
     */
    private static void unexpected(Exception e, Context ctx) {
        DatabaseFailures.Kind kind = DatabaseFailures.classify(e);
        switch (kind) {
            case UNAVAILABLE, TOO_SLOW -> {
                // one line per request, without a stack trace: an outage would otherwise flood the log
                log.warn(
                        "event=database_unavailable path={} reason={}",
                        ctx.path(),
                        kind == DatabaseFailures.Kind.TOO_SLOW ? "timeout" : reason(e));
                ctx.header("Retry-After", DATABASE_RETRY_AFTER_SECONDS);
                write(
                        ctx,
                        ErrorCode.DATABASE_UNAVAILABLE,
                        "The server cannot reach its database right now. Please try again in a few seconds.",
                        Map.of());
            }
            case POOL_EXHAUSTED -> {
                log.warn("event=pool_exhausted path={}", ctx.path());
                ctx.header("Retry-After", "1");
                write(
                        ctx,
                        ErrorCode.RATE_LIMITED,
                        "The server is busy right now. Please try again in a moment.",
                        Map.of());
            }
            case OTHER -> {
                log.error("event=unhandled_error path={}", ctx.path(), e);
                write(ctx, ErrorCode.INTERNAL_ERROR, "Something went wrong on the server. Please try again.", Map.of());
            }
        }
    }

    /** The innermost cause's type, such as {@code ConnectException} or {@code PSQLException}: never its message. */
    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
