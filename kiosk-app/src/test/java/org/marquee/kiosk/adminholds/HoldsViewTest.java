package org.marquee.kiosk.adminholds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.testing.AdminFakes;
import org.marquee.kiosk.testing.FakeLiveHolds;
import org.marquee.kiosk.testing.ModeStage;
import org.marquee.model.LiveHold;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A manager sees a kiosk's hold counting down, and force-releases it with a reason; the row disappears. */
@ExtendWith(ApplicationExtension.class)
class HoldsViewTest {

    private FakeLiveHolds holds;
    private AdminFakes admin;
    private LiveHold lobby;
    private HoldsView view;

    @Start
    void start(Stage stage) {
        admin = AdminFakes.demo();
        Clock clock = Clock.system(ZoneId.of("Europe/Madrid"));
        holds = new FakeLiveHolds(clock, admin.audit());
        Instant show = clock.instant().plus(Duration.ofHours(1));
        lobby = holds.add(1, 3, "Lobby kiosk", "The Long Night", show, List.of("C4", "C5"), mins(3), mins(5));
        holds.add(1, 1, "Counter 1", "Paper Boats", show, List.of("F9"), mins(1), mins(7));
        Messages messages = new Messages(Locale.ENGLISH);
        view = new HoldsView(
                new HoldsViewModel(holds, admin.cinema(), new Tasks(Platform::runLater), messages, clock), messages);
        ModeStage.show(stage, view, Mode.ADMIN, false, 1280, 800);
    }

    private static Duration mins(long minutes) {
        return Duration.ofMinutes(minutes);
    }

    @Test
    void aManagerForceReleasesAHoldWithAReason(FxRobot robot) {
        @SuppressWarnings("unchecked")
        TableView<LiveHold> table = robot.lookup("#holds-table").queryAs(TableView.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> table.getItems().size() == 2);
        String first = countdownOf(robot);
        assertThat(first).matches("[45]:\\d\\d");
        await().atMost(Duration.ofSeconds(5)).until(() -> !countdownOf(robot).equals(first));
        assertThat(robot.lookup("#release-overlay").query().isVisible()).isFalse();

        robot.clickOn("Lobby kiosk");
        robot.clickOn("#holds-release");
        assertThat(robot.lookup("#release-overlay").query().isVisible()).isTrue();
        assertThat(robot.lookup("#release-question").queryLabeled().getText())
                .isEqualTo("Release seats C4, C5 of The Long Night, held at Lobby kiosk?");

        robot.clickOn("#release-confirm");
        assertThat(robot.lookup("#release-reason-error").queryLabeled().getText())
                .isEqualTo("Say why the seats are released: the audit log keeps the reason.");
        assertThat(table.getItems()).contains(lobby);

        robot.clickOn("#release-reason").write("Customer walked away");
        robot.clickOn("#release-confirm");
        await().atMost(Duration.ofSeconds(10)).until(() -> !table.getItems().contains(lobby));
        assertThat(robot.lookup("#release-overlay").query().isVisible()).isFalse();
        assertThat(robot.lookup("#holds-notice").queryLabeled().getText())
                .isEqualTo("Released seats C4, C5 of The Long Night, held at Lobby kiosk.");
        assertThat(table.getItems()).extracting(LiveHold::seatIds).containsExactly(List.of("F9"));
        assertThat(admin.audit().all().getLast().details()).containsEntry("reason", "Customer walked away");
    }

    @Test
    void theListIsReadAgainOnItsOwnUntilTheScreenIsLeft(FxRobot robot) throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> holds.reads() >= 1);
        int first = holds.reads();
        // a hold made elsewhere meanwhile shows up without a click
        holds.add(1, 4, "Lobby kiosk 2", "Paper Boats", lobby.startsAt(), List.of("H1"), mins(0), mins(8));
        await().atMost(Duration.ofSeconds(12)).until(() -> holds.reads() > first);
        @SuppressWarnings("unchecked")
        TableView<LiveHold> table = robot.lookup("#holds-table").queryAs(TableView.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> table.getItems().size() == 3);

        robot.interact(view::close); // the admin shell closes the screen it leaves
        int atClose = holds.reads();
        Thread.sleep(2 * HoldsViewModel.REFRESH.toMillis() + 1500); // two reads at least, were it still ticking
        assertThat(holds.reads()).isLessThanOrEqualTo(atClose + 1); // at most a read already under way
    }

    /** The "expires in" cell of the first row, the Lobby kiosk's. */
    private static String countdownOf(FxRobot robot) {
        return robot.lookup(".countdown")
                .match(HoldsViewTest::firstRowCountdown)
                .queryAs(Labeled.class)
                .getText();
    }

    private static boolean firstRowCountdown(Node node) {
        return node instanceof TableCell<?, ?> cell
                && cell.getText() != null
                && cell.getText().matches("\\d+:\\d\\d")
                && cell.getTableRow() != null
                && cell.getTableRow().getIndex() == 0;
    }
}
