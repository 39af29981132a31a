package org.marquee.server.cinema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.marquee.model.AuditoriumInfo;
import org.marquee.model.AuditoriumRequest;
import org.marquee.model.ErrorCode;
import org.marquee.model.SeatDefinition;
import org.marquee.model.SeatLayout;
import org.marquee.server.audit.AuditLog;
import org.marquee.server.cinema.persistence.AuditoriumStore;
import org.marquee.server.cinema.persistence.CinemaStore;
import org.marquee.server.common.MarqueeException;
import org.marquee.server.common.Principal;

/**
 * Auditoriums and their seat layouts (DESIGN §7.1). A changed layout goes to the showtimes that have not started (those
 * that have keep theirs); it is refused with {@code LAYOUT_IN_USE} when it lacks a seat held or sold for one of them,
 * and the seats it drops can no longer be held (pretix's rule for live seating plans).
 */
public final class AuditoriumAdmin {

    private final AuditoriumStore store;
    private final CinemaStore cinema;
    private final AuditLog audit;
    private final ShowtimeChanges changes;

    public AuditoriumAdmin(AuditoriumStore store, CinemaStore cinema, AuditLog audit, ShowtimeChanges changes) {
        this.store = store;
        this.cinema = cinema;
        this.audit = audit;
        this.changes = changes;
    }

    public List<AuditoriumInfo> list(Long theaterId) {
        if (theaterId != null && !cinema.exists("theaters", theaterId)) {
            throw MarqueeException.notFound("There is no theater " + theaterId + ".");
        }
        return store.list(theaterId);
    }

    public AuditoriumInfo find(long id) {
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    public AuditoriumInfo create(Principal caller, AuditoriumRequest request) {
        Fields.required(request, "body");
        long theaterId = Fields.required(request.theaterId(), "theaterId");
        String name = Fields.text(request.name(), "name", 100);
        SeatLayout layout = layout(request.layout());
        if (!cinema.exists("theaters", theaterId)) {
            throw MarqueeException.notFound("There is no theater " + theaterId + ".");
        }
        if (store.nameTaken(theaterId, name, null)) {
            throw CinemaAdmin.duplicate("This theater already has an auditorium named '" + name + "'.");
        }
        AuditoriumInfo saved = store.insert(theaterId, name, layout.rows(), layout.sellableSeats());
        audit.record(caller, "AUDITORIUM_CREATED", "AUDITORIUM", saved.id(), Map.of("auditorium", saved));
        return saved;
    }

    public AuditoriumInfo update(Principal caller, long id, AuditoriumRequest request) {
        Fields.required(request, "body");
        AuditoriumInfo before = store.lock(id).orElseThrow(() -> notFound(id));
        if (request.theaterId() != null && request.theaterId() != before.theaterId()) {
            throw MarqueeException.invalid("'theaterId': an auditorium stays in its theater; create a new one there.");
        }
        String name = Fields.text(request.name(), "name", 100);
        SeatLayout layout = layout(request.layout());
        if (store.nameTaken(before.theaterId(), name, id)) {
            throw CinemaAdmin.duplicate("This theater already has an auditorium named '" + name + "'.");
        }
        List<Long> relaid = before.layout().equals(layout.rows()) ? List.of() : relayout(id, layout);
        AuditoriumInfo saved = store.update(id, name, layout.rows(), layout.sellableSeats());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("before", before);
        details.put("after", saved);
        details.put("showtimesChanged", relaid);
        audit.record(caller, "AUDITORIUM_UPDATED", "AUDITORIUM", id, details);
        relaid.forEach(changes::changed);
        return saved;
    }

    /** Gives every future showtime the new layout, or refuses naming the held and sold seats it would drop. */
    private List<Long> relayout(long auditoriumId, SeatLayout layout) {
        Set<String> wanted = ids(layout);
        Set<String> inUse = new TreeSet<>();
        List<Long> changed = new ArrayList<>();
        for (AuditoriumStore.FutureShowtime showtime : store.futureShowtimes(auditoriumId)) {
            Set<String> had = ids(SeatLayout.parse(showtime.layout()));
            List<String> dropped =
                    had.stream().filter(s -> !wanted.contains(s)).sorted().toList();
            List<String> added =
                    wanted.stream().filter(s -> !had.contains(s)).sorted().toList();
            inUse.addAll(store.seal(showtime.id(), dropped));
            store.reopen(showtime.id(), added);
            store.relayout(showtime.id(), layout.rows(), layout.sellableSeats());
            changed.add(showtime.id());
        }
        if (!inUse.isEmpty()) {
            throw new MarqueeException(
                    ErrorCode.LAYOUT_IN_USE,
                    "The new layout lacks seats that are held or sold for showtimes not yet started: "
                            + String.join(", ", inUse.stream().limit(20).toList())
                            + (inUse.size() > 20 ? " …" : "") + ". Keep those seats, or refund them first.",
                    Map.of("seatIds", List.copyOf(inUse)));
        }
        return changed;
    }

    /** A layout in the {@link SeatLayout} notation, or 422 {@code INVALID_LAYOUT} naming the row and column. */
    static SeatLayout layout(List<String> rows) {
        Fields.required(rows, "layout");
        try {
            return SeatLayout.parse(rows);
        } catch (SeatLayout.LayoutException e) {
            throw new MarqueeException(
                    ErrorCode.INVALID_LAYOUT,
                    "'layout': " + e.getMessage() + ".",
                    Map.of("row", e.row(), "column", e.column()));
        } catch (IllegalArgumentException e) {
            throw new MarqueeException(ErrorCode.INVALID_LAYOUT, "'layout': " + e.getMessage() + ".");
        }
    }

    private static Set<String> ids(SeatLayout layout) {
        Set<String> ids = new HashSet<>();
        for (SeatDefinition seat : layout.seats()) {
            ids.add(seat.id());
        }
        return ids;
    }

    private static MarqueeException notFound(long id) {
        return MarqueeException.notFound("There is no auditorium " + id + ".");
    }
}
