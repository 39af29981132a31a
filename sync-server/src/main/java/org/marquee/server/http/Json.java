package org.marquee.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import org.marquee.server.common.MarqueeException;

/** The server's one JSON configuration: ISO-8601 instants, unknown fields ignored, nothing after the document. */
public final class Json {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // an id of 8.7 is a mistake, not showtime 8
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            // error messages must never echo what a client sent: it might be a card number
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private Json() {}

    /** Reads a request body, or answers 400 saying where the JSON went wrong (never what it contained). */
    public static <T> T read(byte[] body, Class<T> type) {
        if (body.length == 0) {
            throw MarqueeException.malformed("The request needs a JSON body.");
        }
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw MarqueeException.malformed("The request body must be a JSON object, not null.");
            }
            return value;
        } catch (JsonProcessingException e) {
            var where = e.getLocation();
            String at = where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
            throw MarqueeException.malformed("The request body is not valid JSON for this request" + at + ".");
        } catch (IOException e) {
            throw MarqueeException.malformed("The request body could not be read.");
        }
    }

    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "Could not write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
