package org.marquee.kiosk.scanner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marquee.kiosk.cache.DoorCache;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.core.UiThread;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.testing.FakeDoors;
import org.marquee.model.AdmissionVerdict;

/** The door screen's logic against the in-memory server side of the door, a real H2 store, and no FX toolkit. */
class ScannerViewModelTest {

    private static final Instant NOW = Instant.parse("2026-11-30T19:40:00Z");
    private static final ZoneId ZONE = ZoneId.of("Europe/Madrid");

    private final FakeDoors server = new FakeDoors(NOW.plusSeconds(20 * 60));
    private final Tasks tasks = new Tasks(UiThread.DIRECT);
    private final AtomicInteger beeps = new AtomicInteger();
    private DoorCache north;
    private DoorCache south;

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        tasks.close();
        if (north != null) {
            north.close();
        }
        if (south != null) {
            south.close();
        }
    }

    private ScannerViewModel door(String name, DoorCache cache) {
        var model = new ScannerViewModel(
                server.door(name),
                cache,
                tasks,
                beeps::incrementAndGet,
                Clock.fixed(NOW, ZoneOffset.UTC),
                ZONE,
                1,
                name,
                new Messages(Locale.ENGLISH));
        model.start();
        return model;
    }

    @Test
    void aGenuineTicketIsGreenOnceThenRedWithWhenAndWhereItWasAdmitted() {
        north = DoorCache.open(dir.resolve("north"));
        ScannerViewModel model = door("door-1", north);
        await().until(() -> model.selectedProperty().get() != null);

        model.scan(server.ticket(11, "F7", FakeDoors.SHOWTIME) + "\n");
        assertThat(model.lightProperty().get()).isEqualTo(ScannerViewModel.Light.GREEN);
        assertThat(model.headlineProperty().get()).isEqualTo("ADMITTED");
        assertThat(model.seatProperty().get()).isEqualTo("Seat F7");
        assertThat(model.whyProperty().get()).isEqualTo("Sala 1 · Dune: Part Three at 21:00");
        assertThat(model.counterProperty().get()).isEqualTo("Admitted here 1 of 120 sold");
        assertThat(beeps).hasValue(0);

        model.scan(server.ticket(11, "F7", FakeDoors.SHOWTIME));
        assertThat(model.lightProperty().get()).isEqualTo(ScannerViewModel.Light.RED);
        assertThat(model.whyProperty().get()).isEqualTo("Already admitted at 20:40 by door-1");
        assertThat(beeps).hasValue(1);
        await().until(() -> model.pendingProperty().get() == 0);
    }

    @Test
    void theNextShowtimeIsPreselectedAndAnotherShowtimesTicketSaysWhichItIsFor() {
        north = DoorCache.open(dir.resolve("north"));
        ScannerViewModel model = door("door-1", north);
        await().until(() -> model.selectedProperty().get() != null);

        assertThat(model.selectedProperty().get().id()).isEqualTo(FakeDoors.SHOWTIME);
        model.scan(server.ticket(12, "A1", FakeDoors.OTHER_SHOWTIME));

        assertThat(model.verdictProperty().get().result()).isEqualTo(AdmissionVerdict.WRONG_SHOWTIME);
        assertThat(model.whyProperty().get()).isEqualTo("This ticket is for Sala 2 · Paddington in Peru at 00:00");
    }

    @Test
    void forgedAndRefundedTicketsAreRedWithTheReason() {
        server.revoke(13, "B2", "REFUNDED");
        north = DoorCache.open(dir.resolve("north"));
        ScannerViewModel model = door("door-1", north);
        await().until(() -> model.selectedProperty().get() != null);

        model.scan(server.ticket(13, "B2", FakeDoors.SHOWTIME));
        assertThat(model.whyProperty().get()).isEqualTo("Refunded");
        String genuine = server.ticket(14, "B3", FakeDoors.SHOWTIME);
        model.scan(genuine.substring(0, genuine.length() - 3) + "AAA");
        assertThat(model.whyProperty().get()).isEqualTo("Not a valid ticket");
        model.scan("MQT1.eA.eA");
        assertThat(model.whyProperty().get()).isEqualTo("Older ticket: reprint it at the box office");
        assertThat(beeps).hasValue(3);
    }

    @Test
    void offlineDoorsAdmitFromTheCacheAndTheUploadShowsADuplicateAcrossDoorsAsAWarning() {
        // both doors were online once: keys and showtimes cached
        north = DoorCache.open(dir.resolve("north"));
        south = DoorCache.open(dir.resolve("south"));
        ScannerViewModel one = door("door-1", north);
        ScannerViewModel two = door("door-2", south);
        await().until(() ->
                one.selectedProperty().get() != null && two.selectedProperty().get() != null);
        server.offline(true);
        String ticket = server.ticket(21, "G9", FakeDoors.SHOWTIME);

        one.scan(ticket);
        two.scan(ticket);

        assertThat(one.lightProperty().get()).isEqualTo(ScannerViewModel.Light.GREEN);
        assertThat(two.lightProperty().get())
                .as("door 2 cannot know: offline, it lets the ticket in too")
                .isEqualTo(ScannerViewModel.Light.GREEN);
        await().until(() -> !one.onlineProperty().get() && !two.onlineProperty().get());
        assertThat(one.pendingProperty().get()).isEqualTo(1);
        assertThat(south.pending(10)).hasSize(1);

        server.offline(false);
        one.upload();
        await().until(() -> one.pendingProperty().get() == 0);
        two.upload();
        await().until(() -> two.pendingProperty().get() == 0);

        assertThat(one.warnings()).isEmpty();
        assertThat(two.warnings()).containsExactly("Seat G9: also admitted at 20:40 by door-1");
        two.upload();
        await().pollDelay(Duration.ofMillis(100)).until(() -> true);
        assertThat(server.uploads())
                .as("each scan went up once; nothing left to send")
                .isEqualTo(2);
    }

    @Test
    void aDoorRestartedOfflineStillKnowsItsKeysRevokedTicketsAndWhomItLetIn() {
        server.revoke(31, "C1", "SHOWTIME_CANCELLED");
        north = DoorCache.open(dir.resolve("north"));
        ScannerViewModel first = door("door-1", north);
        await().until(() -> first.selectedProperty().get() != null);
        first.scan(server.ticket(32, "C2", FakeDoors.SHOWTIME));
        await().until(() -> first.pendingProperty().get() == 0);
        north.close();

        server.offline(true);
        north = DoorCache.open(dir.resolve("north"));
        ScannerViewModel restarted = door("door-1", north);
        await().until(() -> !restarted.statusProperty().get().isEmpty());

        restarted.scan(server.ticket(31, "C1", FakeDoors.SHOWTIME));
        assertThat(restarted.whyProperty().get()).isEqualTo("This showtime was cancelled");
        restarted.scan(server.ticket(32, "C2", FakeDoors.SHOWTIME));
        assertThat(restarted.verdictProperty().get().result()).isEqualTo(AdmissionVerdict.ALREADY_ADMITTED);
        restarted.scan(server.ticket(33, "C3", FakeDoors.SHOWTIME));
        assertThat(restarted.lightProperty().get()).isEqualTo(ScannerViewModel.Light.GREEN);
        assertThat(restarted.statusProperty().get()).contains("Offline");
    }
}
