package org.marquee.server.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.marquee.model.ErrorCode;
import org.marquee.model.Role;
import org.marquee.server.auth.TerminalAuthenticator;
import org.marquee.server.common.MarqueeException;
import org.marquee.server.common.Principal;
import org.marquee.server.metrics.Metrics;
import org.marquee.server.web.Json;
import org.marquee.server.web.Requests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The Javalin server: routes, authentication before every matched route, error mapping, request logging. */
public final class ApiServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger("org.marquee.server.request");
    /** Bodies of this API are small; anything larger is refused with 413 before it is read. */
    static final long MAX_REQUEST_BYTES = 64 * 1024;

    static final int RESPONSE_COPY_BYTES = 8 * 1024;
    /**
     * How long a blocking read or write inside a request may stall. A body shorter than its Content-Length is
     * answered after this instead of Jetty's 30 s connection timeout; idle keep-alive and SSE connections are not
     * affected (they are not inside a blocking read).
     */
    static final long REQUEST_IO_TIMEOUT_MS = 5_000;

    /** A registered endpoint: method, path template, and who may call it ({@link Access} names). */
    public record Route(String method, String path, Set<String> access) {}

    private final Javalin app;
    private final List<Route> routes;

    private ApiServer(Javalin app, List<Route> routes) {
        this.app = app;
        this.routes = List.copyOf(routes);
    }

    public static ApiServer start(
            String host, int port, ApiRoutes routes, TerminalAuthenticator authenticator, Metrics metrics) {
        List<Route> registered = new CopyOnWriteArrayList<>();
        RequestMetrics requestMetrics = new RequestMetrics(metrics, registered);
        Javalin app = Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.http.prefer405over404 = true;
            // Javalin copies every answer into Jetty through a buffer of this size, allocated per answer (32 KiB by
            // default, Jetty's whole output buffer). Most answers are a few hundred bytes; Jetty gathers the 8-KiB
            // writes in its own buffer, so an answer up to 32 KiB now goes out with Content-Length, not chunked.
            config.http.responseBufferSize = RESPONSE_COPY_BYTES;
            config.concurrency.useVirtualThreads = true;
            config.startup.showJavalinBanner = false;
            config.jetty.host = host;
            config.jetty.port = port;
            config.jetty.modifyHttpConfiguration(http -> http.setIdleTimeout(REQUEST_IO_TIMEOUT_MS));
            config.jetty.modifyServer(server -> server.setErrorHandler(new EngineErrorHandler()));
            config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new EngineErrorHandler()));
            config.requestLogger.http((ctx, millis) -> {
                requestMetrics.record(ctx, millis);
                logRequest(ctx, millis);
            });
            config.events.handlerAdded(handler -> {
                if (handler.getHttpMethod().isHttpMethod()) {
                    registered.add(new Route(
                            handler.getHttpMethod().name(),
                            handler.getPath(),
                            handler.getRoles().stream().map(Object::toString).collect(Collectors.toSet())));
                }
            });
            config.routes.before(ResponseHeaders::apply);
            config.routes.before(ApiServer::readBody);
            // card data is refused before anything else looks at the request, authentication included
            config.routes.before(CardDataGuard::check);
            config.routes.before(ControlCharacterGuard::check);
            config.routes.beforeMatched(ctx -> authorize(ctx, authenticator));
            config.routes.apiBuilder(routes);
            ErrorMapper.register(config.routes);
        });
        app.start();
        return new ApiServer(app, registered);
    }

    public int port() {
        return app.port();
    }

    /** Every endpoint as registered with Javalin, with who may call it. */
    public List<Route> routes() {
        return routes;
    }

    /**
     * Reads the body once, up front, so that a body that stops short of its Content-Length is a prompt 408 in JSON
     * rather than Javalin's empty one (later reads get the cached bytes).
     */
    private static void readBody(Context ctx) {
        try {
            ctx.bodyAsBytes();
        } catch (Exception e) {
            if (causedBy(e, java.util.concurrent.TimeoutException.class)) {
                throw new HttpResponseException(408, "Request body timed out");
            }
            throw e;
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static void authorize(Context ctx, TerminalAuthenticator authenticator) {
        var roles = ctx.routeRoles();
        boolean head = ctx.method() == HandlerType.HEAD;
        if (roles.contains(Access.PUBLIC) || (head && ctx.path().equals(ApiRoutes.BASE + "/health"))) {
            identifyIfPossible(ctx, authenticator);
            return;
        }
        Principal principal = authenticator.authenticate(Requests.bearer(ctx.header("Authorization")));
        ctx.attribute(Requests.PRINCIPAL, principal);
        MDC.put("terminal", principal.logName());
        // Javalin answers HEAD from the GET route without its roles; a HEAD carries no body, so a valid token is enough
        boolean allowed = head || Access.allows(roles, principal.role());
        if (!allowed && principal.role() == Role.COUNTER && Access.allows(roles, Role.CLERK)) {
            throw new MarqueeException(ErrorCode.FORBIDDEN, "A clerk must sign in on this counter terminal first.");
        }
        if (!allowed) {
            throw new MarqueeException(
                    ErrorCode.FORBIDDEN,
                    "A " + principal.role().name().toLowerCase(java.util.Locale.ROOT) + " may not do this.",
                    Map.of("role", principal.role().name()));
        }
    }

    /** On a public route a valid token is optional: it only lets the caller see more (the version at /health). */
    private static void identifyIfPossible(Context ctx, TerminalAuthenticator authenticator) {
        String token = Requests.bearer(ctx.header("Authorization"));
        if (token == null || token.isEmpty()) {
            return;
        }
        try {
            Principal principal = authenticator.authenticate(token);
            ctx.attribute(Requests.PRINCIPAL, principal);
            MDC.put("terminal", principal.logName());
        } catch (MarqueeException e) {
            // a wrong token on a public route is answered as if none were given
        }
    }

    private static void logRequest(Context ctx, Float millis) {
        Principal principal = ctx.attribute(Requests.PRINCIPAL);
        log.info(
                "event=request method={} path={} status={} ms={} terminal={}",
                ctx.method(),
                CardDataGuard.masked(ctx.path()),
                ctx.statusCode(),
                tenths(millis),
                principal == null ? "-" : principal.logName());
        MDC.clear();
    }

    /** {@code 12.3} for 12.34 ms: what {@code String.format("%.1f")} gives, at a fraction of its cost on every request. */
    static String tenths(Float millis) {
        if (millis == null || millis.isNaN() || millis < 0) {
            return "0.0";
        }
        long tenths = Math.round(millis * 10.0);
        return (tenths / 10) + "." + (tenths % 10);
    }

    @Override
    public void close() {
        app.stop();
    }
}
