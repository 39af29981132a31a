package org.marquee.kiosk.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marquee.kiosk.client.MarqueeClient;
import org.marquee.kiosk.core.Navigator;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.core.TicketOutput;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.testing.ModeStage;
import org.marquee.kiosk.testing.ServerProcess;
import org.marquee.model.OrderStatus;
import org.marquee.model.OrderView;
import org.marquee.model.SeatStatus;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** What a clerk sees and types when looking an order up and having a manager refund it, against a real server. */
@ExtendWith(ApplicationExtension.class)
class LookupViewTest {

    private static ServerProcess server;
    private static Path tickets;

    private MarqueeClient clerk;

    @BeforeAll
    static void startServer() throws Exception {
        server = ServerProcess.start();
        tickets = Files.createTempDirectory("marquee-lookup-tickets");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Start
    void start(Stage stage) {
        clerk = CounterOrders.clerk(server.url());
        Messages messages = new Messages(Locale.ENGLISH);
        LookupViewModel model = new LookupViewModel(
                clerk,
                new ManagerApproval(() -> new MarqueeClient(server.url(), CounterOrders.COUNTER_TOKEN)),
                new TicketOutput(tickets, () -> null),
                ShowtimeNames.NONE,
                new Tasks(Platform::runLater),
                new Navigator(),
                messages);
        ModeStage.show(stage, new LookupView(model, messages), Mode.COUNTER, false, 1280, 800);
    }

    @Test
    void typingARealCodeShowsTheOrder(FxRobot robot) {
        OrderView paid = CounterOrders.paid(clerk);

        findByKeyboard(robot, paid.code().toLowerCase(Locale.ROOT));

        assertThat(robot.lookup("#lookup-code").queryAs(TextField.class).getText())
                .isEqualTo(paid.code());
        assertThat(text(robot, "#lookup-order-status")).isEqualTo("Paid");
        assertThat(text(robot, "#lookup-order-showtime")).isEqualTo("Showtime no. " + paid.showtimeId());
        assertThat(robot.lookup("#lookup-tickets").queryTableView().getItems()).hasSize(2);
        assertThat(robot.lookup("#lookup-reprint").queryButton().isDisabled()).isFalse();
        assertThat(robot.lookup("#lookup-refund").queryButton().isDisabled()).isFalse();
        assertThat(robot.lookup("#lookup-cancel").queryButton().isDisabled()).isTrue();
    }

    @Test
    void aManagerApprovesARefundWithTheKeyboardAlone(FxRobot robot) {
        OrderView paid = CounterOrders.paid(clerk);
        String clerkToken = clerk.token();
        findByKeyboard(robot, paid.code());

        robot.press(KeyCode.ALT, KeyCode.U).release(KeyCode.U, KeyCode.ALT); // Ref_und
        WaitForAsyncUtils.waitForFxEvents();
        TextField manager = robot.lookup("#lookup-manager-username").queryAs(TextField.class);
        await().atMost(Duration.ofSeconds(5)).until(manager::isFocused);
        assertThat(shown(manager)).isTrue();
        robot.write("morgan").type(KeyCode.ENTER); // on to the PIN
        PasswordField pin = robot.lookup("#lookup-manager-pin").queryAs(PasswordField.class);
        assertThat(pin.isFocused()).isTrue();
        robot.write("9999").type(KeyCode.ENTER);

        await().atMost(Duration.ofSeconds(15)).until(() -> "Refunded".equals(text(robot, "#lookup-order-status")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#lookup-info")).startsWith("Order " + paid.code() + " is refunded");
        assertThat(shown(manager)).isFalse();
        assertThat(robot.lookup("#lookup-refund").queryButton().isDisabled()).isTrue();
        assertThat(clerk.token()).isEqualTo(clerkToken);
        assertThat(clerk.findOrder(paid.code(), null).status()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(CounterOrders.seatStatuses(clerk, paid)).containsOnly(SeatStatus.AVAILABLE);
    }

    @Test
    void reprintingSaysWhereTheTicketsWent(FxRobot robot) {
        OrderView paid = CounterOrders.paid(clerk);
        findByKeyboard(robot, paid.code());

        robot.press(KeyCode.ALT, KeyCode.R).release(KeyCode.R, KeyCode.ALT); // _Reprint tickets

        await().atMost(Duration.ofSeconds(15))
                .until(() -> !text(robot, "#lookup-info").isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        Path saved = tickets.resolve("marquee-" + paid.code() + ".pdf").toAbsolutePath();
        assertThat(text(robot, "#lookup-info")).isEqualTo("No printer here: the tickets are saved as " + saved);
        assertThat(saved).isNotEmptyFile();
    }

    private static void findByKeyboard(FxRobot robot, String code) {
        robot.clickOn("#lookup-code").write(code).type(KeyCode.ENTER);
        TableView<?> table = robot.lookup("#lookup-tickets").queryTableView();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> !table.getItems().isEmpty() && code.equalsIgnoreCase(text(robot, "#lookup-order-code")));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** True when the node and every parent of it are visible. */
    private static boolean shown(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
