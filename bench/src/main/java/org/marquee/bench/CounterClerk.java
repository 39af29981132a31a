package org.marquee.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A clerk at the counter (alice), one sale per step: seat map, hold 1–6, order with mixed ticket types, pay cash.
 * Signs in again when the session is gone.
 */
final class CounterClerk implements SoakTerminal {

    private final SoakContext context;
    private final SoakTally tally;
    private final int clerk;
    private final String terminalToken;
    private final SeatMapCache seatMaps = new SeatMapCache();
    private final Checkout checkout;
    private MiniHttp http;
    private boolean signedIn;

    CounterClerk(SoakContext context, int clerk, String terminalToken) {
        this.context = context;
        this.tally = context.tally();
        this.clerk = clerk;
        this.terminalToken = terminalToken;
        this.checkout = new Checkout(tally);
    }

    @Override
    public void step() throws Exception {
        if (http == null) {
            http = new MiniHttp(context.target().server, terminalToken);
        }
        if (!signedIn) {
            http.authorization(terminalToken);
            MiniHttp.Answer session = tally.exchange(
                    "POST /sessions", http, "POST", "/sessions", "", "{\"username\":\"alice\",\"pin\":\"1234\"}", 201);
            if (session.status() != 201) {
                SoakContext.pause(2_000);
                return;
            }
            http.authorization("Bearer "
                    + Target.JSON.readTree(session.body()).path("token").asText());
            signedIn = true;
        }
        SplittableRandom random = SoakContext.random(10_000 + clerk);
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
        List<String> seats = SeatMapCache.adjacent(free, 1 + random.nextInt(6), random);
        MiniHttp.Answer held = tally.exchange(
                "POST /holds (clerk)",
                http,
                "POST",
                "/holds",
                SoakContext.key(),
                "{\"showtimeId\":" + showtime + ",\"seatIds\":" + Checkout.json(seats) + "}",
                201,
                409,
                401);
        if (held.status() == 401) {
            signedIn = false;
            return;
        }
        if (held.status() != 201) {
            return;
        }
        JsonNode h = Target.JSON.readTree(held.body());
        Checkout.Order order =
                checkout.order(http, h.path("holdId").asText(), Checkout.texts(h.path("seatIds")), random, null);
        if (order == null) {
            return;
        }
        context.think(random);
        long tendered = random.nextBoolean() ? order.total() : (order.total() / 500 + 1) * 500;
        String body = "{\"method\":\"CASH\",\"amountMinor\":" + order.total() + ",\"tenderedMinor\":" + tendered + "}";
        int status = checkout.pay("POST /orders/{id}/payments CASH", http, order.id(), body, random);
        if (status == 200) {
            tally.sales.increment();
            tally.cashSales.increment();
            context.paidOrders().add(order.id());
        }
        context.think(random);
    }

    /**
     * Counter terminals for {@code clerks} clerks: {@code demo-counter-1}, and for more clerks new COUNTER terminals that
     * the demo manager (morgan) creates through {@code POST /admin/terminals} (a terminal holds one hold at a time). No
     * long run of digits in the name: the server refuses anything that looks like a card number.
     */
    static List<String> terminals(Target target, int clerks, long theater) throws IOException {
        List<String> tokens = new ArrayList<>();
        if (clerks <= 0) {
            return tokens;
        }
        tokens.add("Bearer demo-counter-1");
        if (clerks == 1) {
            return tokens;
        }
        try (MiniHttp manager = new MiniHttp(target.server, "Bearer demo-counter-1")) {
            MiniHttp.Answer session =
                    manager.exchange("POST", "/sessions", "", "{\"username\":\"morgan\",\"pin\":\"9999\"}");
            if (session.status() != 201) {
                throw new IllegalStateException("manager sign-in answered " + session.status() + ": " + session.body());
            }
            manager.authorization("Bearer "
                    + Target.JSON.readTree(session.body()).path("token").asText());
            for (int c = 1; c < clerks; c++) {
                MiniHttp.Answer created = manager.exchange(
                        "POST",
                        "/admin/terminals",
                        SoakContext.key(),
                        "{\"name\":\"Soak counter " + c + " "
                                + UUID.randomUUID().toString().substring(0, 8)
                                + "\",\"kind\":\"COUNTER\","
                                + "\"theaterId\":" + theater + "}");
                if (created.status() == 404) {
                    System.out.printf(
                            "no admin API on this server (POST /admin/terminals answered 404): one clerk, on"
                                    + " demo-counter-1, instead of %d%n",
                            clerks);
                    break;
                }
                if (created.status() != 201) {
                    throw new IllegalStateException(
                            "POST /admin/terminals answered " + created.status() + ": " + created.body());
                }
                tokens.add("Bearer "
                        + Target.JSON.readTree(created.body()).path("token").asText());
            }
        }
        return tokens;
    }
}
