package org.marquee.kiosk.testing;

import java.util.Map;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.model.ErrorCode;

/** The problems the fake box office answers with, worded as the server words them. */
final class Refusals {

    private Refusals() {}

    static ApiProblem declined(String reason) {
        return refused(402, ErrorCode.PAYMENT_DECLINED, reason + " The seats are still held.", Map.of());
    }

    /** 422 INVALID_REQUEST naming {@code field}, as every admin endpoint refuses a wrong value (DESIGN §7). */
    static ApiProblem invalid(String field, String message) {
        return refused(422, ErrorCode.INVALID_REQUEST, message, Map.of("field", field));
    }

    static ApiProblem notFound(String what) {
        return refused(404, ErrorCode.NOT_FOUND, what + " does not exist.", Map.of());
    }

    /** A 409 whose code this build's ErrorCode may not know yet ({@code LAST_MANAGER}), kept by name. */
    static ApiProblem conflict(String codeName, String message) {
        return new ApiProblem(409, ErrorCode.CONFLICT, codeName, message, Map.of());
    }

    static ApiProblem refused(int status, ErrorCode code, String message, Map<String, Object> details) {
        return new ApiProblem(status, code, message, details);
    }
}
