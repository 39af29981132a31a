package org.marquee.server.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.marquee.server.metrics.Metrics;

/**
 * Times every answered request by method, route template and status. The route is the template Javalin matched, such
 * as {@code /api/v1/holds/{id}}, never the path as sent: paths carry ids, and a time series per id would grow without
 * end. Javalin answers HEAD from the GET route without matching it, so HEAD is looked up among the GET templates;
 * anything else that matched no route is {@code unmatched}.
 */
final class RequestMetrics {

    private record Template(String path, Pattern pattern) {}

    private final Metrics metrics;
    private final List<ApiServer.Route> routes;
    private volatile List<Template> getTemplates;

    RequestMetrics(Metrics metrics, List<ApiServer.Route> routes) {
        this.metrics = metrics;
        this.routes = routes;
    }

    void record(Context ctx, float millis) {
        metrics.request(ctx.method().name(), route(ctx), ctx.statusCode(), (long) (millis * 1_000_000.0));
    }

    private String route(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (endpoint != null) {
            return endpoint.path;
        }
        if (ctx.method() == HandlerType.HEAD) {
            String path = ctx.path();
            for (Template template : getTemplates()) {
                if (template.pattern().matcher(path).matches()) {
                    return template.path();
                }
            }
        }
        return "unmatched";
    }

    /** The GET routes as patterns; built on first use, once every route is registered. */
    private List<Template> getTemplates() {
        List<Template> templates = getTemplates;
        if (templates == null) {
            templates = routes.stream()
                    .filter(route -> route.method().equals("GET"))
                    .map(route -> new Template(route.path(), pattern(route.path())))
                    .toList();
            getTemplates = templates;
        }
        return templates;
    }

    private static Pattern pattern(String template) {
        return Pattern.compile(Stream.of(template.split("/", -1))
                .map(part -> part.startsWith("{") ? "[^/]+" : Pattern.quote(part))
                .collect(Collectors.joining("/")));
    }
}
