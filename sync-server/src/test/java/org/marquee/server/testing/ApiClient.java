package org.marquee.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.marquee.server.web.Json;

/** A client of the API as a terminal drives it: real HTTP, a bearer token, JSON in and out. */
public final class ApiClient {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private final URI base;
    private final String token;

    public ApiClient(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /** An answer: status, headers and body. */
    public record Answer(int status, java.net.http.HttpHeaders headers, String body) {
        public JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (status " + status + "): " + body, e);
            }
        }

        public String errorCode() {
            return json().path("error").path("code").asText();
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public List<String> seatIds() {
            JsonNode node =
                    json().has("error") ? json().path("error").path("details").path("seatIds") : json().path("seatIds");
            List<String> ids = new ArrayList<>();
            node.forEach(n -> ids.add(n.asText()));
            return ids;
        }
    }

    public URI baseUri() {
        return base;
    }

    public String token() {
        return token;
    }

    public ApiClient as(String otherToken) {
        return new ApiClient(base, otherToken);
    }

    public Answer get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    public Answer post(String path, String json, String... headers) {
        return send(request(path, headers).POST(body(json)));
    }

    public Answer put(String path, String json, String... headers) {
        return send(request(path, headers).PUT(body(json)));
    }

    public Answer delete(String path, String... headers) {
        return send(request(path, headers).DELETE());
    }

    public Answer send(String method, String path, byte[] body, String... headers) {
        return send(request(path, headers).method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve("/api/v1" + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private static HttpRequest.BodyPublisher body(String json) {
        return json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json);
    }

    private static Answer send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
