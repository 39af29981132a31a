package org.marquee.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.SplittableRandom;

/** A kiosk's customer, one per step: seat map, hold 1–4, maybe change seats, release or order, pay by card. */
final class KioskCustomer implements SoakTerminal {

    private static final String EMAIL = "soak@example.com";

    private final SoakContext context;
    private final SoakTally tally;
    private final int client;
    private final SeatMapCache seatMaps = new SeatMapCache();
    private final Checkout checkout;

    KioskCustomer(SoakContext context, int client) {
        this.context = context;
        this.tally = context.tally();
        this.client = client;
        this.checkout = new Checkout(tally);
    }

    @Override
    public void step() throws Exception {
        MiniHttp http = context.target().connection(client);
        SplittableRandom random = SoakContext.random(client);
        long showtime = context.showtimes().pick(random);
        if (showtime < 0) {
            return;
        }
        List<String> free = seatMaps.freeSeats(tally, http, showtime, random);
        if (free.size() < 12) {
            context.showtimes().markSoldOut(showtime);
            return;
        }
        context.think(random);
        int count = 1 + random.nextInt(4);
        boolean best = tally.bestAvailable() && random.nextInt(4) == 0;
        String hold = best
                ? "{\"showtimeId\":" + showtime + ",\"count\":" + count + "}"
                : "{\"showtimeId\":" + showtime + ",\"seatIds\":"
                        + Checkout.json(SeatMapCache.adjacent(free, count, random)) + "}";
        MiniHttp.Answer held = best
                ? tally.exchange(
                        "POST /holds best available", http, "POST", "/holds", SoakContext.key(), hold, 201, 409, 422)
                : tally.exchange("POST /holds", http, "POST", "/holds", SoakContext.key(), hold, 201, 409);
        if (best && held.status() == 422) {
            // a server without DESIGN §8's best available: from now on, seats chosen on the map only
            tally.bestAvailableNotOffered();
            return;
        }
        if (held.status() != 201) {
            context.think(random);
            return;
        }
        JsonNode h = Target.JSON.readTree(held.body());
        String holdId = h.path("holdId").asText();
        List<String> seats = Checkout.texts(h.path("seatIds"));
        context.think(random);
        if (random.nextInt(4) == 0) {
            List<String> other = SeatMapCache.adjacent(free, 1 + random.nextInt(4), random);
            MiniHttp.Answer changed = tally.exchange(
                    "PUT /holds/{id}/seats",
                    http,
                    "PUT",
                    "/holds/" + holdId + "/seats",
                    SoakContext.key(),
                    "{\"seatIds\":" + Checkout.json(other) + "}",
                    200,
                    409);
            if (changed.status() == 200) {
                tally.seatChanges.increment();
                seats = Checkout.texts(Target.JSON.readTree(changed.body()).path("seatIds"));
            }
            context.think(random);
        }
        if (random.nextInt(5) == 0) {
            tally.exchange("DELETE /holds/{id}", http, "DELETE", "/holds/" + holdId, SoakContext.key(), null, 204);
            tally.releases.increment();
            return;
        }
        Checkout.Order order = checkout.order(http, holdId, seats, random, random.nextBoolean() ? EMAIL : null);
        if (order == null) {
            return;
        }
        context.think(random);
        boolean declined = random.nextInt(10) == 0;
        String body = "{\"method\":\"CARD\",\"amountMinor\":" + order.total() + ",\"cardToken\":\""
                + (declined ? "tok_declined" : "tok_visa") + "\"}";
        int status = checkout.pay("POST /orders/{id}/payments CARD", http, order.id(), body, random);
        if (status == 402) {
            tally.declines.increment();
            context.think(random);
            body = "{\"method\":\"CARD\",\"amountMinor\":" + order.total() + ",\"cardToken\":\"tok_visa\"}";
            status = checkout.pay("POST /orders/{id}/payments CARD", http, order.id(), body, random);
        }
        if (status == 200 || status == 202) {
            tally.sales.increment();
            tally.cardSales.increment();
            context.paidOrders().add(order.id());
        }
        context.think(random);
    }
}
