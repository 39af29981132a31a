package org.marquee.server.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.marquee.model.ErrorCode;
import org.marquee.server.common.MarqueeException;
import org.marquee.server.web.Json;

/**
 * Control characters never reach a handler, SQL or a log line. PostgreSQL refuses NUL in text (which used to turn a
 * stray {@code \u0000} into a 500), and other controls in an id or a name are never what a person meant.
 *
 * <p>The rule, once for every route: the path and the query may hold no control character at all (C0, DEL, C1) and
 * must be valid UTF-8 once %-decoded; a JSON body's strings and field names may hold none either, except tab, line
 * feed and carriage return, which free text such as a synopsis or a reason may contain (an id with one simply matches
 * nothing). Unpaired UTF-16 surrogates ({@code \ud800}) are refused as well: they are not text either.
 */
final class ControlCharacterGuard {

    private ControlCharacterGuard() {}

    static void check(Context ctx) {
        String path = decoded(ctx.path(), false, "address");
        if (firstBad(path, false) >= 0) {
            throw refused("The address of this request holds a control character; send plain text.", "path");
        }
        String query = ctx.queryString();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = decoded(eq < 0 ? pair : pair.substring(0, eq), true, "query");
                String value = eq < 0 ? "" : decoded(pair.substring(eq + 1), true, "query");
                if (firstBad(name, false) >= 0 || firstBad(value, false) >= 0) {
                    String shown = safeName(name);
                    throw refused(
                            shown.isEmpty()
                                    ? "A query parameter holds a control character; send plain text."
                                    : "The query parameter '" + shown + "' holds a control character; send plain text.",
                            shown);
                }
            }
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length > 0 && looksLikeJson(body) && !plainText(body)) {
            checkJson(body);
        }
    }

    /**
     * True for printable ASCII, tab, line feed and carriage return with no backslash: no string in such a body can hold
     * a control character or a surrogate (those need an escape or bytes above 0x7E), so it need not be parsed. Most
     * bodies are like this.
     */
    static boolean plainText(byte[] body) {
        for (byte b : body) {
            boolean printable = b >= 0x20 && b < 0x7F && b != '\\';
            if (!printable && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static void checkJson(byte[] body) {
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if ((token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME)
                        && firstBad(parser.getText(), true) >= 0) {
                    String field = safeName(fieldOf(parser));
                    throw refused(
                            field.isEmpty()
                                    ? "Text in the request body holds a control character such as NUL; send plain text."
                                    : "'" + field + "' holds a control character such as NUL; send plain text.",
                            field);
                }
            }
        } catch (IOException e) {
            // not JSON after all: the handler that reads the body says what is wrong with it
        }
    }

    /** The field a string belongs to: its own name, or for an item of a list the list's name ("seatIds"). */
    private static String fieldOf(JsonParser parser) throws IOException {
        if (parser.currentName() != null) {
            return parser.currentName();
        }
        var context = parser.getParsingContext();
        return context.inArray()
                        && context.getParent() != null
                        && context.getParent().getCurrentName() != null
                ? context.getParent().getCurrentName()
                : "";
    }

    /** Index of the first character the rule refuses, or -1. */
    static int firstBad(String text, boolean freeTextWhitespace) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (freeTextWhitespace && (c == '\t' || c == '\n' || c == '\r')) {
                continue;
            }
            if (Character.isISOControl(c)) {
                return i;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** %-decodes (and, in a query, '+' as space) into UTF-8 text; a bad escape or bad UTF-8 is a 400. */
    static String decoded(String raw, boolean query, String where) {
        if (raw.indexOf('%') < 0 && !(query && raw.indexOf('+') >= 0)) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
                if (low < 0) {
                    throw MarqueeException.malformed("The " + where + " holds a '%' that is not followed by two hex"
                            + " digits; encode a percent sign as %25.");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (query && c == '+') {
                bytes.write(' ');
            } else {
                byte[] plain = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(plain, 0, plain.length);
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw MarqueeException.malformed("The " + where + " is not valid UTF-8 once decoded.");
        }
    }

    private static boolean looksLikeJson(byte[] body) {
        for (byte b : body) {
            if (b == '{' || b == '[' || b == '"') {
                return true;
            }
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return false;
    }

    /** A field or parameter name fit to quote back: short, and only the characters a real name has. */
    private static String safeName(String name) {
        return name.matches("[A-Za-z0-9_.-]{1,40}") ? name : "";
    }

    private static MarqueeException refused(String message, String field) {
        return new MarqueeException(
                ErrorCode.INVALID_REQUEST, message, field.isEmpty() ? Map.of() : Map.of("field", field));
    }
}
