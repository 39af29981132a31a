package org.marquee.kiosk.core;

import java.util.EnumSet;
import java.util.Set;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.model.ErrorCode;

/**
 * A refusal of the server, or a server that could not be reached, told in the terminal's language: each error code
 * whose meaning does not depend on the request has its sentence in the resource bundle ({@code error.<CODE>}, with
 * variants for the details that change it: the seats taken, a charge refunded). The server's own message is the
 * fallback, for the codes whose words only the server knows (a FORBIDDEN's reason, an INVALID_REQUEST's field).
 */
public final class ProblemTexts {

    /**
     * Codes whose sentence names the seats ({@code details.seatIds}). For the seat rules' codes (DESIGN §8) only the
     * Spanish bundle has sentences: the server's English already names the seats in a customer's words.
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
        if (NAME_SEATS.contains(code) && !problem.seatIds().isEmpty()) {
            return messages.find(key + ".seats", String.join(", ", problem.seatIds()))
                    .orElse(problem.getMessage());
        }
        if (code == ErrorCode.HOLD_EXPIRED
                && Boolean.TRUE.equals(problem.details().get("refunded"))) {
            key += ".refunded";
        }
        return messages.find(key).orElse(problem.getMessage());
    }
}
