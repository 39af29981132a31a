package org.marquee.kiosk.seatmap;

import java.util.HashSet;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.collections.FXCollections;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.kiosk.core.ProblemTexts;
import org.marquee.kiosk.core.SaleSession;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.model.ErrorCode;
import org.marquee.model.HoldView;
import org.marquee.model.SeatMap;
import org.marquee.model.SeatView;
import org.marquee.model.ShowtimeListing;

/**
 * The kiosk's best seats in one touch (DESIGN §8, decision 0025): before the map, the customer picks how many
 * tickets, and the best block is held at once ({@code POST /holds} with {@code count}) and shown as theirs. A tap on
 * another free seat then moves the whole block there, keeping its size ({@link BlockMove}); a tap on one of their own
 * seats gives it back, and with fewer seats than tickets a tap adds one, as on the plain map. In accessible mode the
 * count leads to a list of blocks ({@link SeatBlocks}) chosen without the map instead. Every change of the seats goes
 * through the seat map's own path ({@link SeatMapViewModel#choose(List)}): one change of the hold, all or nothing.
 */
public final class BestSeatsViewModel {

    private final SeatMapViewModel seatMap;
    private final SaleSession sale;
    private final Messages messages;
    private final ReadOnlyBooleanWrapper picking = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyListWrapper<SeatBlock> blocks =
            new ReadOnlyListWrapper<>(FXCollections.observableArrayList());

    /** A new one per visit of the seat map: the count is asked unless the sale already holds seats there. */
    public BestSeatsViewModel(SeatMapViewModel seatMap, SaleSession sale, Messages messages) {
        this.seatMap = seatMap;
        this.sale = sale;
        this.messages = messages;
        ShowtimeListing listing = sale.showtimeProperty().get();
        picking.set(listing != null && !sale.holdsSeatsOf(listing.id()));
        seatMap.seatMapProperty().addListener((obs, was, now) -> listBlocks());
        sale.accessibleProperty().addListener((obs, was, now) -> listBlocks());
        seatMap.mine().addListener((javafx.collections.SetChangeListener<String>) change -> listBlocks());
    }

    /** The customer wants {@code tickets} seats: holds the best block of them, or (accessible mode) lists blocks. */
    public void chooseCount(int tickets) {
        ShowtimeListing listing = sale.showtimeProperty().get();
        if (listing == null || tickets < 1 || tickets > seatMap.maxSeats() || busy.get()) {
            return;
        }
        count.set(tickets);
        picking.set(false);
        if (accessible()) {
            listBlocks();
            seatMap.tell(blocks.isEmpty() ? messages.get("bestseats.noBlocks", tickets) : "");
            return;
        }
        SeatMap map = seatMap.seatMapProperty().get();
        if (map != null && !SeatBlocks.anyTogether(map, tickets)) {
            seatMap.tell(messages.get("bestseats.noBlock", tickets)); // nothing held: the map is theirs to pick on
            return;
        }
        busy.set(true);
        sale.bestSeats(listing.id(), tickets, this::held, this::refused);
    }

    /** Shows the count's buttons again (the customer wants another number of tickets); the seats held stay. */
    public void changeCount() {
        if (!busy.get()) {
            picking.set(true);
        }
    }

    /**
     * A tap on the map. With as many seats as tickets, a free seat moves the block there (or, with no room for the
     * block there, says so and keeps the seats); anything else is the map's usual tap.
     */
    public void tap(String seatId) {
        SeatMap map = seatMap.seatMapProperty().get();
        var mine = seatMap.mine();
        SeatView seat = map == null ? null : seat(map, seatId);
        boolean whole = count.get() > 0 && mine.size() == count.get();
        if (picking.get() || busy.get()) {
            return;
        }
        if (!whole || seat == null || mine.contains(seatId) || !RowSegments.freeFor(seat, accessible())) {
            seatMap.toggle(seatId);
            return;
        }
        List<String> moved = BlockMove.to(map, seatId, mine, count.get(), accessible());
        if (moved.isEmpty()) {
            seatMap.tell(messages.get("bestseats.noRoom", count.get(), seatId));
        } else {
            seatMap.choose(moved);
        }
    }

    /** A block chosen from the accessible list: held instead of the seats held now, all or nothing. */
    public void chooseBlock(SeatBlock block) {
        if (!busy.get()) {
            seatMap.choose(block.seatIds());
        }
    }

    /** True when {@code block} is exactly the seats chosen now. */
    public boolean isChosen(SeatBlock block) {
        return new HashSet<>(block.seatIds()).equals(seatMap.mine());
    }

    /** The list entry for {@code block}, as read aloud: "2 seats together, row F, centre". */
    public String describe(SeatBlock block) {
        return describe(messages, block);
    }

    static String describe(Messages messages, SeatBlock block) {
        if (block.wheelchair()) {
            if (block.wheelchairs() == 1) {
                return messages.get(
                        block.companions() == 0 ? "bestseats.block.wheelchair" : "bestseats.block.wheelchairCompanion",
                        block.row());
            }
            return block.companions() == 0
                    ? messages.get("bestseats.block.wheelchairsOnly", block.wheelchairs(), block.row())
                    : messages.get("bestseats.block.wheelchairs", block.wheelchairs(), block.companions(), block.row());
        }
        return messages.get(
                "bestseats.block.seats",
                block.seatIds().size(),
                block.row(),
                messages.get("bestseats.position." + block.position().name().toLowerCase(java.util.Locale.ROOT)));
    }

    private void held(HoldView hold) {
        busy.set(false);
        seatMap.open(); // carries on with the sale's new hold: its seats become the choice
        SeatMap map = seatMap.seatMapProperty().get();
        if (hold != null && map != null && !SeatBlocks.together(map, hold.seatIds())) {
            seatMap.tell(messages.get("bestseats.apart", count.get()));
        }
    }

    private void refused(ApiProblem problem) {
        busy.set(false);
        seatMap.tell(
                problem.code() == ErrorCode.SEATS_UNAVAILABLE
                        ? messages.get("bestseats.noBlock", count.get())
                        : ProblemTexts.of(problem, messages));
    }

    private void listBlocks() {
        SeatMap map = seatMap.seatMapProperty().get();
        blocks.setAll(
                accessible() && count.get() > 0 && map != null
                        ? SeatBlocks.list(map, count.get(), true, seatMap.mine())
                        : List.of());
    }

    private boolean accessible() {
        return sale.accessibleProperty().get();
    }

    private static SeatView seat(SeatMap map, String seatId) {
        return map.seats().stream()
                .filter(seat -> seat.id().equals(seatId))
                .findFirst()
                .orElse(null);
    }

    /** True in accessible mode (the kiosk's ♿ button): the list instead of the map. */
    public ReadOnlyBooleanProperty accessibleProperty() {
        return sale.accessibleProperty();
    }

    /** True while the count's buttons are shown instead of the map. */
    public ReadOnlyBooleanProperty pickingProperty() {
        return picking.getReadOnlyProperty();
    }

    /** True while the best block is being asked for. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The tickets asked for; 0 before. */
    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** Accessible mode's list of seat blocks for the count; empty otherwise. */
    public ReadOnlyListProperty<SeatBlock> blocksProperty() {
        return blocks.getReadOnlyProperty();
    }

    /** Most tickets a kiosk may ask for. */
    public int maxTickets() {
        return seatMap.maxSeats();
    }
}
