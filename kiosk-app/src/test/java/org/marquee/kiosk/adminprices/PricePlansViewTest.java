package org.marquee.kiosk.adminprices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.testing.AdminFakes;
import org.marquee.kiosk.testing.ModeStage;
import org.marquee.model.TicketType;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A manager raises the adult price of the standard plan; a negative price is refused at its field. */
@ExtendWith(ApplicationExtension.class)
class PricePlansViewTest {

    private AdminFakes server;

    @Start
    void start(Stage stage) {
        server = AdminFakes.demo();
        Messages messages = new Messages(Locale.ENGLISH);
        PricePlansView view = new PricePlansView(
                new PricePlansViewModel(server.cinema(), new Tasks(Platform::runLater), messages), messages);
        ModeStage.show(stage, view, Mode.ADMIN, false, 1280, 800);
    }

    @Test
    void aManagerRaisesTheAdultPrice(FxRobot robot) {
        ListView<?> list = robot.lookup("#prices-list").queryAs(ListView.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> list.getItems().size() == 1);
        robot.clickOn("Standard");
        robot.doubleClickOn("#price-ticket-senior").eraseText(6).write("-1");
        robot.clickOn("#price-save");
        Label error = robot.lookup("#price-ticket-senior-error").queryAs(Label.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> !error.getText().isEmpty());
        assertThat(error.getText()).isEqualTo("'ticketPrices.SENIOR' must be a price of 0 or more.");

        robot.doubleClickOn("#price-ticket-senior").eraseText(6).write("7.00");
        robot.doubleClickOn("#price-ticket-adult").eraseText(6).write("10.25");
        robot.clickOn("#price-save");
        Label notice = robot.lookup("#price-notice").queryAs(Label.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> !notice.getText().isEmpty());
        assertThat(server.cinema().pricePlans().getFirst().ticketPrices().get(TicketType.ADULT))
                .isEqualTo(1025L);
        assertThat(error.isVisible()).isFalse();
    }
}
