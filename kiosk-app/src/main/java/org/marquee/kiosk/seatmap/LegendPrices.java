package org.marquee.kiosk.seatmap;

import java.util.EnumMap;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.marquee.kiosk.client.SeatHolds;
import org.marquee.kiosk.core.Money;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.model.SeatType;
import org.marquee.model.ShowtimePrices;
import org.marquee.model.TicketType;

/**
 * The prices beside the legend's seat types, from the showtime's price plan and in the terminal's currency format:
 * a standard seat at the adult price ("€12.50"), any other type by what it adds ("+€3.00"), nothing for a type that
 * costs no more than a standard seat. Empty until the server answers, and while it cannot (the legend then shows the
 * names alone: a price is a help, not a condition for choosing seats).
 */
final class LegendPrices {

    private final SeatHolds server;
    private final Tasks tasks;
    private final Messages messages;
    private final ReadOnlyObjectWrapper<Map<SeatType, String>> texts = new ReadOnlyObjectWrapper<>(Map.of());
    private long asked;

    LegendPrices(SeatHolds server, Tasks tasks, Messages messages) {
        this.server = server;
        this.tasks = tasks;
        this.messages = messages;
    }

    /** Reads the prices of {@code showtimeId}, unless they are already shown. */
    void load(long showtimeId) {
        if (showtimeId == asked && !texts.get().isEmpty()) {
            return;
        }
        asked = showtimeId;
        texts.set(Map.of());
        tasks.run(
                () -> server.prices(showtimeId),
                prices -> {
                    if (prices.showtimeId() == asked) {
                        texts.set(texts(prices, messages));
                    }
                },
                problem -> {}); // the names alone; the seat map says itself when the server is gone
    }

    /** The price text of each seat type that has one. */
    static Map<SeatType, String> texts(ShowtimePrices prices, Messages messages) {
        Map<SeatType, String> texts = new EnumMap<>(SeatType.class);
        Long adult = prices.ticketPrices().get(TicketType.ADULT);
        long standardSurcharge = prices.seatSurcharges().getOrDefault(SeatType.STANDARD, 0L);
        if (adult != null) {
            texts.put(SeatType.STANDARD, Money.format(adult + standardSurcharge, prices.currency(), messages.locale()));
        }
        for (SeatType type : SeatType.values()) {
            long extra = prices.seatSurcharges().getOrDefault(type, 0L) - standardSurcharge;
            if (type != SeatType.STANDARD && extra > 0) {
                texts.put(
                        type,
                        messages.get(
                                "seatmap.legend.extra", Money.format(extra, prices.currency(), messages.locale())));
            }
        }
        return Map.copyOf(texts);
    }

    ReadOnlyObjectProperty<Map<SeatType, String>> textsProperty() {
        return texts.getReadOnlyProperty();
    }
}
