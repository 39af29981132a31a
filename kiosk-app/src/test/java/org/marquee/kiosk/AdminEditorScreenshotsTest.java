package org.marquee.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javafx.application.Platform;
import javafx.scene.Scene;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marquee.kiosk.checkout.Fx;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.layouteditor.CellKind;
import org.marquee.kiosk.layouteditor.LayoutEditorView;
import org.marquee.kiosk.layouteditor.LayoutEditorViewModel;
import org.marquee.kiosk.schedule.ScheduleView;
import org.marquee.kiosk.schedule.ScheduleViewModel;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.testing.FakeAdmin;
import org.marquee.kiosk.testing.ModeStage;
import org.marquee.kiosk.testing.Snapshots;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * {@code docs/screenshots/admin-layout-*.png} and {@code admin-schedule-*.png}: the two admin screens rendered alone,
 * against the in-memory admin API, at 1920 × 1080, 1280 × 800 and portrait 1080 × 1920.
 */
@ExtendWith(ApplicationExtension.class)
class AdminEditorScreenshotsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final int[][] SIZES = {{1920, 1080}, {1280, 800}, {1080, 1920}};

    private final Tasks tasks = new Tasks(Platform::runLater);
    private final Messages english = new Messages(Locale.ENGLISH);

    @AfterEach
    void tearDown() {
        tasks.close();
    }

    @Test
    void theLayoutEditor() throws Exception {
        List<Path> saved = new ArrayList<>();
        for (int[] size : SIZES) {
            FakeAdmin admin = FakeAdmin.madrid(Clock.fixed(NOW, MADRID));
            long hall = admin.addAuditorium(admin.theater().id(), "Sala 1", hall());
            long showtime = admin.addShowtime(admin.movieList().getFirst().id(), hall, NOW.plus(Duration.ofDays(1)));
            admin.sell(showtime, false, "K17", "K18");
            LayoutEditorViewModel model = new LayoutEditorViewModel(
                    admin, tasks, english, admin.theater().id());
            Scene scene = onFx(() ->
                    ModeStage.offscreen(new LayoutEditorView(model, english), Mode.COUNTER, false, size[0], size[1]));
            onFx(() -> {
                model.load();
                return null;
            });
            Fx.waitUntil(() -> model.editingProperty().get() != null);
            onFx(() -> {
                // the manager makes room for a new exit at the back: K17 and K18 are sold for tomorrow
                model.toolProperty().set(CellKind.GAP);
                model.press(10, 18);
                model.dragTo(10, 19);
                model.release();
                model.setCursor(3, 6);
                model.paintAtCursor(CellKind.OUT_OF_SERVICE);
                model.save();
                return null;
            });
            Fx.waitUntil(() -> !model.blockingSeatsProperty().get().isEmpty());
            saved.add(shoot(scene, "admin-layout-" + size[0] + "x" + size[1]));
        }
        assertThat(saved).allSatisfy(file -> assertThat(file).isNotEmptyFile());
    }

    @Test
    void theWeekSchedule() throws Exception {
        List<Path> saved = new ArrayList<>();
        for (int[] size : SIZES) {
            FakeAdmin admin = FakeAdmin.madrid(Clock.fixed(NOW, MADRID));
            long hall = admin.addAuditorium(admin.theater().id(), "Sala 1", hall());
            long voyage = admin.movieList().get(0).id();
            long moons = admin.movieList().get(1).id();
            LocalDate monday = LocalDate.of(2026, 11, 30);
            for (int d = 0; d < 7; d++) {
                admin.addShowtime(moons, hall, at(monday.plusDays(d), "16:00"));
                admin.addShowtime(voyage, hall, at(monday.plusDays(d), "18:30"));
                if (d >= 4) {
                    admin.addShowtime(moons, hall, at(monday.plusDays(d), "21:45"));
                }
            }
            long friday = admin.addShowtime(voyage, hall, at(monday.plusDays(4), "11:30"));
            admin.sell(friday, false, "F7", "F8", "F9");
            admin.cancelShowtime(admin.addShowtime(voyage, hall, at(monday.plusDays(1), "12:00")), "Private event");
            ScheduleViewModel model = new ScheduleViewModel(
                    admin, admin, tasks, english, admin.theater().id(), Clock.fixed(NOW, MADRID));
            Scene scene = onFx(
                    () -> ModeStage.offscreen(new ScheduleView(model, english), Mode.COUNTER, false, size[0], size[1]));
            onFx(() -> {
                model.load();
                return null;
            });
            Fx.waitUntil(() -> model.blocksProperty().get().size() > 10);
            onFx(() -> {
                // a late show on Monday to Thursday: it clashes on the days with a 21:45 already
                model.form().seriesProperty().set(true);
                for (DayOfWeek day : List.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY)) {
                    model.form().toggleDay(day);
                }
                model.form().timesProperty().set("21:30");
                model.form().toggleDay(DayOfWeek.FRIDAY);
                return null;
            });
            saved.add(shoot(scene, "admin-schedule-" + size[0] + "x" + size[1]));
        }
        assertThat(saved).allSatisfy(file -> assertThat(file).isNotEmptyFile());
    }

    /** A 12-row hall: aisles, a premium row, wheelchair spaces with companion seats, a seat out of service. */
    private static List<String> hall() {
        List<String> rows = new ArrayList<>();
        String letters = "ABCDEFGHIJK";
        for (int i = 0; i < letters.length(); i++) {
            char row = letters.charAt(i);
            String cells = i == 6 ? "PPPP.PPPPPPPPPP.PPPP" : "SSSS.SSSSSSSSSS.SSSS";
            if (i == 0) {
                cells = "WC...SSSSSSSSSS...CW";
            }
            if (i == 2) {
                cells = "SSSS.SSSXSSSSSS.SSSS";
            }
            rows.add(row + ":" + cells);
        }
        return rows;
    }

    private static Instant at(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(MADRID).toInstant();
    }

    private static Path shoot(Scene scene, String name) throws Exception {
        onFx(() -> {
            ModeStage.layout(scene);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        onFx(() -> {
            ModeStage.layout(scene);
            return null;
        });
        return Snapshots.save(scene, name);
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }
}
