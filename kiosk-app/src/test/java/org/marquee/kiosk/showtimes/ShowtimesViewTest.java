package org.marquee.kiosk.showtimes;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marquee.kiosk.core.Navigator;
import org.marquee.kiosk.core.SaleSession;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.core.UiThread;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.seatmap.SeatMapView;
import org.marquee.kiosk.seatmap.SeatMapViewModel;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.testing.FakeBoxOffice;
import org.marquee.kiosk.testing.FakeCatalog;
import org.marquee.kiosk.testing.ModeStage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** What a person sees and does on the showtimes screen, against the demo catalog in memory: pick a showtime, get its seat map. */
@ExtendWith(ApplicationExtension.class)
class ShowtimesViewTest {

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    private static final FakeBoxOffice office = new FakeBoxOffice();
    private static final FakeCatalog catalog = new FakeCatalog(office);

    private Stage stage;
    private final SaleSession sale = new SaleSession(office.terminal(), new Tasks(UiThread.DIRECT));
    private final Navigator navigator = new Navigator();
    private final Messages messages = new Messages(Locale.ENGLISH);

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    /** The screen as the shell would show it, with the seat map taking its place when a showtime is chosen. */
    private ShowtimesView show(Mode mode, double width, double height) {
        return show(mode, width, height, false);
    }

    /** {@code offscreen}: in a scene no window shows, for sizes beyond the headless screen's 1280 × 800. */
    private ShowtimesView show(Mode mode, double width, double height, boolean offscreen) {
        FakeBoxOffice.Terminal client = office.terminal();
        Tasks tasks = new Tasks(Platform::runLater);
        // 16:00 in Madrid today: the day's first two showtimes have started and show so
        Clock clock = Clock.fixed(
                LocalDate.now(MADRID).atTime(LocalTime.of(16, 0)).atZone(MADRID).toInstant(), MADRID);
        var model = new ShowtimesViewModel(catalog, tasks, navigator, sale, messages, 1L, clock);
        return fx(() -> {
            ShowtimesView view = new ShowtimesView(model, navigator, mode, messages);
            BorderPane shell = new BorderPane(view);
            navigator.currentProperty().addListener((obs, was, now) -> {
                if (now == Screen.SEAT_MAP) {
                    var seats = new SeatMapViewModel(
                            client, client, tasks, navigator, sale, messages, mode, Clock.system(MADRID));
                    shell.setCenter(new SeatMapView(seats, navigator, mode, messages));
                }
            });
            if (offscreen) {
                ModeStage.offscreen(shell, mode, false, width, height);
            } else {
                ModeStage.show(stage, shell, mode, false, width, height);
            }
            return view;
        });
    }

    private static List<Button> enabledShowtimes(FxRobot robot) {
        return robot.lookup(".showtime-button").queryAllAs(Button.class).stream()
                .filter(button -> !button.isDisabled())
                .toList();
    }

