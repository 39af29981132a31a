package org.marquee.server.web;

import io.javalin.http.Context;
import java.util.UUID;
import org.marquee.server.common.MarqueeException;
import org.marquee.server.common.Principal;

/** Reading what a request carries: the caller, the body, ids in the path. */
public final class Requests {

    /** The request attribute the API server puts the authenticated caller in. */
    public static final String PRINCIPAL = "marquee.principal";

    private Requests() {}

    public static Principal principal(Context ctx) {
        Principal principal = ctx.attribute(PRINCIPAL);
        if (principal == null) {
            throw new IllegalStateException("Route " + ctx.path() + " has no access rule");
        }
        return principal;
    }

    /** The bearer token the request was authenticated with; only for ending the caller's own session. */
    public static String bearerToken(Context ctx) {
        return bearer(ctx.header("Authorization"));
    }

    /** The token of an {@code Authorization: Bearer …} header, or null for none. */
    public static String bearer(String header) {
        if (header == null) {
            return null;
        }
        String trimmed = header.strip();
        return trimmed.regionMatches(true, 0, "Bearer ", 0, 7)
                ? trimmed.substring(7).strip()
                : null;
    }

    public static <T> T body(Context ctx, Class<T> type) {
        return Json.read(ctx.bodyAsBytes(), type);
    }

    public static long longPath(Context ctx, String name, String what) {
        String raw = ctx.pathParam(name);
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw MarqueeException.malformed(
                    article(what) + " " + what + " id is a whole number; '" + shorten(raw) + "' is not.");
        }
    }

    public static UUID uuidPath(Context ctx, String name, String what) {
        String raw = ctx.pathParam(name);
        try {
            if (raw.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw MarqueeException.malformed(
                    article(what) + " " + what + " id looks like 3f2b…-…; '" + shorten(raw) + "' is not one.");
        }
    }

    /** "A hold", "An order": the article that the word after it needs (our ids are all named by plain nouns). */
    static String article(String word) {
        return !word.isEmpty() && "aeiouAEIOU".indexOf(word.charAt(0)) >= 0 ? "An" : "A";
    }

    public static String shorten(String raw) {
        return raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
    }
}
