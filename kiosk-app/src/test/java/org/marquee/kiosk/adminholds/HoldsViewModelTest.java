package org.marquee.kiosk.adminholds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.core.TheaterChoice;
import org.marquee.kiosk.core.UiThread;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.seatmap.ManualClock;
import org.marquee.kiosk.testing.AdminFakes;
import org.marquee.kiosk.testing.FakeLiveHolds;
import org.marquee.model.AuditEntry;
import org.marquee.model.LiveHold;

/** The live holds screen's logic without the FX toolkit, against the admin API's in-memory fakes. */
class HoldsViewModelTest {

    static final Instant NOW = Instant.parse("2026-11-30T18:00:00Z");
    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    AdminFakes admin;
    ManualClock clock;
    FakeLiveHolds holds;
    Tasks tasks;
    HoldsViewModel model;
    LiveHold lobby;
    LiveHold counter;
    LiveHold luna;

    @BeforeEach
    void setUp() {
        admin = AdminFakes.demo();
        clock = new ManualClock(NOW, MADRID);
        holds = new FakeLiveHolds(clock, admin.audit());
        Instant show = Instant.parse("2026-11-30T19:30:00Z");
        lobby = holds.add(
                1, 3, "Lobby kiosk", "The Long Night", show, List.of("C4", "C5"), mins(3), Duration.ofSeconds(305));
        counter = holds.add(1, 1, "Counter 1", "Paper Boats", show, List.of("F9"), mins(1), Duration.ofSeconds(50));
        luna = holds.add(2, 7, "Luna kiosk", "Paper Boats", show, List.of("A1"), mins(2), mins(6));
        tasks = new Tasks(UiThread.DIRECT);
        model = new HoldsViewModel(holds, admin.cinema(), tasks, new Messages(Locale.ENGLISH), clock);
    }

    @AfterEach
    void tearDown() {
        tasks.close();
    }

    private static Duration mins(long minutes) {
        return Duration.ofMinutes(minutes);
    }

    private void settle() {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !model.workingProperty().get()
                        && !model.sendingProperty().get());
    }

    @Test
    void listsEveryTheatersHoldsThenOneTheatersWithTheirCountdowns() {
        model.load();
        settle();
        assertThat(model.theaters())
                .extracting(TheaterChoice::name)
                .containsExactly("All theaters", "Cine Sol", "Cine Luna");
        assertThat(model.holds()).containsExactly(lobby, luna, counter);
        assertThat(model.expiresIn(lobby)).isEqualTo("5:05");
        assertThat(model.heldFor(lobby)).isEqualTo("18:57 (3 min)");
        assertThat(model.timeOf(lobby.startsAt())).isEqualTo("20:30");
        assertThat(model.updatedProperty().get()).isEqualTo("Updated at 19:00");

        model.theaterProperty().set(model.theaters().get(2));
        settle();
        assertThat(model.holds()).containsExactly(luna);
    }

    @Test
    void theCountdownMovesEverySecondAndTheListIsReadAgainEveryFiveSeconds() {
        model.load();
        settle();
        int reads = holds.reads();

        clock.advance(Duration.ofSeconds(1));
        model.tick();
        assertThat(model.expiresIn(lobby)).isEqualTo("5:04");
        assertThat(model.expiringSoon(counter)).isTrue();
        assertThat(model.expiringSoon(lobby)).isFalse();
        assertThat(holds.reads()).isEqualTo(reads);

        clock.advance(Duration.ofSeconds(49)); // 50 s: the counter's hold has expired, 4 s after the last read
        model.tick();
        settle();
        assertThat(model.expiresIn(counter)).isEqualTo("expired");
        assertThat(model.holds()).doesNotContain(counter); // read again: 5 s had passed since the last read
        assertThat(holds.reads()).isEqualTo(reads + 1);
    }

    @Test
    void aForceReleaseNeedsAReasonThenTheRowLeavesAndTheAuditLogKeepsIt() {
        model.load();
        settle();
        model.askRelease(lobby);
        assertThat(model.releasingProperty().get()).isEqualTo(lobby);

        model.reasonProperty().set("   ");
        model.confirmRelease();
        assertThat(model.releaseErrors().at("reason").get())
                .isEqualTo("Say why the seats are released: the audit log keeps the reason.");
        assertThat(model.holds()).contains(lobby);

        model.reasonProperty().set("Customer left the counter");
        model.confirmRelease();
        settle();
        assertThat(model.releasingProperty().get()).isNull();
        assertThat(model.holds()).containsExactly(luna, counter);
        assertThat(model.noticeProperty().get())
                .isEqualTo("Released seats C4, C5 of The Long Night, held at Lobby kiosk.");
        AuditEntry entry = admin.audit().all().getLast();
        assertThat(entry.action()).isEqualTo("HOLD_FORCE_RELEASED");
        assertThat(entry.details()).containsEntry("reason", "Customer left the counter");
    }

    @Test
    void aHoldPaidMeanwhileIsRefusedInWordsAndLeavesTheList() {
        model.load();
        settle();
        model.askRelease(counter);
        holds.end(counter.holdId()); // its owner paid a moment ago
        model.reasonProperty().set("stuck");
        model.confirmRelease();
        settle();

        assertThat(model.releaseErrors().form().get()).startsWith("This hold is no longer live");
        assertThat(model.releasingProperty().get()).isEqualTo(counter); // the question stays, with the answer
        assertThat(model.holds()).doesNotContain(counter);
        model.cancelRelease();
        assertThat(model.releasingProperty().get()).isNull();
        assertThat(admin.audit().all()).noneMatch(entry -> entry.action().equals("HOLD_FORCE_RELEASED"));
    }

    @Test
    void aReasonTooLongIsShownAtTheReason() {
        model.load();
        settle();
        model.askRelease(luna);
        model.reasonProperty().set("x".repeat(501));
        model.confirmRelease();
        settle();
        assertThat(model.releaseErrors().at("reason").get()).isEqualTo("'reason' is at most 500 characters.");
        assertThat(model.holds()).contains(luna);
    }
}
