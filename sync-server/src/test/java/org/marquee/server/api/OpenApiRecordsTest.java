package org.marquee.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every schema of the OpenAPI document that names its Java record ({@code x-java-type}) has exactly the record's
 * fields, with matching JSON types; a Java primitive is never nullable; a response record lists every field as
 * required (Jackson writes nulls, it never leaves a field out).
 */
class OpenApiRecordsTest {

    private static final OpenAPI API = ContractValidator.parsed(ContractValidator.document());

    @Test
    void theDocumentIsValidOpenApi303() {
        var result = new OpenAPIV3Parser().readContents(ContractValidator.document());
        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.0.3");
    }

    static Stream<String> recordSchemas() {
        return API.getComponents().getSchemas().entrySet().stream()
                .filter(entry -> javaType(entry.getValue()) != null)
                .map(Map.Entry::getKey);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordSchemas")
    void schemaMatchesItsRecord(String name) throws ClassNotFoundException {
        Schema<?> schema = API.getComponents().getSchemas().get(name);
        Class<?> type = Class.forName(javaType(schema));
        assertThat(type.isRecord()).as("%s is a record", type.getName()).isTrue();
        RecordComponent[] components = type.getRecordComponents();

        assertThat(schema.getProperties().keySet())
                .as("%s: the fields of %s", name, type.getSimpleName())
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(components).map(RecordComponent::getName).toList());
        List<String> problems = new ArrayList<>();
        for (RecordComponent component : components) {
            Schema<?> property = schema.getProperties().get(component.getName());
            String where = name + "." + component.getName();
            check(where, property, component.getGenericType(), problems);
            if (component.getType().isPrimitive() && Boolean.TRUE.equals(property.getNullable())) {
                problems.add(where + " is a Java primitive, never null, but nullable in the document");
            }
        }
        if (!name.endsWith("Request") && !name.equals("WebhookEvent")) {
            // a field left out when null (@JsonInclude(NON_NULL), such as a seat's restriction) is the only optional
            // one
            List<String> always = Arrays.stream(components)
                    .filter(component -> !omittedWhenNull(component))
                    .map(RecordComponent::getName)
                    .toList();
            assertThat(schema.getRequired() == null ? List.<String>of() : schema.getRequired())
                    .as("%s: an answer always carries every field, null or not", name)
                    .containsExactlyInAnyOrderElementsOf(always);
        }
        assertThat(problems).isEmpty();
    }

    private static boolean omittedWhenNull(RecordComponent component) {
        com.fasterxml.jackson.annotation.JsonInclude include =
                component.getAccessor().getAnnotation(com.fasterxml.jackson.annotation.JsonInclude.class);
        if (include == null) {
            var field = java.util.Arrays.stream(component.getDeclaringRecord().getDeclaredFields())
                    .filter(f -> f.getName().equals(component.getName()))
                    .findFirst();
            include = field.map(f -> f.getAnnotation(com.fasterxml.jackson.annotation.JsonInclude.class))
                    .orElse(null);
        }
        if (include == null) {
            include = component.getAnnotation(com.fasterxml.jackson.annotation.JsonInclude.class);
        }
        return include != null && include.value() == com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL;
    }

    private static void check(String where, Schema<?> property, Type javaType, List<String> problems) {
        if (property.get$ref() != null) {
            Schema<?> target = API.getComponents().getSchemas().get(refName(property.get$ref()));
            Class<?> raw = raw(javaType);
            if (raw.isEnum()) {
                List<String> constants = Arrays.stream(raw.getEnumConstants())
                        .map(c -> ((Enum<?>) c).name())
                        .toList();
                if (target.getEnum() == null || !constants.equals(target.getEnum())) {
                    problems.add(where + ": enum " + raw.getSimpleName() + " is " + constants + ", the document says "
                            + target.getEnum());
                }
            } else if (!raw.getName().equals(javaType(target))) {
                problems.add(where + ": " + raw.getName() + " but the document refers to " + javaType(target));
            }
            return;
        }
        String expected = jsonType(javaType);
        String actual = property.getType() + (property.getFormat() == null ? "" : "/" + property.getFormat());
        if (!actual.equals(expected) && !(expected.equals("string") && "string".equals(property.getType()))) {
            problems.add(
                    where + ": Java " + javaType.getTypeName() + " is " + expected + ", the document says " + actual);
        }
        if (expected.equals("array")) {
            Type element = ((ParameterizedType) javaType).getActualTypeArguments()[0];
            check(where + "[]", property.getItems(), element, problems);
        }
    }

    /** The JSON type (and format) that the server's Jackson writes for a Java type. */
    private static String jsonType(Type type) {
        Class<?> raw = raw(type);
        if (raw == long.class || raw == Long.class) {
            return "integer/int64";
        }
        if (raw == int.class || raw == Integer.class) {
            return "integer/int32";
        }
        if (raw == double.class || raw == Double.class) {
            return "number/double";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "boolean";
        }
        if (raw == Instant.class) {
            return "string/date-time";
        }
        if (raw == UUID.class) {
            return "string/uuid";
        }
        if (List.class.isAssignableFrom(raw)) {
            return "array";
        }
        if (Map.class.isAssignableFrom(raw)) {
            return "object";
        }
        if (raw == String.class) {
            return "string";
        }
        return "a $ref to the schema of " + raw.getName();
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType parameterized
                ? (Class<?>) parameterized.getRawType()
                : (Class<?>) type;
    }

    private static String javaType(Schema<?> schema) {
        return schema.getExtensions() == null
                ? null
                : (String) schema.getExtensions().get("x-java-type");
    }

    private static String refName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }
}
