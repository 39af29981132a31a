package org.marquee.server.demo.persistence;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.marquee.model.SeatLayout;
import org.marquee.model.TerminalKind;
import org.marquee.server.auth.TokenHash;
import org.marquee.server.auth.persistence.TerminalDao;
import org.marquee.server.demo.DemoFixture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the demo fixture into an empty database, in one transaction under an advisory lock, so that a restart or a
 * second instance started with {@code --demo-data} on the same database keeps what is there; on a demo database, tops
 * its schedule up to a week from today ({@link DemoScheduleTopUp}) under the same lock.
 */
public final class DemoLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);
    private static final String LOADED = "demo_fixture_loaded";

    private final Jdbi jdbi;

    public DemoLoader(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Loads the fixture if the catalog is empty, then makes sure kiosks demo-kiosk-1 … demo-kiosk-N exist. */
    public void load(int kiosks) {
        jdbi.useTransaction(handle -> {
            handle.execute("select pg_advisory_xact_lock(7402181)");
            boolean empty = handle.createQuery("select not exists (select 1 from theaters)")
                    .mapTo(Boolean.class)
                    .one();
            if (empty) {
                writeFixture(handle);
            }
            boolean demo = handle.createQuery("select exists (select 1 from server_settings where key = :k)")
                    .bind("k", LOADED)
                    .mapTo(Boolean.class)
                    .one();
            if (!demo) {
                log.warn("event=demo_skipped reason=database_holds_other_data");
                return;
            }
            int added = empty ? 0 : DemoScheduleTopUp.topUp(handle, LocalDate.now(DemoFixture.ZONE));
            long firstTheater = handle.createQuery("select min(id) from theaters")
                    .mapTo(Long.class)
                    .one();
            TerminalDao terminals = handle.attach(TerminalDao.class);
            int created = 0;
            for (int i = 1; i <= kiosks; i++) {
                String name = "demo-kiosk-" + i;
                created += terminals.createIfAbsent(name, TerminalKind.KIOSK, firstTheater, TokenHash.of(name)) ? 1 : 0;
            }
            created += terminals.createIfAbsent(
                            DemoFixture.COUNTER_TERMINAL,
                            TerminalKind.COUNTER,
                            firstTheater,
                            TokenHash.of(DemoFixture.COUNTER_TERMINAL))
                    ? 1
                    : 0;
            log.info("event=demo_ready fixtureLoaded={} showtimesAdded={} terminalsCreated={}", empty, added, created);
        });
    }

    private static void writeFixture(Handle handle) {
        List<List<Long>> rooms = new ArrayList<>();
        for (DemoFixture.Theater theater : DemoFixture.THEATERS) {
            long theaterId = handle.createQuery("insert into theaters (name, address, lat, lon, time_zone)"
                            + " values (:name, :address, :lat, :lon, :zone) returning id")
                    .bind("name", theater.name())
                    .bind("address", theater.address())
                    .bind("lat", theater.lat())
                    .bind("lon", theater.lon())
                    .bind("zone", DemoFixture.ZONE.getId())
                    .mapTo(Long.class)
                    .one();
            List<Long> ids = new ArrayList<>();
            for (DemoFixture.Room room : theater.rooms()) {
                ids.add(handle.createQuery("insert into auditoriums (theater_id, name, layout, seat_count)"
                                + " values (:theater, :name, cast(:layout as text[]), :seats) returning id")
                        .bind("theater", theaterId)
                        .bind("name", room.name())
                        .bind("layout", room.layout().toArray(String[]::new))
                        .bind("seats", SeatLayout.parse(room.layout()).sellableSeats())
                        .mapTo(Long.class)
                        .one());
            }
            rooms.add(ids);
        }
        List<Long> movies = new ArrayList<>();
        for (DemoFixture.Movie movie : DemoFixture.MOVIES) {
            movies.add(handle.createQuery("insert into movies (title, runtime_minutes, rating, genres, synopsis)"
                            + " values (:title, :runtime, :rating, cast(:genres as text[]), :synopsis) returning id")
                    .bind("title", movie.title())
                    .bind("runtime", movie.runtimeMinutes())
                    .bind("rating", movie.rating())
                    .bind("genres", movie.genres().toArray(String[]::new))
                    .bind("synopsis", movie.synopsis())
                    .mapTo(Long.class)
                    .one());
        }
        long imaxPlan = handle.createQuery("""
                        insert into price_plans (name, currency, ticket_prices, seat_surcharges)
                        values ('IMAX', 'EUR', cast(:tickets as jsonb), cast(:seats as jsonb)) returning id""")
                .bind("tickets", "{\"ADULT\": 1250, \"CHILD\": 950, \"SENIOR\": 1000}")
                .bind("seats", "{\"PREMIUM\": 300}")
                .mapTo(Long.class)
                .one();
        PreparedBatch showtimes =
                handle.prepareBatch("insert into showtimes (movie_id, auditorium_id, starts_at, format, price_plan_id)"
                        + " values (:movie, :auditorium, :startsAt, :format, :plan)");
        List<DemoFixture.Screening> schedule = DemoFixture.schedule(LocalDate.now(DemoFixture.ZONE));
        for (DemoFixture.Screening screening : schedule) {
            showtimes
                    .bind("movie", movies.get(screening.movie()))
                    .bind("auditorium", rooms.get(screening.theater()).get(screening.room()))
                    .bind("startsAt", screening.startsAt().atOffset(ZoneOffset.UTC))
                    .bind("format", screening.format())
                    .bind("plan", screening.format().equals("IMAX") ? imaxPlan : 1L)
                    .add();
        }
        showtimes.execute();
        for (DemoFixture.StaffMember member : DemoFixture.STAFF) {
            handle.createUpdate("insert into staff (username, display_name, role, pin_hash)"
                            + " values (:username, :name, :role, :hash)")
                    .bind("username", member.username())
                    .bind("name", member.displayName())
                    .bind("role", member.role())
                    .bind(
                            "hash",
                            BCrypt.withDefaults().hashToString(10, member.pin().toCharArray()))
                    .execute();
        }
        handle.createUpdate("insert into server_settings (key, value) values (:k, now()::text)")
                .bind("k", LOADED)
                .execute();
        log.info(
                "event=demo_fixture_loaded theaters={} movies={} showtimes={}",
                DemoFixture.THEATERS.size(),
                movies.size(),
                schedule.size());
    }
}
