package org.marquee.server.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marquee.server.orders.SaleFlowTest.orderBody;
import static org.marquee.server.testing.Bodies.holdBody;

import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.marquee.model.SeatType;
import org.marquee.model.TicketType;
import org.marquee.server.orders.persistence.OrderStore;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.TestServer;

/**
 * Booking codes are random, 24^6 of them: over tens of thousands of orders two draws meet (the 30-minute soak met 8 in
 * 46,000 orders, each a 500). A taken code is drawn again, in the same transaction.
 */
class BookingCodeCollisionTest {

    @Test
    void anOrderWhoseFirstCodeIsTakenGetsTheNextOne() {
        try (TestServer server = TestServer.start("code_collision", TestServer.Options.defaults())) {
            ApiClient kiosk = server.kiosk(1);
            long showtime = server.bigHallShowtime();
            String first = kiosk.post("/holds", holdBody(showtime, List.of("G1")))
                    .json()
                    .path("holdId")
                    .asText();
            String taken = kiosk.post("/orders", orderBody(first, "G1", "ADULT", null, null, null))
                    .json()
                    .path("code")
                    .asText();
            String second = server.kiosk(2)
                    .post("/holds", holdBody(showtime, List.of("G2")))
                    .json()
                    .path("holdId")
                    .asText();
            long terminal = server.jdbi()
                    .withHandle(h -> h.createQuery("select terminal_id from holds where id = cast(:h as uuid)")
                            .bind("h", second)
                            .mapTo(Long.class)
                            .one());
            Iterator<String> draws = List.of(taken, taken, "CCCCCC").iterator();
            OrderStore store = new OrderStore(server.jdbi(), draws::next);

            var saved = store.save(
                    UUID.fromString(second),
                    terminal,
                    null,
                    null,
                    List.of(new OrderRecord.Line("G2", TicketType.ADULT, SeatType.STANDARD, 1250)),
                    "EUR");

            assertThat(saved).isInstanceOf(OrderStore.Saved.Written.class);
            assertThat(((OrderStore.Saved.Written) saved).order().code()).isEqualTo("CCCCCC");
            assertThat(server.kiosk(2)
                            .get("/orders/"
                                    + ((OrderStore.Saved.Written) saved).order().id())
                            .json()
                            .path("status")
                            .asText())
                    .isEqualTo("PENDING_PAYMENT");
        }
    }
}
