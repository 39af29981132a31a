package org.marquee.kiosk.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.core.UiThread;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.testing.FakeAdmin;
import org.marquee.model.MovieInfo;
import org.marquee.model.ShowtimeStatus;

/** The week schedule without the FX toolkit, against the in-memory admin API (a theater in Madrid, 20 min cleaning). */
class ScheduleViewModelTest {

    /** Tuesday 1 December 2026, 11:00 in Madrid. */
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    private final FakeAdmin admin = FakeAdmin.madrid(Clock.fixed(NOW, ZoneOffset.UTC));
    private final Tasks tasks = new Tasks(UiThread.DIRECT);
    private MovieInfo voyage;
    private long hall;
    private long wednesdayShow;
    private ScheduleViewModel model;

    @BeforeEach
    void setUp() {
        long theater = admin.theater().id();
        voyage = admin.movieList().getFirst(); // 120 minutes
        hall = admin.addAuditorium(theater, "Sala 1", List.of("A:SSSS", "B:SSSS"));
        admin.addAuditorium(theater, "Sala 2", List.of("A:SS"));
        wednesdayShow = admin.addShowtime(voyage.id(), hall, madrid("2026-12-02", "19:00"));
        model = new ScheduleViewModel(
                admin, admin, tasks, new Messages(Locale.ENGLISH), theater, Clock.fixed(NOW, MADRID));
        model.load();
        await().atMost(Duration.ofSeconds(20)).until(() -> existing().size() == 1);
    }

    @AfterEach
    void tearDown() {
        tasks.close();
    }

