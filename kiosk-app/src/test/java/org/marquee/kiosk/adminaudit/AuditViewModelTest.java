package org.marquee.kiosk.adminaudit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.core.UiThread;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.testing.AdminFakes;
import org.marquee.kiosk.testing.FakeAuditTrail;
import org.marquee.model.AuditEntry;

/** The audit log screen's logic without the FX toolkit, against the admin API's in-memory fake. */
class AuditViewModelTest {

    FakeAuditTrail audit;
    Tasks tasks;
    AuditViewModel model;

    @BeforeEach
    void setUp() {
        audit = AdminFakes.demo().audit();
        for (int day = 1; day <= 120; day++) {
            audit.recordAt(
                    Instant.parse("2026-07-01T10:00:00Z").plus(Duration.ofDays(day % 60)),
                    day % 2 == 0 ? "morgan" : "lucia",
                    day % 3 == 0 ? "STAFF_UPDATED" : "THEATER_UPDATED");
        }
        tasks = new Tasks(UiThread.DIRECT);
        model = new AuditViewModel(audit, tasks, new Messages(Locale.ENGLISH));
    }

    @AfterEach
    void tearDown() {
        tasks.close();
    }

    private void settle() {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !model.workingProperty().get());
    }

    @Test
    void pagesGoBackInTimeAndReturn() {
        model.search();
        settle();
        assertThat(model.pageProperty().get()).isEqualTo(1);
        assertThat(model.entries()).hasSize(AuditViewModel.PAGE);
        long newest = model.entries().getFirst().id();
        assertThat(newest).isEqualTo(audit.all().size());
        assertThat(model.hasOlderProperty().get()).isTrue();

        model.older();
        settle();
        assertThat(model.pageProperty().get()).isEqualTo(2);
        assertThat(model.entries().getFirst().id()).isEqualTo(newest - AuditViewModel.PAGE);
        model.older();
        settle();
        model.older();
        settle();
        assertThat(model.hasOlderProperty().get()).isFalse();
        assertThat(model.entries().getLast().id()).isEqualTo(1);

        model.newer();
        settle();
        model.newer();
        settle();
        model.newer();
        settle();
        assertThat(model.pageProperty().get()).isEqualTo(1);
        assertThat(model.entries().getFirst().id()).isEqualTo(newest);
    }

    @Test
    void filtersByDaysActionAndWho() {
        model.fromProperty().set("2026-07-07");
        model.toProperty().set("2026-07-08");
        model.actionProperty().set("STAFF_UPDATED");
        model.actorProperty().set("morgan");
        model.search();
        settle();

        assertThat(model.entries()).isNotEmpty().allSatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("STAFF_UPDATED");
            assertThat(entry.actor().username()).isEqualTo("morgan");
            assertThat(entry.at())
                    .isBetween(Instant.parse("2026-07-07T00:00:00Z"), Instant.parse("2026-07-09T00:00:00Z"));
        });
        assertThat(model.entries()).hasSize(2); // days 6 and 66 of the trail, both on 7 July
        assertThat(model.hasOlderProperty().get()).isFalse();
    }

    @Test
    void aDayThatIsNoDateIsMarkedAndAWrongRangeShowsTheServersWords() {
        model.fromProperty().set("last tuesday");
        model.search();
        assertThat(model.errors().at("from").get()).isEqualTo("Type a day as year-month-day, such as 2026-11-30.");
        assertThat(model.pageProperty().get()).isZero();

        model.fromProperty().set("2026-08-02");
        model.toProperty().set("2026-08-01");
        model.search();
        settle();
        assertThat(model.errors().at("from").get()).isEmpty();
        assertThat(model.errors().at("to").get()).isEqualTo("'from' must be before 'to'.");
        assertThat(model.entries()).extracting(AuditEntry::id).isEmpty();
    }
}
