package org.marquee.server.live.http;

import java.nio.charset.StandardCharsets;
import org.marquee.server.web.Json;

/** An event's data as the one line of JSON an SSE {@code data:} field carries. */
final class JsonText {

    private JsonText() {}

    static String of(Object value) {
        return new String(Json.bytes(value), StandardCharsets.UTF_8);
    }
}
