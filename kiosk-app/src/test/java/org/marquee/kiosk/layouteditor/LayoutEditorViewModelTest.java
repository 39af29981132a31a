package org.marquee.kiosk.layouteditor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.core.UiThread;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.testing.FakeAdmin;
import org.marquee.model.SeatStatus;
import org.marquee.model.SeatType;
import org.marquee.model.SeatView;

/** The layout editor without the FX toolkit, against the in-memory admin API. */
class LayoutEditorViewModelTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final FakeAdmin admin = FakeAdmin.madrid(Clock.fixed(NOW, ZoneOffset.UTC));
    private final Tasks tasks = new Tasks(UiThread.DIRECT);
    private long theaterId;
    private long hallId;
    private LayoutEditorViewModel model;

    @BeforeEach
    void setUp() {
        theaterId = admin.theater().id();
        hallId = admin.addAuditorium(theaterId, "Sala 1", List.of("A:SSSS.SSSS", "B:SSSS.SSSS", "C:WCSS.SSCW"));
        model = new LayoutEditorViewModel(admin, tasks, new Messages(Locale.ENGLISH), theaterId);
        model.load();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> model.editingProperty().get() != null);
    }

    @AfterEach
    void tearDown() {
        tasks.close();
    }

    @Test
    void theSavedLayoutOpensAndThePreviewIsWhatATerminalDraws() {
        assertThat(model.nameProperty().get()).isEqualTo("Sala 1");
        assertThat(model.draftProperty().get().rows()).containsExactly("A:SSSS.SSSS", "B:SSSS.SSSS", "C:WCSS.SSCW");
        List<SeatView> seats = model.previewProperty().get().seats();
        assertThat(seats).hasSize(24);
        assertThat(seat("C1").type()).isEqualTo(SeatType.WHEELCHAIR);
        assertThat(seat("C2").type()).isEqualTo(SeatType.COMPANION);
        assertThat(seat("A5").x()).isEqualTo(5); // numbered across the aisle, placed after it
        assertThat(model.summaryProperty().get()).isEqualTo("24 seats, 24 for sale, 3 rows");
    }

    @Test
    void aDragPaintsEveryCellItCrossesAndIsUndoneInOneStep() {
        model.toolProperty().set(CellKind.PREMIUM);
        model.press(1, 0);
        model.dragTo(1, 1);
        model.dragTo(1, 3); // a quick move skips a cell: it is painted all the same
        model.release();

        assertThat(model.draftProperty().get().rows().get(1)).isEqualTo("B:PPPP.SSSS");
        assertThat(seat("B3").type()).isEqualTo(SeatType.PREMIUM);
        assertThat(model.canUndoProperty().get()).isTrue();

        model.undo();

        assertThat(model.draftProperty().get().rows().get(1)).isEqualTo("B:SSSS.SSSS");
        assertThat(model.canUndoProperty().get()).isFalse();
    }

    @Test
    void theKeyboardMovesTheCursorAndPaintsOutOfServiceSeatsAndGaps() {
        model.moveCursor(2, 0);
        model.moveCursor(0, 3);
        model.paintAtCursor(CellKind.OUT_OF_SERVICE);
        model.moveCursor(0, 1);
        model.moveCursor(0, 1);
        model.paintAtCursor(CellKind.GAP);

        assertThat(model.draftProperty().get().rows().get(2)).isEqualTo("C:WCSX..SCW");
        assertThat(seat("C4").status()).isEqualTo(SeatStatus.BLOCKED);
        assertThat(model.summaryProperty().get()).isEqualTo("23 seats, 22 for sale, 3 rows");
        model.moveCursor(50, 50);
        assertThat(model.cursorRowProperty().get()).isEqualTo(2);
        assertThat(model.cursorColumnProperty().get()).isEqualTo(8);
    }

    @Test
    void rowsAndColumnsAreAddedRemovedAndRenamed() {
        model.setCursor(2, 4);
        model.addRow();
        model.addColumn();

        assertThat(model.draftProperty().get().rows())
                .containsExactly("A:SSSS..SSSS", "B:SSSS..SSSS", "C:WCSS..SSCW", "D:SSSSS.SSSS");
        model.setCursor(3, 0);
        model.renameRow("e");
        assertThat(model.draftProperty().get().labels()).containsExactly("A", "B", "C", "E");

        model.setCursor(0, 4);
        model.removeColumn();
        model.setCursor(1, 0);
        model.removeRow();

        assertThat(model.draftProperty().get().rows()).containsExactly("A:SSSS.SSSS", "C:WCSS.SSCW", "E:SSSS.SSSS");
        assertThat(model.previewProperty().get().seats()).hasSize(24);
    }

    @Test
    void aParserErrorIsShownAtItsRowAndNothingIsSent() {
        int writes = admin.writes();
        model.setCursor(2, 0);
        model.renameRow("A");

        assertThat(model.errorRowProperty().get()).isEqualTo(2);
        assertThat(model.errorProperty().get()).startsWith("Row 3: Row label A appears twice");
        assertThat(model.previewProperty().get()).isNull();
        model.save();
        assertThat(admin.writes()).isEqualTo(writes);

        model.renameRow("c1");
        assertThat(model.errorProperty().get()).startsWith("Row 3: Row 3 has label \"C1\"");
        model.undo();
        model.undo();
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.previewProperty().get()).isNotNull();
    }

    @Test
    void aSavedLayoutIsWhatTheServerKeeps() {
        model.toolProperty().set(CellKind.PREMIUM);
        model.press(0, 0);
        model.dragTo(0, 8);
        model.release();
        model.nameProperty().set("Sala Premium");
        model.save();

        await().atMost(Duration.ofSeconds(5)).until(() -> !model.dirtyProperty().get());
        assertThat(admin.auditorium(hallId).layout()).containsExactly("A:PPPPPPPPP", "B:SSSS.SSSS", "C:WCSS.SSCW");
        assertThat(admin.auditorium(hallId).name()).isEqualTo("Sala Premium");
        assertThat(model.statusProperty().get()).isEqualTo("Sala Premium saved: 25 seats.");
    }

    @Test
    void aNewAuditoriumIsCreated() {
        model.startNew();
        model.nameProperty().set("Sala 2");
        model.save();

        await().atMost(Duration.ofSeconds(5))
                .until(() -> model.auditoriumsProperty().get().size() == 2);
        assertThat(model.editingProperty().get().name()).isEqualTo("Sala 2");
        assertThat(admin.auditorium(model.editingProperty().get().id()).seatCount())
                .isEqualTo(LayoutEditorViewModel.NEW_ROWS * LayoutEditorViewModel.NEW_COLUMNS);
    }

    @Test
    void droppingSeatsSoldForAComingShowtimeShowsWhichSeatsBlockTheSave() {
        long movie = admin.movieList().getFirst().id();
        long showtime = admin.addShowtime(movie, hallId, NOW.plus(Duration.ofDays(2)));
        admin.sell(showtime, false, "B7", "B8");
        admin.hold(showtime, "C8");
        long past = admin.addShowtime(movie, hallId, NOW.minus(Duration.ofDays(2)));
        admin.sell(past, false, "A1");
        int writes = admin.writes();

        model.setCursor(0, 0);
        model.paintAtCursor(CellKind.GAP); // A1: sold only for a showtime that has run, so not blocking
        model.setCursor(1, 8);
        model.removeColumn(); // the last column: B8 and C8 go; B7 too, as the row is renumbered
        model.save();

        await().atMost(Duration.ofSeconds(5))
                .until(() -> !model.blockingSeatsProperty().get().isEmpty());
        assertThat(model.blockingSeatsProperty().get()).containsExactly("B8", "C8");
        assertThat(model.statusProperty().get()).contains("B8, C8").contains("sold or held");
        assertThat(model.blockingCellsProperty().get())
                .containsExactlyInAnyOrder(new LayoutEditorViewModel.Cell(1, 8), new LayoutEditorViewModel.Cell(2, 8));
        assertThat(admin.writes()).isEqualTo(writes);
        assertThat(admin.auditorium(hallId).layout()).containsExactly("A:SSSS.SSSS", "B:SSSS.SSSS", "C:WCSS.SSCW");
    }

    private SeatView seat(String id) {
        return model.previewProperty().get().seats().stream()
                .filter(seat -> seat.id().equals(id))
                .findFirst()
                .orElseThrow();
    }
}
