package org.marquee.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.TestServer;

/** HEAD as load balancers send it, and what the server shows back of ids it does not know. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeadAndEchoTest {

    private TestServer server;

    @BeforeAll
    void start() {
        server = TestServer.start("head", TestServer.Options.defaults());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aLoadBalancerCanAskForHealthWithHeadAndNoToken() {
        Answer answer = server.client(null).send("HEAD", "/health", new byte[0]);
        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void headOfABrowsingEndpointNeedsAValidTokenAndAnyRole() {
        assertThat(server.kiosk(1).send("HEAD", "/theaters", new byte[0]).status())
                .isEqualTo(200);
        assertThat(server.client(null).send("HEAD", "/theaters", new byte[0]).status())
                .isEqualTo(401);
        assertThat(server.client("nobody")
                        .send("HEAD", "/theaters", new byte[0])
                        .status())
                .isEqualTo(401);
    }

    @Test
    void unknownSeatIdsComeBackQuotedInTheMessageAndCleanInTheDetails() {
        long showtime = server.bigHallShowtime();
        // a tab: the one kind of control character that gets this far (ControlCharactersTest has the others)
        String body = "{\"showtimeId\":" + showtime + ",\"seatIds\":[\"\",\"Z\\t9\"]}";
        Answer answer = server.kiosk(2).send("POST", "/holds", body.getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().path("error").path("message").asText())
                .isEqualTo("This auditorium has no seat '', 'Z?9'.");
        assertThat(answer.seatIds()).containsExactly("", "Z?9");
    }
}
