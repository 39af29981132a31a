package org.marquee.kiosk.done;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.marquee.kiosk.checkout.CheckoutFixture;
import org.marquee.kiosk.checkout.Fx;
import org.marquee.kiosk.core.Navigator;
import org.marquee.kiosk.core.SaleSession;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.core.TicketOutput;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.testing.FakeBoxOffice;
import org.marquee.kiosk.testing.Snapshots;
import org.marquee.model.OrderView;
import org.marquee.model.PaymentMethod;
import org.marquee.model.PaymentRequest;
import org.marquee.model.SeatType;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The end of a sale as a customer at a kiosk sees it, in English and Spanish: customer wording, the tickets printing
 * by themselves, and big keys for the e-mail address; and as a clerk sees it at a counter (issue 14, item 8).
 */
@ExtendWith(ApplicationExtension.class)
class DoneKioskScreenTest {

    @TempDir
    Path tickets;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private DoneView show(FxRobot robot, Mode mode, Messages messages, boolean autoPrint) {
        FakeBoxOffice.Terminal terminal = CheckoutFixture.terminal();
        SaleSession sale = CheckoutFixture.saleWithOrder(
                terminal, CheckoutFixture.imaxShowtime(terminal, 11), SeatType.PREMIUM, SeatType.STANDARD);
        OrderView order = sale.orderProperty().get();
        sale.paid(terminal.pay(
                order.orderId(), new PaymentRequest(PaymentMethod.CARD, order.totalMinor(), "tok_visa", null)));
        Navigator navigator = new Navigator();
        navigator.go(Screen.DONE);
        DoneView[] view = new DoneView[1];
        robot.interact(() -> {
            DoneViewModel model = new DoneViewModel(
                    terminal,
                    new Tasks(Platform::runLater),
                    navigator,
                    sale,
                    messages,
                    mode,
                    new TicketOutput(tickets, () -> null),
                    CheckoutFixture.MADRID,
                    autoPrint);
            view[0] = new DoneView(model, messages);
            StackPane root = new StackPane(view[0]);
            root.getStyleClass().addAll("main-window", "mode-" + mode.name().toLowerCase(Locale.ROOT));
            for (String sheet : new String[] {"base.css", mode == Mode.KIOSK ? "kiosk.css" : "counter.css"}) {
                root.getStylesheets()
                        .add(DoneKioskScreenTest.class
                                .getResource("/org/marquee/kiosk/css/" + sheet)
                                .toExternalForm());
            }
            Scene scene = new Scene(root, 1280, 800);
            stage.setScene(scene);
            stage.show();
            model.start();
        });
        return view[0];
    }

    @Test
    void aKioskThanksPrintsByItselfAndTypesTheAddressWithBigKeys(FxRobot robot) {
        show(robot, Mode.KIOSK, CheckoutFixture.english(), true);

        assertThat(Fx.text(robot, "#done-title")).isEqualTo("Thank you! Enjoy the film.");
        assertThat(Fx.text(robot, "#done-new-sale")).isEqualTo("Done");
        Fx.waitUntil(() -> Fx.text(robot, "#done-print-status").startsWith("This kiosk could not print"));
        assertThat(Fx.showing(robot, ".on-screen-keyboard"))
                .as("no keys before the field is touched")
                .isFalse();

        robot.clickOn("#done-email");
        Fx.waitUntil(() -> Fx.showing(robot, ".on-screen-keyboard"));
        Button at = robot.lookup("#key-at").queryButton();
        assertThat(at.getHeight()).as("a key a finger hits").isGreaterThanOrEqualTo(56);
        for (String key : new String[] {"a", "n", "a", "at", "x", "dotcom"}) {
            robot.clickOn("#key-" + key);
        }
        robot.clickOn("#key-backspace");
        robot.clickOn("#key-m");
        TextField email = robot.lookup("#done-email").queryAs(TextField.class);
        assertThat(email.getText()).isEqualTo("ana@x.com");
        assertThat(email.isFocused())
                .as("the keys leave the caret in the field")
                .isTrue();
        Snapshots.save(stage.getScene(), "done-kiosk-keyboard");

        robot.clickOn("#key-enter");

        Fx.waitUntil(() -> Fx.text(robot, "#done-email-status").contains("on their way to ana@x.com"));
    }

    @Test
    void inSpanishTheKioskSaysGraciasAndItsKeysAreSpanish(FxRobot robot) {
        show(robot, Mode.KIOSK, new Messages(Locale.of("es")), true);

        assertThat(Fx.text(robot, "#done-title")).isEqualTo("¡Gracias! Disfrute de la película.");
        assertThat(Fx.text(robot, "#done-new-sale")).isEqualTo("Terminar");
        Fx.waitUntil(() -> Fx.text(robot, "#done-print-status").startsWith("Este quiosco no ha podido imprimir"));
        Snapshots.save(stage.getScene(), "done-kiosk-es");
        robot.clickOn("#done-email");
        Fx.waitUntil(() -> Fx.showing(robot, ".on-screen-keyboard"));
        assertThat(robot.lookup("#key-backspace").queryAs(Labeled.class).getText())
                .isEqualTo("Borrar");
        assertThat(robot.lookup("#key-enter").queryAs(Labeled.class).getText()).isEqualTo("Enviar");
        Snapshots.save(stage.getScene(), "done-kiosk-keyboard-es");
    }

    @Test
    void aCounterEndsOnClerkWordingWithoutKeysOnScreenOrPrintingByItself(FxRobot robot) {
        show(robot, Mode.COUNTER, CheckoutFixture.english(), false);

        assertThat(Fx.text(robot, "#done-title")).isEqualTo("Sale complete");
        assertThat(Fx.text(robot, "#done-new-sale")).startsWith("New sale");
        robot.clickOn("#done-email");
        assertThat(robot.lookup(".on-screen-keyboard").tryQuery()).isEmpty();
        assertThat(Fx.text(robot, "#done-print-status")).isEmpty();
        Snapshots.save(stage.getScene(), "done-counter-en");
    }
}
