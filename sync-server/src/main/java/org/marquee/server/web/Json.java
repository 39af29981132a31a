package org.marquee.server.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.MutableCoercionConfig;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.List;
import org.marquee.server.common.MarqueeException;

/** The server's one JSON configuration: ISO-8601 instants, unknown fields ignored, nothing after the document. */
public final class Json {

    public static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    // Jackson's default keeps its read and write buffers per thread; every request here is a new
                    // virtual thread, so each answer allocated them afresh (issue 17, tenth session). A shared pool
                    // hands them from one request to the next.
                    .recyclerPool(JsonRecyclerPools.newConcurrentDequePool())
                    .build())
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // an id of 8.7 is a mistake, not showtime 8
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            // ticket type 0 is not ADULT
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            // error messages must never echo what a client sent: it might be a card number
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            // "1000" is not a number and 1 is not a boolean or a name: a client that sends either has a bug to hear
            // about, and an amount that arrives as text is exactly where such a bug costs money
            .withCoercionConfig(LogicalType.Integer, Json::onlyNative)
            // ...but a whole number is a number: "lat": 40 is latitude 40.0
            .withCoercionConfig(LogicalType.Float, config -> {
                onlyNative(config);
                config.setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
            })
            .withCoercionConfig(LogicalType.Boolean, Json::onlyNative)
            .withCoercionConfig(LogicalType.Textual, Json::onlyNative)
            .build();

    private Json() {}

    private static void onlyNative(MutableCoercionConfig config) {
        for (CoercionInputShape shape :
                List.of(CoercionInputShape.String, CoercionInputShape.Integer, CoercionInputShape.Float)) {
            config.setCoercion(shape, CoercionAction.Fail);
        }
        config.setAcceptBlankAsEmpty(false);
    }

    /**
     * As {@link #read}, for the admin API (DESIGN §7: "a wrong value is 422 INVALID_REQUEST whose message names the
     * field"): a name outside its list (a terminal kind, a role) is a wrong value, 422; JSON that is not JSON, or a
     * value of the wrong type, stays 400.
     */
    public static <T> T readValues(byte[] body, Class<T> type) {
        try {
            return read(body, type);
        } catch (WrongName e) {
            throw MarqueeException.invalid(e.getMessage());
        }
    }

    /** A 400 for a name outside its enum's list, that {@link #readValues} turns into a 422. */
    private static final class WrongName extends MarqueeException {
        WrongName(String message) {
            super(org.marquee.model.ErrorCode.MALFORMED_REQUEST, message);
        }
    }

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
        } catch (com.fasterxml.jackson.databind.exc.InvalidFormatException e) {
            String message = wrongType(e);
            boolean enumName = e.getTargetType() != null
                    && e.getTargetType().isEnum()
                    && e.getValue() instanceof String
                    && !message.startsWith("The request body");
            throw enumName ? new WrongName(message) : MarqueeException.malformed(message);
        } catch (MismatchedInputException e) {
            throw MarqueeException.malformed(wrongType(e));
        } catch (JsonProcessingException e) {
            var where = e.getLocation();
            String at = where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
            throw MarqueeException.malformed("The request body is not valid JSON for this request" + at + ".");
        } catch (IOException e) {
            throw MarqueeException.malformed("The request body could not be read.");
        }
    }

    /** Names the field and what it must be, without quoting what was sent (it might be a card number). */
    private static String wrongType(MismatchedInputException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce("", (a, b) -> a.isEmpty() || b.startsWith("[") ? a + b : a + "." + b);
        Class<?> target = e.getTargetType();
        String expected = target == null ? null : expected(target);
        if (field.isEmpty() || !field.matches("[A-Za-z0-9_.\\[\\]]{1,60}") || expected == null) {
            var where = e.getLocation();
            String at = where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
            return "The request body is not valid JSON for this request" + at + ".";
        }
        return "'" + field + "' must be " + expected + ".";
    }

    private static String expected(Class<?> target) {
        if (target == long.class || target == Long.class || target == int.class || target == Integer.class) {
            return "a whole number, written without quotes";
        }
        if (target == double.class || target == Double.class || target == java.math.BigDecimal.class) {
            return "a number, written without quotes";
        }
        if (target == boolean.class || target == Boolean.class) {
            return "true or false, written without quotes";
        }
        if (target == String.class) {
            return "text in quotes";
        }
        if (target.isEnum()) {
            return "one of "
                    + String.join(
                            ", ",
                            java.util.Arrays.stream(target.getEnumConstants())
                                    .map(Object::toString)
                                    .toList());
        }
        if (java.util.Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "a list in square brackets";
        }
        if (target == java.util.UUID.class) {
            return "an id in quotes, such as 3f2b6c1e-8d4a-4b7e-9c1d-2a5e7f9b0c3d";
        }
        if (target.isRecord() || java.util.Map.class.isAssignableFrom(target)) {
            return "an object in braces";
        }
        return null;
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