    private static void awaitShowtimes(FxRobot robot) {
        await().atMost(15, SECONDS).until(() -> !enabledShowtimes(robot).isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void clickingAShowtimeOpensItsSeatMap(FxRobot robot) {
        show(Mode.COUNTER, 1280, 800);
        awaitShowtimes(robot);
        assertThat(robot.lookup(".showtime-button").queryAllAs(Button.class))
                .anyMatch(Button::isDisabled); // the ones that started at 12:30 and 15:45

        Button first = enabledShowtimes(robot).getFirst();
        ShowtimeChoice choice = (ShowtimeChoice) first.getUserData();
        robot.clickOn(first);

        await().atMost(15, SECONDS)
                .until(() -> robot.lookup(".seat-map").tryQuery().isPresent());
        SeatMapView seatMap = robot.lookup(".seat-map").queryAs(SeatMapView.class);
        await().atMost(15, SECONDS).until(() -> fx(() -> seatMap.canvas().cellSize() > 0));
        assertThat(navigator.current()).isEqualTo(Screen.SEAT_MAP);
        assertThat(sale.showtimeProperty().get()).isEqualTo(choice.listing());
        assertThat(sale.theaterIdProperty().get()).isEqualTo(1L);
        assertThat(fx(() -> seatMap.model().titleProperty().get()))
                .isEqualTo(choice.listing().movie().title());
    }

    @Test
    void theKeyboardMovesThroughDaysAndShowtimes(FxRobot robot) {
        show(Mode.COUNTER, 1280, 800);
        awaitShowtimes(robot);
        LocalDate today = LocalDate.now(MADRID);
        Node todayButton = robot.lookup("#day-" + today).query();
        robot.interact(todayButton::requestFocus);

        robot.type(KeyCode.RIGHT);
        assertThat(focused()).isSameAs(robot.lookup("#day-" + today.plusDays(1)).query());
        robot.type(KeyCode.ENTER);
        await().atMost(15, SECONDS)
                .until(() -> enabledShowtimes(robot).stream()
                        .allMatch(b -> LocalDate.ofInstant(
                                        ((ShowtimeChoice) b.getUserData())
                                                .listing()
                                                .startsAt(),
                                        MADRID)
                                .equals(today.plusDays(1))));
        WaitForAsyncUtils.waitForFxEvents();

        robot.type(KeyCode.DOWN);
        assertThat(focused()).isInstanceOf(ButtonBase.class);
        assertThat(focused().getUserData()).isInstanceOf(ShowtimeChoice.class);
        ShowtimeChoice chosen = (ShowtimeChoice) focused().getUserData();
        assertThat(chosen.selectable()).isTrue();
        robot.type(KeyCode.RIGHT);
        ShowtimeChoice next = (ShowtimeChoice) focused().getUserData();
        assertThat(next.listing().startsAt()).isAfterOrEqualTo(chosen.listing().startsAt());

        robot.type(KeyCode.ENTER);
        await().atMost(10, SECONDS).until(() -> navigator.current() == Screen.SEAT_MAP);
        assertThat(sale.showtimeProperty().get()).isEqualTo(next.listing());
    }

    @Test
    void kioskTargetsAreLargeEnoughForAFinger() {
        ShowtimesView view = show(Mode.KIOSK, 1920, 1080, true);
        await().atMost(15, SECONDS)
                .until(() -> fx(() -> {
                    ModeStage.layout(view.getScene());
                    return view.lookupAll(".showtime-button").stream().anyMatch(node -> !node.isDisabled());
                }));
        fx(() -> {
            ModeStage.layout(view.getScene());
            return null;
        });

        for (String target : List.of(".showtime-button", ".day-button", ".theater-button")) {
            List<Node> nodes = fx(() -> List.copyOf(view.lookupAll(target)));
            assertThat(nodes).isNotEmpty().allSatisfy(node -> {
                assertThat(node.getBoundsInLocal().getHeight())
                        .as(target + " height")
                        .isGreaterThanOrEqualTo(48);
                assertThat(node.getBoundsInLocal().getWidth())
                        .as(target + " width")
                        .isGreaterThanOrEqualTo(48);
            });
        }
    }

    @Test
    void onAPortraitKioskTheDaysWrapInsteadOfRunningOffTheEdge() {
        ShowtimesView view = show(Mode.KIOSK, 1080, 1920, true);
        await().atMost(15, SECONDS)
                .until(() -> fx(() -> {
                    ModeStage.layout(view.getScene());
                    return view.lookupAll(".day-button").size() == 7;
                }));
        fx(() -> {
            ModeStage.layout(view.getScene());
            return null;
        });

        List<Node> days = fx(() -> List.copyOf(view.lookupAll(".day-button")));
        for (Node day : days) {
            String label = ((javafx.scene.control.Labeled) day).getText();
            javafx.geometry.Bounds bounds = fx(() -> day.localToScene(day.getBoundsInLocal()));
            assertThat(bounds.getMaxX()).as("%s inside the screen", label).isLessThanOrEqualTo(1080);
            String drawn = fx(() -> day.lookupAll(".text").stream()
                    .filter(javafx.scene.text.Text.class::isInstance)
                    .map(text -> ((javafx.scene.text.Text) text).getText())
                    .findFirst()
                    .orElse(""));
            assertThat(drawn).as("%s not cut", label).isEqualTo(label);
        }
    }

    private Node focused() {
        return fx(() -> stage.getScene().getFocusOwner());
    }

    private static <T> T fx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(10, SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
