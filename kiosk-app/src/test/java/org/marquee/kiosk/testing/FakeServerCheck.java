package org.marquee.kiosk.testing;

import java.time.Duration;
import java.util.Map;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.kiosk.client.ServerCheck;
import org.marquee.model.ErrorCode;

/**
 * A sync server at {@link #URL} as the setup screen meets it (DESIGN.md §4): it knows the demo terminals' tokens and
 * refuses others with 401 in its own words; nothing answers at any other address. Addresses are parsed as the HTTP
 * client parses them.
 */
public final class FakeServerCheck implements ServerCheck {

    public static final String URL = "http://box-office.test:8080";

    private final ServerCheck parsing = ServerCheck.overHttp(Duration.ofSeconds(1));

    @Override
    public void requireAddress(String url) {
        parsing.requireAddress(url);
    }

    @Override
    public void check(String url, String token) {
        if (!URL.equals(url)) {
            throw ApiProblem.unreachable("Could not connect to " + url);
        }
        if (!token.startsWith("demo-")) {
            throw new ApiProblem(
                    401,
                    ErrorCode.UNAUTHORIZED,
                    "This token is not known or has been revoked. Ask a manager for a valid one.",
                    Map.of());
        }
    }
}
