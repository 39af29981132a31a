package org.marquee.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.marquee.kiosk.checkout.CheckoutFixture;
import org.marquee.kiosk.checkout.Fx;
import org.marquee.kiosk.client.MarqueeClient;
import org.marquee.kiosk.core.Navigator;
import org.marquee.kiosk.core.SaleSession;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.core.TicketOutput;
import org.marquee.kiosk.counter.CounterSession;
import org.marquee.kiosk.counter.LoginView;
import org.marquee.kiosk.counter.LoginViewModel;
import org.marquee.kiosk.counter.LookupView;
import org.marquee.kiosk.counter.LookupViewModel;
import org.marquee.kiosk.counter.ShowtimeNames;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.testing.FakeBoxOffice;
import org.marquee.kiosk.testing.ModeStage;
import org.marquee.model.PaymentMethod;
import org.marquee.model.PaymentRequest;
import org.marquee.model.SeatType;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's centre as a clerk goes from screen to screen with the keyboard (issue 14, item 3): the sign-in's Alt+U
 * must not shadow the lookup's Alt+U (Refund), and the focus goes into the new screen.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenSwapTest {

    @TempDir
    Path tickets;

    private final Messages messages = new Messages(Locale.ENGLISH);
    private final FakeBoxOffice.Terminal clerk = CheckoutFixture.terminal();
    private final BorderPane root = ModeStage.styled(new BorderPane(), Mode.COUNTER, false);
    private Scene scene;

    @Start
    void start(Stage stage) {
        Tasks tasks = new Tasks(Platform::runLater);
        Navigator navigator = new Navigator();
        // never asked: nobody signs in here; the sign-in screen is shown for its keys only
        MarqueeClient unused = new MarqueeClient("http://127.0.0.1:19190", "demo-counter-1");
        CounterSession session = new CounterSession(unused, tasks, navigator, new SaleSession(unused, tasks));
        scene = new Scene(root, 1280, 800);
        stage.setScene(scene);
        stage.show();
        ScreenSwap.show(root, new LoginView(new LoginViewModel(session, tasks, messages), messages));
        LookupViewModel lookup = new LookupViewModel(
                clerk,
                (username, pin, orderId) -> {
                    throw new AssertionError("not approved in this test");
                },
                new TicketOutput(tickets, () -> null),
                ShowtimeNames.NONE,
                tasks,
                navigator,
                messages);
        root.applyCss();
        root.layout(); // the sign-in's labels register their Alt keys
        ScreenSwap.show(root, new LookupView(lookup, messages));
    }

    @Test
    void altUOnTheLookupAsksForTheManagerAfterTheSignInScreenWasShown(FxRobot robot) {
        var sale = CheckoutFixture.saleWithOrder(
                clerk, CheckoutFixture.imaxShowtime(clerk, 5), SeatType.STANDARD, SeatType.STANDARD);
        var order = sale.orderProperty().get();
        clerk.pay(order.orderId(), new PaymentRequest(PaymentMethod.CASH, order.totalMinor(), null, 5000L));
        Fx.waitUntil(() -> scene.getFocusOwner() != null
                && "lookup-code".equals(scene.getFocusOwner().getId()));

        robot.write(order.code()).type(KeyCode.ENTER);
        Fx.waitUntil(() -> Fx.text(robot, "#lookup-order-status").equals("Paid"));
        robot.press(KeyCode.ALT, KeyCode.U).release(KeyCode.U, KeyCode.ALT); // Ref_und
        WaitForAsyncUtils.waitForFxEvents();

        TextField manager = robot.lookup("#lookup-manager-username").queryAs(TextField.class);
        Fx.waitUntil(manager::isFocused);
        assertThat(Fx.showing(robot, "#lookup-manager-username")).isTrue();
        Node owner = scene.getFocusOwner();
        assertThat(owner.getScene()).isSameAs(scene);
    }
}
