package org.marquee.server.demo.persistence;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.marquee.server.demo.DemoFixture;

/**
 * Keeps the demo sellable for ever (issue 11): at every start with {@code --demo-data}, each demo auditorium gets the
 * fixture's showtimes for every day from today to today + 6 (in the demo's zone) on which it has none. Days it has
 * showtimes on (whoever made them) are left alone, so nothing is duplicated and nothing sold is touched; past days
 * stay as they are. Runs in the loader's transaction, under its advisory lock: two instances starting together on one
 * database top up once.
 */
final class DemoScheduleTopUp {

    private DemoScheduleTopUp() {}

    /** Adds the missing days; returns the number of showtimes added. */
    static int topUp(Handle handle, LocalDate today) {
        Map<String, Long> auditoriums = new HashMap<>();
        handle.createQuery("""
                        select t.name as theater, a.name as auditorium, a.id
                          from auditoriums a join theaters t on t.id = a.theater_id""")
                .map((rs, ctx) ->
                        Map.entry(rs.getString("theater") + "\u0000" + rs.getString("auditorium"), rs.getLong("id")))
                .forEach(entry -> auditoriums.putIfAbsent(entry.getKey(), entry.getValue()));
        Map<String, Long> movies = new HashMap<>();
        handle.createQuery("select title, min(id) as id from movies group by title")
                .map((rs, ctx) -> Map.entry(rs.getString("title"), rs.getLong("id")))
                .forEach(entry -> movies.put(entry.getKey(), entry.getValue()));
        long imaxPlan = handle.createQuery("select coalesce(min(id), 1) from price_plans where name = 'IMAX'")
                .mapTo(Long.class)
                .one();
        // the (auditorium, local day) pairs that have any showtime in the coming week
        Set<String> scheduled = new HashSet<>();
        handle.createQuery("""
                        select auditorium_id, (starts_at at time zone :zone)::date as day
                          from showtimes
                         where starts_at >= :from and starts_at < :to""")
                .bind("zone", DemoFixture.ZONE.getId())
                .bind("from", today.atStartOfDay(DemoFixture.ZONE).toOffsetDateTime())
                .bind(
                        "to",
                        today.plusDays(DemoFixture.DAYS)
                                .atStartOfDay(DemoFixture.ZONE)
                                .toOffsetDateTime())
                .map((rs, ctx) -> rs.getLong("auditorium_id") + "@" + rs.getObject("day", LocalDate.class))
                .forEach(scheduled::add);

        PreparedBatch batch = handle.prepareBatch("""
                insert into showtimes (movie_id, auditorium_id, starts_at, format, price_plan_id)
                values (:movie, :auditorium, :startsAt, :format, :plan)
                on conflict (auditorium_id, starts_at) do nothing""");
        int added = 0;
        for (int offset = 0; offset < DemoFixture.DAYS; offset++) {
            LocalDate date = today.plusDays(offset);
            for (DemoFixture.Screening screening : DemoFixture.day(date, (int) Math.floorMod(date.toEpochDay(), 6L))) {
                DemoFixture.Theater theater = DemoFixture.THEATERS.get(screening.theater());
                Long auditorium = auditoriums.get(theater.name() + "\u0000"
                        + theater.rooms().get(screening.room()).name());
                Long movie =
                        movies.get(DemoFixture.MOVIES.get(screening.movie()).title());
                if (auditorium == null || movie == null || scheduled.contains(auditorium + "@" + date)) {
                    continue;
                }
                batch.bind("movie", movie)
                        .bind("auditorium", auditorium)
                        .bind("startsAt", screening.startsAt().atOffset(ZoneOffset.UTC))
                        .bind("format", screening.format())
                        .bind("plan", screening.format().equals("IMAX") ? imaxPlan : 1L)
                        .add();
                added++;
            }
        }
        if (added > 0) {
            batch.execute();
        }
        return added;
    }
}
