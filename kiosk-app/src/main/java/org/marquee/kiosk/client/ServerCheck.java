package org.marquee.kiosk.client;

import java.time.Duration;

/**
 * Whether a Marquee server answers at an address and knows a terminal's token: what the setup screen asks before it
 * saves them. {@link #overHttp(Duration)} asks the server itself.
 */
public interface ServerCheck {

    /** Throws {@link IllegalArgumentException} at once when {@code url} is not a server address like http://host:8080. */
    void requireAddress(String url);

    /**
     * Blocking: returns when a Marquee server answers at {@code url} and accepts {@code token}; otherwise an {@link
     * ApiProblem} (offline when nothing answers, 404 when what answers is no Marquee server, the server's own words
     * for a refused token).
     */
    void check(String url, String token);

    /** Asks the server at the address, waiting at most {@code timeout} for it. */
    static ServerCheck overHttp(Duration timeout) {
        return new ServerCheck() {
            @Override
            public void requireAddress(String url) {
                new MarqueeClient(url, "", timeout);
            }

            @Override
            public void check(String url, String token) {
                MarqueeClient client = new MarqueeClient(url, token, timeout);
                client.health();
                client.theaters(null, null); // the first call that needs the token
            }
        };
    }
}
