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

    static ApiProblem refused(int status, ErrorCode code, String message, Map<String, Object> details) {
        return new ApiProblem(status, code, message, details);
    }
}
