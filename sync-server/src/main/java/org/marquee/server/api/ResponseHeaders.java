package org.marquee.server.api;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Headers every answer carries, set before anything else runs so that error answers have them too.
 *
 * <ul>
 *   <li>{@code X-Content-Type-Options: nosniff}: a browser never guesses a type other than the one we say.
 *   <li>{@code Cache-Control: no-store}: answers hold session tokens, ticket tokens, booking codes and e-mails, and no
 *       shared cache or browser history may keep them. The seat map alone replaces it with {@code no-cache} and an
 *       ETag, because terminals revalidate it constantly and it holds nothing about a person.
 *   <li>{@code X-Request-Id}: the caller's own id when it is safe to log and echo, else one made up here.
 * </ul>
 */
final class ResponseHeaders {

    static final String NOSNIFF_NAME = "X-Content-Type-Options";
    static final String NOSNIFF = "nosniff";
    static final String REQUEST_ID = "X-Request-Id";

    /** What a proxy or client library sends (UUIDs, trace ids); nothing that needs quoting in a log line. */
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    /** A long digit run is refused even when it fails the Luhn check: a mistyped card number is still one. */
    private static final Pattern LONG_DIGIT_RUN = Pattern.compile("\\d{13,}");

    private ResponseHeaders() {}

    static void apply(Context ctx) {
        ctx.header(NOSNIFF_NAME, NOSNIFF);
        ctx.header("Cache-Control", "no-store");
        String id = requestId(ctx.header(REQUEST_ID));
        ctx.attribute("requestId", id);
        ctx.header(REQUEST_ID, id);
        MDC.put("requestId", id);
    }

    /**
     * The caller's id when it is safe to log (invariant 7: a card number sent as a request id would otherwise be
     * echoed and written to every log line of the request), else a fresh UUID.
     */
    static String requestId(String given) {
        boolean safe = given != null
                && SAFE_REQUEST_ID.matcher(given).matches()
                && !LONG_DIGIT_RUN.matcher(given).find()
                && !CardDataGuard.containsCardData(given);
        return safe ? given : fresh();
    }

    /**
     * A version-4 UUID from {@link ThreadLocalRandom}: a request id only has to be unique in the logs, not
     * unguessable, and {@link UUID#randomUUID()} reads the operating system's random source under a lock on every
     * request (2 % of the server's CPU on a 304 from memory).
     */
    static String fresh() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
