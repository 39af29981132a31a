package org.marquee.kiosk.adminrefunds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.testing.FakeCashOffice;
import org.marquee.kiosk.testing.ModeStage;
import org.marquee.model.FailedRefund;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A manager pays one refund out in cash after confirming, backs out of another, and meets a retry that won. */
@ExtendWith(ApplicationExtension.class)
class FailedRefundsViewTest {

    private FakeCashOffice office;
    private FailedRefund dune;
    private FailedRefund wicked;

    @Start
    void start(Stage stage) {
        office = new FakeCashOffice(Clock.fixed(Instant.parse("2026-11-30T18:00:00Z"), ZoneOffset.UTC));
        dune = FailedRefundsViewModelTest.refund("K7Q2XM", "Dune: Part Two", 2_200, "0019", 3);
        wicked = FailedRefundsViewModelTest.refund("P4ZT9A", "Wicked", 1_850, "4242", 1);
        office.refused(dune);
        office.refused(wicked);
        Messages messages = new Messages(Locale.ENGLISH);
        FailedRefundsViewModel model =
                new FailedRefundsViewModel(office, new Tasks(Platform::runLater), messages, 1L, ZoneId.of("UTC"));
        ModeStage.show(stage, new FailedRefundsView(model, messages), Mode.ADMIN, false, 1280, 800);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void aRefundPaidOutInCashLeavesTheListAndARetryThatWonIsSaidInWords(FxRobot robot) {
        @SuppressWarnings("unchecked")
        TableView<FailedRefund> table = robot.lookup("#refunds-table").queryAs(TableView.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> table.getItems().size() == 2);
        assertThat(robot.lookup("€22.00").tryQuery()).isPresent();
        assertThat(robot.lookup("•••• 0019").tryQuery()).isPresent();
        assertThat(robot.lookup("#refunds-pay-out").query().isDisabled()).isTrue();

        robot.clickOn("K7Q2XM");
        robot.clickOn("#refunds-pay-out");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> robot.lookup("#refunds-confirmation").query().isVisible());
        assertThat(text(robot, "#refunds-question"))
                .startsWith("Did you pay €22.00 in cash to the customer of order K7Q2XM");
        robot.type(KeyCode.ESCAPE);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> !robot.lookup("#refunds-confirmation").query().isVisible());
        assertThat(table.getItems()).hasSize(2);

        robot.clickOn("#refunds-pay-out");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> robot.lookup("#refunds-confirmation").query().isVisible());
        robot.type(KeyCode.ENTER);
        await().atMost(Duration.ofSeconds(10)).until(() -> table.getItems().size() == 1);
        assertThat(text(robot, "#refunds-notice")).isEqualTo("Paid out €22.00 in cash for order K7Q2XM.");
        assertThat(office.failedRefunds(1L)).extracting(FailedRefund::orderCode).containsExactly("P4ZT9A");

        office.retrySucceeds(wicked.paymentId());
        robot.clickOn("P4ZT9A");
        robot.clickOn("#refunds-pay-out");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> robot.lookup("#refunds-confirmation").query().isVisible());
        robot.clickOn("#refunds-confirm");
        await().atMost(Duration.ofSeconds(10)).until(() -> table.getItems().isEmpty());
        assertThat(text(robot, "#refunds-error"))
                .isEqualTo("A retry went through meanwhile — nothing to pay out for order P4ZT9A.");
    }
}
