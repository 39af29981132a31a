package org.marquee.kiosk.scanner;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.marquee.kiosk.i18n.Messages;

/** The words of a door verdict, in the terminal's language and the theater's local time. */
final class VerdictText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Messages messages;
    private final ZoneId zone;

    VerdictText(Messages messages, ZoneId zone) {
        this.messages = messages;
        this.zone = zone;
    }

    String headline(DoorVerdict verdict) {
        return messages.get(verdict.green() ? "scanner.admitted" : "scanner.refused");
    }

    String seat(DoorVerdict verdict) {
        return verdict.seatId() == null ? "" : messages.get("scanner.seatId", verdict.seatId());
    }

    /** Why: the showtime for green; when and where, another showtime, or the reason for red. */
    String why(DoorVerdict verdict, List<DoorShowtime> showtimes) {
        return switch (verdict.why()) {
            case NONE -> showtime(verdict.showtimeId(), showtimes);
            case ALREADY_ADMITTED ->
                messages.get("scanner.why.ALREADY_ADMITTED", time(verdict.admittedAt()), verdict.admittedBy());
            case OTHER_SHOWTIME -> {
                String other = showtime(verdict.showtimeId(), showtimes);
                yield other.isEmpty()
                        ? messages.get("scanner.why.OTHER_SHOWTIME_UNKNOWN")
                        : messages.get("scanner.why.OTHER_SHOWTIME", other);
            }
            default -> messages.get("scanner.why." + verdict.why().name());
        };
    }

    /** "Sala 1 · Dune at 21:00", or empty for a showtime this door does not list. */
    String showtime(Long showtimeId, List<DoorShowtime> showtimes) {
        if (showtimeId == null) {
            return "";
        }
        return showtimes.stream()
                .filter(s -> s.id() == showtimeId)
                .findFirst()
                .map(s -> messages.get(
                        "scanner.showtimeText", s.auditoriumName() + " \u00b7 " + s.movieTitle(), time(s.startsAt())))
                .orElse("");
    }

    String time(Instant at) {
        return at == null ? "?" : TIME.format(at.atZone(zone));
    }
}
