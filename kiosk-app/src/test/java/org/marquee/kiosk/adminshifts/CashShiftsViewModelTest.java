package org.marquee.kiosk.adminshifts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.core.UiThread;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.testing.FakeCashOffice;
import org.marquee.model.CashShift;

/** The day's cash shifts without the FX toolkit, against the cash API's in-memory fake. */
class CashShiftsViewModelTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 30);

    FakeCashOffice office;
    Tasks tasks;

    @BeforeEach
    void setUp() {
        office = new FakeCashOffice(Clock.fixed(Instant.parse("2026-11-30T09:00:00Z"), ZoneOffset.UTC));
        tasks = new Tasks(UiThread.DIRECT);
        office.record(shift(101, "alice", "Counter 1", "2026-11-30T09:00:00Z", 15_000, 41_000, 40_750L));
        office.record(shift(102, "bruno", "Counter 2", "2026-11-30T10:30:00Z", 10_000, 22_500, 22_500L));
        office.record(shift(103, "carla", "Counter 1", "2026-11-30T16:00:00Z", 5_000, 8_000, null));
        office.record(shift(104, "alice", "Counter 1", "2026-11-29T09:00:00Z", 15_000, 30_000, 30_100L));
    }

    @AfterEach
    void tearDown() {
        tasks.close();
    }

    static CashShift shift(
            long id, String user, String terminal, String opened, long floatMinor, long expected, Long counted) {
        Instant at = Instant.parse(opened);
        return new CashShift(
                id,
                id,
                user,
                1,
                terminal,
                at,
                floatMinor,
                expected - floatMinor,
                0,
                expected,
                counted == null ? null : at.plus(Duration.ofHours(6)),
                counted,
                counted == null ? null : counted - expected);
    }

    private CashShiftsViewModel model(Locale locale) {
        return new CashShiftsViewModel(office, tasks, new Messages(locale), 1, DAY, ZoneId.of("UTC"));
    }

    private static void settle(CashShiftsViewModel model) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !model.workingProperty().get());
    }

    @Test
    void theDaysShiftsShowTheirFiguresAndTheOnesThatDidNotBalanceStandOut() {
        CashShiftsViewModel model = model(Locale.ENGLISH);
        model.load();
        settle(model);

        assertThat(model.rows()).extracting(ShiftRow::clerk).containsExactly("alice", "bruno", "carla");
        ShiftRow alice = model.rows().getFirst();
        assertThat(alice.terminal()).isEqualTo("Counter 1");
        assertThat(alice.opened()).startsWith("9:00").endsWith("AM");
        assertThat(alice.floatAmount()).isEqualTo("150.00");
        assertThat(alice.expected()).isEqualTo("410.00");
        assertThat(alice.counted()).isEqualTo("407.50");
        assertThat(alice.variance()).isEqualTo("2.50 short");
        assertThat(alice.off()).isTrue();
        assertThat(model.rows().get(1).variance()).isEqualTo("Balanced");
        assertThat(model.rows().get(1).off()).isFalse();
        ShiftRow open = model.rows().get(2);
        assertThat(open.closed()).isEqualTo("still open");
        assertThat(open.counted()).isEmpty();
        assertThat(open.off()).isFalse();
        assertThat(model.summaryProperty().get())
                .isEqualTo("Shifts: 3 · still open: 1 · not balanced: 1 · in all: 2.50 short");
    }

    @Test
    void choosingAnotherDayLoadsThatDay() {
        CashShiftsViewModel model = model(Locale.of("es"));
        model.load();
        settle(model);

        model.previousDay();
        await().atMost(Duration.ofSeconds(10)).until(() -> model.rows().size() == 1);
        assertThat(model.rows().getFirst().variance()).isEqualTo("Sobran 1,00");
        assertThat(model.summaryProperty().get())
                .isEqualTo("Turnos: 1 · siguen abiertos: 0 · no cuadran: 1 · en total: Sobran 1,00");

        model.dateProperty().set(LocalDate.of(2026, 10, 1));
        await().atMost(Duration.ofSeconds(10)).until(() -> model.rows().isEmpty());
        assertThat(model.summaryProperty().get()).isEqualTo("No hay turnos este día.");
    }

    @Test
    void withoutTheServerTheScreenSaysSoAndShowsNoOldFigures() {
        CashShiftsViewModel model = model(Locale.ENGLISH);
        model.load();
        settle(model);
        office.offline(true);

        model.nextDay();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !model.errors().form().get().isEmpty());
        assertThat(model.errors().form().get()).startsWith("The server cannot be reached");
        assertThat(model.rows()).isEmpty();
        assertThat(model.summaryProperty().get()).isEmpty();
    }
}
