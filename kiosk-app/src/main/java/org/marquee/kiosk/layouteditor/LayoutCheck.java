package org.marquee.kiosk.layouteditor;

import java.util.ArrayList;
import java.util.List;
import org.marquee.model.SeatDefinition;
import org.marquee.model.SeatLayout;
import org.marquee.model.SeatMap;
import org.marquee.model.SeatStatus;
import org.marquee.model.SeatView;

/**
 * A draft read by the shared {@link SeatLayout} parser, the same one the server runs: either the seats (and the seat
 * map a terminal would draw for a showtime with nothing sold), or the parser's message and the row it is about.
 *
 * @param layout the parsed layout, null when the parser refused it
 * @param message the parser's message, null when it accepted the draft
 * @param row the index of the row the message is about, -1 when it is about the whole layout or there is none
 */
public record LayoutCheck(SeatLayout layout, String message, int row) {

    private static final String NO_SEAT_YET = "A seat layout needs at least one seat";

    public static LayoutCheck of(List<String> rows) {
        try {
            return new LayoutCheck(SeatLayout.parse(rows), null, -1);
        } catch (IllegalArgumentException whole) {
            return new LayoutCheck(null, whole.getMessage(), rowOf(rows, whole.getMessage()));
        }
    }

    /**
     * The row the parser stops at: the shortest run of first rows it refuses for a reason of their own (rows of gaps
     * only are refused for having no seat yet, which a later row may fix).
     */
    static int rowOf(List<String> rows, String message) {
        if (message != null && message.startsWith(NO_SEAT_YET)) {
            return -1;
        }
        for (int n = 1; n <= rows.size(); n++) {
            try {
                SeatLayout.parse(rows.subList(0, n));
            } catch (IllegalArgumentException e) {
                if (!e.getMessage().startsWith(NO_SEAT_YET)) {
                    return n - 1;
                }
            }
        }
        return -1;
    }

    public boolean valid() {
        return layout != null;
    }

    /** Seats that can be sold, 0 for a refused draft. */
    public int sellableSeats() {
        return layout == null ? 0 : layout.sellableSeats();
    }

    /** What a terminal draws for this layout: every seat free, out-of-service seats BLOCKED; null when refused. */
    public SeatMap preview() {
        if (layout == null) {
            return null;
        }
        List<SeatView> seats = new ArrayList<>();
        for (SeatDefinition seat : layout.seats()) {
            seats.add(new SeatView(
                    seat.id(),
                    seat.row(),
                    seat.number(),
                    seat.x(),
                    seat.y(),
                    seat.type(),
                    seat.blocked() ? SeatStatus.BLOCKED : SeatStatus.AVAILABLE));
        }
        return new SeatMap(0, 0, seats);
    }

    /** The seats of an accepted layout, none of a refused one. */
    public List<SeatDefinition> layoutOrEmpty() {
        return layout == null ? List.of() : layout.seats();
    }
}