    @Test
    void theWeekShowsEachShowtimeAsLongAsItsFilmAndTheCleaning() {
        assertThat(model.weekStartProperty().get()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(model.auditoriumProperty().get().name()).isEqualTo("Sala 1");
        WeekBlock block = existing().getFirst();
        assertThat(block.showtimeId()).isEqualTo(wednesdayShow);
        assertThat(block.day()).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(block.start()).isEqualTo(LocalTime.of(19, 0));
        assertThat(block.minutes()).isEqualTo(140);
        assertThat(block.clash()).isFalse();
    }

    @Test
    void weeksArePagedAndEachAuditoriumHasItsOwn() {
        model.nextWeek();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> model.blocksProperty().get().stream().noneMatch(b -> !b.proposed()));
        assertThat(model.weekStartProperty().get()).isEqualTo(LocalDate.of(2026, 12, 7));
        model.previousWeek();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> model.blocksProperty().get().stream().anyMatch(b -> !b.proposed()));
        model.auditoriumProperty().set(model.auditoriumsProperty().get().get(1));
        assertThat(model.blocksProperty().get()).allMatch(WeekBlock::proposed);
    }

    @Test
    void aSeriesThatClashesIsShownBeforeSavingAndNotSent() {
        ScheduleForm form = model.form();
        form.seriesProperty().set(true);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.WEDNESDAY && day != DayOfWeek.THURSDAY) {
                form.toggleDay(day);
            }
        }
        form.timesProperty().set("17:00, 21:00");
        int writes = admin.writes();

        // Wednesday 17:00 runs to 19:20 with cleaning, into the 19:00 showtime; 21:00 starts before that one's 21:20
        // end
        assertThat(model.clashIdsProperty().get()).containsExactly(wednesdayShow);
        assertThat(model.clashTextProperty().get()).contains("clash").contains("The Long Voyage Wed 2 Dec 19:00");
        assertThat(model.blocksProperty().get()).filteredOn(WeekBlock::proposed).hasSize(4);
        assertThat(model.blocksProperty().get())
                .filteredOn(b -> b.proposed() && b.clash())
                .extracting(WeekBlock::day, WeekBlock::start)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 12, 2), LocalTime.of(17, 0)),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 12, 2), LocalTime.of(21, 0)));
        assertThat(model.canSaveProperty().get()).isFalse();
        model.save();
        assertThat(admin.writes()).isEqualTo(writes);

        form.timesProperty().set("16:30, 21:30");
        assertThat(model.clashTextProperty().get()).isEmpty();
        assertThat(model.proposalTextProperty().get()).isEqualTo("4 showtimes to add (dashed on the week).");
        model.save();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> model.blocksProperty().get().stream()
                                .filter(b -> !b.proposed())
                                .count()
                        == 5);
        assertThat(model.statusProperty().get()).isEqualTo("4 showtimes added.");
        assertThat(admin.allShowtimes()).hasSize(5);
    }

    @Test
    void theServersClashIsShownOnTheBlocksItNames() {
        // another manager fills Thursday evening after this week was loaded
        long other = admin.addShowtime(voyage.id(), hall, madrid("2026-12-03", "19:00"));
        model.form().dateProperty().set("2026-12-03");
        model.form().timeProperty().set("20:00");
        assertThat(model.canSaveProperty().get()).isTrue();

        model.save();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> model.clashIdsProperty().get().contains(other));
        assertThat(model.statusProperty().get()).startsWith("Not added: ");
        assertThat(model.blocksProperty().get())
                .filteredOn(b -> !b.proposed() && b.clash())
                .extracting(WeekBlock::showtimeId)
                .containsExactly(other);
        assertThat(admin.allShowtimes()).hasSize(2);
    }

    @Test
    void aCancelledShowtimeTellsItsRefundsFailuresAndReleasedHolds() {
        admin.sell(wednesdayShow, false, "A1", "A2");
        UUID failing = admin.sell(wednesdayShow, true, "B1");
        admin.hold(wednesdayShow, "B3");
        WeekBlock block = existing().getFirst();
        model.select(block);

        model.cancelSelected("  ");
        assertThat(model.statusProperty().get()).isEqualTo("Give a reason for the cancellation.");
        model.cancelSelected("Projector broken");

        await().atMost(Duration.ofSeconds(20))
                .until(() -> !model.cancelSummaryProperty().get().isEmpty());
        assertThat(model.cancelSummaryProperty().get())
                .isEqualTo(
                        "Refunded orders: 1. Holds released: 1. 1 refund failed (settle at the counter): " + failing);
        await().atMost(Duration.ofSeconds(20)).until(() -> existing().getFirst().cancelled());
        assertThat(admin.showtime(wednesdayShow).status()).isEqualTo(ShowtimeStatus.CANCELLED);
    }

    @Test
    void aBadFormSaysWhatIsWrongAndCannotBeSaved() {
        model.form().dateProperty().set("2026-13-01");
        assertThat(model.proposalTextProperty().get()).isEqualTo("'2026-13-01' is not a date like 2026-12-07.");
        assertThat(model.canSaveProperty().get()).isFalse();
        model.form().dateProperty().set("2026-12-04");
        model.form().timeProperty().set("7pm");
        assertThat(model.proposalTextProperty().get()).isEqualTo("'7pm' is not a time like 19:00.");
        model.form().seriesProperty().set(true);
        model.form().fromProperty().set("2026-12-10");
        model.form().toProperty().set("2026-12-01");
        assertThat(model.proposalTextProperty().get()).isEqualTo("The first date is after the last.");
    }

    @Test
    void aSeriesKeepsItsWallTimeAcrossTheChangeOfClock() {
        List<Instant> starts = SeriesPlan.starts(
                LocalDate.of(2026, 10, 24),
                LocalDate.of(2026, 10, 26),
                Set.of(DayOfWeek.values()),
                List.of(LocalTime.of(19, 0)),
                MADRID);
        assertThat(starts)
                .containsExactly(
                        Instant.parse("2026-10-24T17:00:00Z"),
                        Instant.parse("2026-10-25T18:00:00Z"),
                        Instant.parse("2026-10-26T18:00:00Z"));
    }

    private List<WeekBlock> existing() {
        return model.blocksProperty().get().stream().filter(b -> !b.proposed()).toList();
    }

    private static Instant madrid(String date, String time) {
        return LocalDate.parse(date)
                .atTime(LocalTime.parse(time))
                .atZone(MADRID)
                .toInstant();
    }
}
