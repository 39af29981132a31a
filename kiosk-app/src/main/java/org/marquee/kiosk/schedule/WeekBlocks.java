package org.marquee.kiosk.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.marquee.model.AdminShowtime;
import org.marquee.model.MovieInfo;
import org.marquee.model.ShowtimeStatus;

/**
 * The week's blocks of one auditorium, computed here before anything is sent: two showtimes clash when
 * {@code [startsAt, startsAt + runtime + cleaning)} overlap (DESIGN §7.1), cancelled ones never do.
 *
 * @param shown the existing showtimes and the proposed ones that fall in the week, clashes marked
 * @param proposed every proposed block, in the week or not
 * @param clashing the existing showtimes the proposal clashes with
 */
record WeekBlocks(List<WeekBlock> shown, List<WeekBlock> proposed, Set<Long> clashing) {

    static WeekBlocks of(
            List<AdminShowtime> existing,
            List<Instant> starts,
            MovieInfo movie,
            String format,
            int cleaningMinutes,
            Set<Long> serverClashes,
            ZoneId zone,
            LocalDate monday) {
        int length = movie == null ? 0 : movie.runtimeMinutes() + cleaningMinutes;
        Set<Long> clashing = new HashSet<>();
        List<WeekBlock> proposed = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            Instant start = starts.get(i);
            Instant end = start.plus(Duration.ofMinutes(length));
            boolean clash = false;
            for (AdminShowtime other : existing) {
                if (other.status() != ShowtimeStatus.CANCELLED
                        && start.isBefore(other.endsAt())
                        && other.startsAt().isBefore(end)) {
                    clashing.add(other.id());
                    clash = true;
                }
            }
            for (int j = 0; j < starts.size(); j++) {
                Instant other = starts.get(j);
                clash |= j != i && start.isBefore(other.plus(Duration.ofMinutes(length))) && other.isBefore(end);
            }
            proposed.add(block(
                    zone,
                    null,
                    movie.title(),
                    format,
                    start,
                    movie.runtimeMinutes(),
                    length,
                    ShowtimeStatus.ON_SALE,
                    0,
                    0,
                    true,
                    clash));
        }
        Set<Long> marked = new HashSet<>(clashing);
        marked.addAll(serverClashes);
        List<WeekBlock> shown = new ArrayList<>();
        for (AdminShowtime s : existing) {
            shown.add(block(
                    zone,
                    s.id(),
                    s.movie().title(),
                    s.format(),
                    s.startsAt(),
                    s.movie().runtimeMinutes(),
                    (int) Duration.between(s.startsAt(), s.endsAt()).toMinutes(),
                    s.status(),
                    s.seatsSold(),
                    s.seatsHeld(),
                    false,
                    marked.contains(s.id())));
        }
        proposed.stream()
                .filter(b -> !b.day().isBefore(monday) && b.day().isBefore(monday.plusDays(7)))
                .forEach(shown::add);
        return new WeekBlocks(List.copyOf(shown), List.copyOf(proposed), Set.copyOf(clashing));
    }

    /** Existing showtimes marked: those the proposal clashes with and those the server named. */
    Set<Long> marked() {
        Set<Long> ids = new HashSet<>();
        shown.stream().filter(b -> !b.proposed() && b.clash()).forEach(b -> ids.add(b.showtimeId()));
        return Set.copyOf(ids);
    }

    boolean proposalClashes() {
        return proposed.stream().anyMatch(WeekBlock::clash);
    }

    /** Proposed showtimes outside the week shown: the server checks those. */
    long proposedOutside() {
        return proposed.size() - shown.stream().filter(WeekBlock::proposed).count();
    }

    private static WeekBlock block(
            ZoneId zone,
            Long id,
            String title,
            String format,
            Instant start,
            int runtime,
            int minutes,
            ShowtimeStatus state,
            int sold,
            int held,
            boolean proposed,
            boolean clash) {
        ZonedDateTime local = start.atZone(zone);
        return new WeekBlock(
                id,
                title,
                format,
                start,
                local.toLocalDate(),
                local.toLocalTime(),
                runtime,
                minutes,
                state,
                sold,
                held,
                proposed,
                clash);
    }
}
