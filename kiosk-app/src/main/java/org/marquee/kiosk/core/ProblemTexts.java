package org.marquee.kiosk.core;

import java.util.EnumSet;
import java.util.Set;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.model.ErrorCode;

/**
 * A refusal of the server, or a server that could not be reached, told in the terminal's language: every error code
 * has its sentence in both bundles ({@code error.<CODE>}, with variants for the details that change it: the seats
 * taken, a seat left alone, a charge refunded, the field refused). The server speaks English; for the codes whose
 * reason only the server knows (a FORBIDDEN's "A clerk may not do this.", a HOLD_NOT_ACTIVE's "sold a moment ago"),
 * an English terminal shows the server's own, more precise, sentence and any other language the bundle's. The
 * server's message stays the fallback for a code this build does not know.
 */
public final class ProblemTexts {

    /** Codes whose server message says more than the general sentence can: kept in the server's language. */
    private static final Set<ErrorCode> SERVER_KNOWS_WHY = EnumSet.of(
            ErrorCode.UNAUTHORIZED,
            ErrorCode.FORBIDDEN,
            ErrorCode.NOT_FOUND,
            ErrorCode.HOLD_NOT_ACTIVE,
            ErrorCode.CONFLICT,
            ErrorCode.INVALID_LAYOUT,
            ErrorCode.LAYOUT_IN_USE,
            ErrorCode.SHOWTIME_HAS_SALES,
            ErrorCode.SCHEDULE_CLASH,
            ErrorCode.INVALID_REQUEST,
            // the seat rules' refusals (DESIGN §8) name the seats and say where they would be left, in a customer's
            // words
            ErrorCode.SINGLE_SEAT_GAP,
            ErrorCode.ACCESSIBLE_SEATS_RESERVED,
            ErrorCode.HOUSE_SEATS);

    /** The language of the server's messages. */
    private static final String SERVER_LANGUAGE = "en";

    /**
     * Codes whose sentence names the seats ({@code details.seatIds}). An English terminal shows the server's own words for
     * the seat rules' codes instead ({@link #SERVER_KNOWS_WHY}).
     */
    private static final Set<ErrorCode> NAME_SEATS = EnumSet.of(
            ErrorCode.SEATS_UNAVAILABLE,
            ErrorCode.SINGLE_SEAT_GAP,
            ErrorCode.ACCESSIBLE_SEATS_RESERVED,
            ErrorCode.HOUSE_SEATS);

    private ProblemTexts() {}

    /** What to tell the person at the terminal about {@code problem}. */
    public static String of(ApiProblem problem, Messages messages) {
        if (problem.offline()) {
            return messages.find("error.offline").orElse(problem.getMessage());
        }
        ErrorCode code = problem.code();
        if (code == null) {
            return problem.getMessage();
        }
        String key = "error." + code.name();
        String serverWords = problem.getMessage();
        if (SERVER_KNOWS_WHY.contains(code)
                && SERVER_LANGUAGE.equals(messages.locale().getLanguage())
                && serverWords != null
                && !serverWords.isBlank()) {
            return serverWords;
        }
        if (NAME_SEATS.contains(code) && !problem.seatIds().isEmpty()) {
            return messages.find(key + ".seats", String.join(", ", problem.seatIds()))
                    .orElse(problem.getMessage());
        }
        if (code == ErrorCode.INVALID_REQUEST && problem.field() != null) {
            return messages.find(key + ".field", problem.field()).orElse(problem.getMessage());
        }
        if (code == ErrorCode.HOLD_EXPIRED
                && Boolean.TRUE.equals(problem.details().get("refunded"))) {
            key += ".refunded";
        }
        return messages.find(key).orElse(problem.getMessage());
    }
}
