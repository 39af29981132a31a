package org.marquee.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.marquee.model.SeatLayout;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.ApiClient.Answer;

/**
 * Sends requests through an {@link ApiClient} and holds every exchange against the OpenAPI document in shared-model:
 * the response always (status, documented headers, body), the request too unless it is meant to be wrong. Remembers
 * which routes it saw, so a test can check that it exercised every one.
 */
final class ContractValidator {

    static final String BASE = ApiRoutes.BASE;

    private final String document;
    private final OpenApiInteractionValidator validator;
    private final List<ApiServer.Route> routes;
    private final Set<String> exercised = ConcurrentHashMap.newKeySet();

    ContractValidator(List<ApiServer.Route> routes) {
        this(document(), routes);
    }

    ContractValidator(String document, List<ApiServer.Route> routes) {
        this.document = document;
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .build();
        this.routes = List.copyOf(routes);
    }

    /** The OpenAPI document as shared-model ships it. */
    static String document() {
        try (InputStream in = SeatLayout.class.getResourceAsStream(OpenApiHandler.RESOURCE)) {
            assertThat(in).as("shared-model's openapi.yaml").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OpenAPI parsed(String document) {
        return new OpenAPIV3Parser().readContents(document).getOpenAPI();
    }

    String text() {
        return document;
    }

    /** "METHOD /template" of every route some exchange hit. */
    Set<String> exercised() {
        return Set.copyOf(exercised);
    }

    /** A well-formed request: request and response are both checked. */
    Answer call(ApiClient client, String method, String path, String body, String... headers) {
        return exchange(client, method, path, body, true, headers);
    }

    /** A request that is wrong on purpose (bad id, missing field, no token): only the response is checked. */
    Answer wrong(ApiClient client, String method, String path, String body, String... headers) {
        return exchange(client, method, path, body, false, headers);
    }

    private Answer exchange(
            ApiClient client, String method, String path, String body, boolean checkRequest, String... headers) {
        Answer answer = send(client, method, path, body, headers);
        Request request = request(client, method, path, body, headers);
        SimpleResponse response = response(answer);
        ValidationReport report = checkRequest
                ? validator.validate(request, response)
                : validator.validateResponse(request.getPath(), request.getMethod(), response);
        List<String> errors = report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(ContractValidator::describe)
                .toList();
        assertThat(errors)
                .as(
                        "%s %s answered %d %s%n  does not match openapi.yaml",
                        method, path, answer.status(), abbreviated(answer))
                .isEmpty();
        route(method, request.getPath()).ifPresent(exercised::add);
        return answer;
    }

    private static String describe(ValidationReport.Message message) {
        StringBuilder text = new StringBuilder(message.getKey() + ": " + message.getMessage());
        message.getNestedMessages().forEach(nested -> text.append("\n    ").append(describe(nested)));
        return text.toString();
    }

    private static Answer send(ApiClient client, String method, String path, String body, String... headers) {
        return switch (method) {
            case "GET" -> client.get(path, headers);
            case "POST" -> client.post(path, body, headers);
            case "PUT" -> client.put(path, body, headers);
            case "DELETE" -> client.delete(path, headers);
            default ->
                client.send(method, path, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8), headers);
        };
    }

    /** The request as ApiClient sends it: its Content-Type, its bearer token, the given headers and body. */
    private static Request request(ApiClient client, String method, String path, String body, String... headers) {
        int question = path.indexOf('?');
        String bare = question < 0 ? path : path.substring(0, question);
        var builder = new SimpleRequest.Builder(method, BASE + bare).withContentType("application/json");
        if (client.token() != null) {
            builder.withAuthorization("Bearer " + client.token());
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.withHeader(headers[i], headers[i + 1]);
        }
        if (question >= 0) {
            for (String pair : path.substring(question + 1).split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                builder.withQueryParam(name, value);
            }
        }
        if (body != null) {
            builder.withBody(body);
        }
        return builder.build();
    }

    private static SimpleResponse response(Answer answer) {
        var builder = SimpleResponse.Builder.status(answer.status());
        answer.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                builder.withHeader(name, values);
            }
        });
        if (answer.body() != null && !answer.body().isEmpty()) {
            builder.withBody(answer.body());
        }
        return builder.build();
    }

    /** "METHOD /template" of the registered route this path matches, if any. */
    private java.util.Optional<String> route(String method, String path) {
        return routes.stream()
                .filter(route -> route.method().equals(method))
                .filter(route -> template(route.path()).matcher(path).matches())
                .map(route -> route.method() + " " + route.path())
                .findFirst();
    }

    private static Pattern template(String path) {
        String regex = List.of(path.split("/", -1)).stream()
                .map(part -> part.startsWith("{") ? "[^/]+" : Pattern.quote(part))
                .collect(Collectors.joining("/"));
        return Pattern.compile(regex);
    }

    private static String abbreviated(Answer answer) {
        String body = answer.body() == null ? "" : answer.body();
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    /** The keys of what is wrong with this answer to {@code method path}; for tests that expect something wrong. */
    List<String> errors(String method, String path, Answer answer) {
        List<String> errors = new ArrayList<>();
        validator.validateResponse(BASE + path, Request.Method.valueOf(method), response(answer)).getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .forEach(m -> errors.add(m.getKey()));
        return errors;
    }
}
