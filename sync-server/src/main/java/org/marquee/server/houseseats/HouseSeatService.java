package org.marquee.server.houseseats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.marquee.model.HouseSeatsRequest;
import org.marquee.model.HouseSeatsView;
import org.marquee.model.SeatDefinition;
import org.marquee.server.audit.AuditLog;
import org.marquee.server.catalog.CatalogService;
import org.marquee.server.catalog.ShowtimeFacts;
import org.marquee.server.common.MarqueeException;
import org.marquee.server.common.Principal;
import org.marquee.server.houseseats.persistence.HouseSeatStore;
import org.marquee.server.seatmap.SeatMapChanges;
import org.marquee.server.seatrules.HouseSeats;

/**
 * House seats (DESIGN §8): a manager keeps seats of a showtime for the counter and managers until {@code releaseMinutes}
 * before the start; kiosks are refused them until then. Setting them replaces the whole set, is audited in the same
 * transaction, and moves the seat map's version. Holds and sales already on those seats stay as they are.
 */
public final class HouseSeatService {

    /** The longest release time accepted: a week before the start. */
    public static final int MAX_RELEASE_MINUTES = 7 * 24 * 60;

    private final CatalogService catalog;
    private final HouseSeatStore store;
    private final AuditLog audit;
    private final SeatMapChanges changes;

    public HouseSeatService(CatalogService catalog, HouseSeatStore store, AuditLog audit, SeatMapChanges changes) {
        this.catalog = catalog;
        this.store = store;
        this.audit = audit;
        this.changes = changes;
    }

    public HouseSeatsView get(long showtimeId) {
        ShowtimeFacts showtime = catalog.showtime(showtimeId);
        return view(showtime, store.find(showtimeId));
    }

    public HouseSeatsView set(Principal manager, long showtimeId, HouseSeatsRequest request) {
        ShowtimeFacts showtime = catalog.showtime(showtimeId);
        if (request.seatIds() == null) {
            throw MarqueeException.invalid("Say which seats to keep: 'seatIds' is missing (an empty list keeps none).");
        }
        int minutes = request.releaseMinutes() == null ? 0 : request.releaseMinutes();
        if (minutes < 0 || minutes > MAX_RELEASE_MINUTES) {
            throw MarqueeException.invalid("'releaseMinutes' must be between 0 and " + MAX_RELEASE_MINUTES
                    + " (a week); it was " + minutes + ".");
        }
        List<String> seats = checked(showtime, request.seatIds());
        HouseSeats before = store.find(showtimeId);
        HouseSeats after = HouseSeats.of(seats, minutes);
        store.save(showtimeId, seats, minutes);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("seatIds", seats);
        details.put("releaseMinutes", minutes);
        details.put("previousSeatIds", before.seatIds().stream().sorted().toList());
        details.put("previousReleaseMinutes", before.releaseMinutes());
        audit.record(manager, "HOUSE_SEATS_SET", "SHOWTIME", showtimeId, details);
        changes.changed(showtimeId);
        return view(showtime, after);
    }

    private static List<String> checked(ShowtimeFacts showtime, List<String> seatIds) {
        if (seatIds.contains(null)) {
            throw MarqueeException.invalid("'seatIds' contains an empty entry.");
        }
        Set<String> unique = new LinkedHashSet<>(seatIds);
        if (unique.size() != seatIds.size()) {
            throw MarqueeException.invalid("Each seat may be named once in 'seatIds'.");
        }
        Map<String, SeatDefinition> layout = new LinkedHashMap<>();
        showtime.layout().seats().forEach(seat -> layout.put(seat.id(), seat));
        List<String> unknown = unique.stream()
                .filter(id -> !layout.containsKey(id))
                .limit(20)
                .map(id -> id.length() > 12 ? id.substring(0, 12) + "…" : id)
                .map(id -> id.replaceAll("\\p{Cntrl}", "?"))
                .toList();
        if (!unknown.isEmpty()) {
            throw new MarqueeException(
                    org.marquee.model.ErrorCode.INVALID_REQUEST,
                    "This showtime's auditorium has no seat " + String.join(", ", unknown) + ".",
                    Map.of("seatIds", unknown));
        }
        List<String> blocked =
                unique.stream().filter(id -> layout.get(id).blocked()).toList();
        if (!blocked.isEmpty()) {
            throw new MarqueeException(
                    org.marquee.model.ErrorCode.INVALID_REQUEST,
                    "Seat " + String.join(", ", blocked) + " is out of service and cannot be a house seat.",
                    Map.of("seatIds", blocked));
        }
        List<String> sorted = new ArrayList<>(unique);
        sorted.sort(null);
        return sorted;
    }

    private static HouseSeatsView view(ShowtimeFacts showtime, HouseSeats house) {
        return new HouseSeatsView(
                showtime.id(),
                house.seatIds().stream().sorted().toList(),
                house.releaseMinutes(),
                house.releasesAt(showtime.startsAt()));
    }
}
