package org.marquee.kiosk.showtimes;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.marquee.kiosk.core.Navigator;
import org.marquee.kiosk.core.SaleSession;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.settings.Mode;
import org.marquee.model.NearbyTheater;

/**
 * The showtimes screen: theater picker, a week of days, and the day's showtimes as buttons grouped by movie. In
 * counter mode the arrow keys move through theaters, days and showtimes and Enter picks; in kiosk mode every target
 * is large enough for a finger (kiosk.css rules under {@code .mode-kiosk}).
 */
public final class ShowtimesView extends BorderPane {

    private static final PseudoClass STARTED = PseudoClass.getPseudoClass("started");
    private static final PseudoClass SOLD_OUT = PseudoClass.getPseudoClass("sold-out");
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private final ShowtimesViewModel model;
    private final FlowPane theaterBar = new FlowPane();
    /** Wraps onto a second line on a narrow (portrait) screen rather than running off its edge. */
    private final FlowPane dayStrip = new FlowPane();

    private final VBox movieList = new VBox();
    private final ScrollPane scroller = new ScrollPane(movieList);
    private final List<ToggleButton> theaterButtons = new ArrayList<>();
    private final List<ToggleButton> dayButtons = new ArrayList<>();
    private final List<List<ButtonBase>> showtimeRows = new ArrayList<>();
    /** Kept as a field: the navigator holds it only weakly, so a discarded view is not kept alive. */
    private final BooleanBinding shown;
    /** Held here, heard weakly by the long-lived signal it listens to. */
    private ChangeListener<Object> refresher;

    public ShowtimesView(ShowtimesViewModel model, Navigator navigator, Mode mode, Messages messages) {
        this.model = model;
        getStyleClass().addAll("showtimes", mode == Mode.KIOSK ? "mode-kiosk" : "mode-counter");
        getStylesheets()
                .add(Objects.requireNonNull(ShowtimesView.class.getResource("/org/marquee/kiosk/css/showtimes.css"))
                        .toExternalForm());

        Label title = new Label(messages.get("showtimes.title"));
        title.getStyleClass().add("screen-title");
        theaterBar.getStyleClass().add("theater-bar");
        dayStrip.getStyleClass().add("day-strip");
        Node heading = title;
        if (mode == Mode.KIOSK) { // a customer who bought elsewhere starts here too
            Button pickup = new Button(messages.get("showtimes.pickup"));
            pickup.setId("pickup-button");
            pickup.getStyleClass().add("pickup-button");
            pickup.setOnAction(event -> model.pickUp());
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox bar = new HBox(title, spacer, pickup);
            bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            heading = bar;
        }
        VBox top = new VBox(heading, theaterBar, dayStrip);
        top.getStyleClass().add("showtimes-top");
        setTop(top);

        movieList.getStyleClass().add("movie-list");
        scroller.setFitToWidth(true);
        scroller.getStyleClass().add("movie-scroller");
        Label placeholder = new Label();
        placeholder.getStyleClass().add("placeholder");
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(model.placeholderProperty());
        placeholder.visibleProperty().bind(model.placeholderProperty().isNotEmpty());
        model.errorProperty()
                .addListener((obs, was, now) -> placeholder.pseudoClassStateChanged(ERROR, !now.isEmpty()));
        setCenter(new StackPane(scroller, placeholder));

        model.theatersProperty().addListener((ListChangeListener<NearbyTheater>) change -> buildTheaters());
        model.theaterProperty().addListener((obs, was, now) -> syncToggles());
        model.daysProperty().addListener((ListChangeListener<DayOption>) change -> buildDays());
        model.dateProperty().addListener((obs, was, now) -> syncToggles());
        model.moviesProperty().addListener((ListChangeListener<MovieShowtimes>) change -> buildMovies());
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);

        // refresh whenever this screen comes into view, whether the shell keeps views or makes new ones
        shown = Bindings.createBooleanBinding(
                () -> navigator.current() == Screen.SHOWTIMES && getScene() != null,
                navigator.currentProperty(),
                sceneProperty());
        shown.addListener((obs, was, now) -> {
            if (now) {
                model.refresh();
            }
        });
        if (shown.get()) {
            model.refresh();
        }
    }

    /**
     * The screen with its view-model. {@code source} is a
     * {@link ServerShowtimeSource} or one backed by the catalog cache.
     */
    public static ShowtimesView create(
            ShowtimeSource source,
            Tasks tasks,
            Navigator navigator,
            SaleSession sale,
            Messages messages,
            Mode mode,
            Long homeTheaterId) {
        var model = new ShowtimesViewModel(
                source, tasks, navigator, sale, messages, homeTheaterId, Clock.systemDefaultZone());
        return new ShowtimesView(model, navigator, mode, messages);
    }

    /** Reads the showtimes again whenever {@code signal} changes while shown (the catalog after a sync, say). */
    public void refreshWhen(ObservableValue<?>... signals) {
        refresher = (obs, was, now) -> {
            if (shown.get()) {
                model.refresh();
            }
        };
        for (ObservableValue<?> signal : signals) {
            signal.addListener(new WeakChangeListener<>(refresher));
        }
    }

    public ShowtimesViewModel model() {
        return model;
    }

    private void buildTheaters() {
        theaterButtons.clear();
        for (NearbyTheater theater : model.theatersProperty()) {
            ToggleButton button = new ToggleButton(model.theaterLabel(theater));
            button.getStyleClass().add("theater-button");
            button.setUserData(theater);
            button.setOnAction(event -> {
                model.selectTheater(theater);
                syncToggles();
            });
            theaterButtons.add(button);
        }
        theaterBar.getChildren().setAll(theaterButtons);
        syncToggles();
    }

    private void buildDays() {
        dayButtons.clear();
        for (DayOption day : model.daysProperty()) {
            ToggleButton button = new ToggleButton(day.label());
            button.getStyleClass().add("day-button");
            button.setId("day-" + day.date());
            button.setUserData(day.date());
            button.setOnAction(event -> {
                model.selectDate(day.date());
                syncToggles();
            });
            dayButtons.add(button);
        }
        dayStrip.getChildren().setAll(dayButtons);
        syncToggles();
        if (getScene() != null
                && (getScene().getFocusOwner() == null || !isInside(getScene().getFocusOwner()))) {
            dayButtons.stream().filter(ToggleButton::isSelected).findFirst().ifPresent(Node::requestFocus);
        }
    }

    private void syncToggles() {
        for (ToggleButton button : theaterButtons) {
            button.setSelected(
                    button.getUserData().equals(model.theaterProperty().get()));
        }
        for (ToggleButton button : dayButtons) {
            button.setSelected(button.getUserData().equals(model.dateProperty().get()));
        }
    }

    private void buildMovies() {
        showtimeRows.clear();
        List<Node> cards = new ArrayList<>();
        for (MovieShowtimes movie : model.moviesProperty()) {
            Label title = new Label(movie.title());
            title.getStyleClass().add("movie-title");
            Label rating = new Label(movie.rating());
            rating.getStyleClass().add("movie-rating");
            Label runtime = new Label(movie.runtime());
            runtime.getStyleClass().add("movie-runtime");
            HBox heading = new HBox(title, rating, runtime);
            heading.getStyleClass().add("movie-heading");

            FlowPane times = new FlowPane();
            times.getStyleClass().add("showtime-row");
            List<ButtonBase> row = new ArrayList<>();
            for (ShowtimeChoice choice : movie.showtimes()) {
                Button button = showtimeButton(choice);
                times.getChildren().add(button);
                if (choice.selectable()) {
                    row.add(button);
                }
            }
            if (!row.isEmpty()) {
                showtimeRows.add(row);
            }
            VBox card = new VBox(heading, times);
            card.getStyleClass().add("movie-card");
            cards.add(card);
        }
        movieList.getChildren().setAll(cards);
        scroller.setVvalue(0);
    }

    private Button showtimeButton(ShowtimeChoice choice) {
        Label time = new Label(choice.time());
        time.getStyleClass().add("showtime-time");
        Label details = new Label(choice.details());
        details.getStyleClass().add("showtime-details");
        Label seats = new Label(choice.seatsText());
        seats.getStyleClass().add("showtime-seats");
        VBox face = new VBox(time, details, seats);
        face.getStyleClass().add("showtime-face");
        Button button = new Button();
        button.setGraphic(face);
        button.setId("showtime-" + choice.listing().id());
        button.getStyleClass().add("showtime-button");
        button.setUserData(choice);
        button.setDisable(!choice.selectable());
        button.pseudoClassStateChanged(STARTED, choice.started());
        button.pseudoClassStateChanged(SOLD_OUT, choice.soldOut());
        button.setAccessibleText(choice.time() + ", " + choice.details() + ", " + choice.seatsText());
        button.setOnAction(event -> model.choose(choice));
        return button;
    }

    /** Arrow keys move within a row (theaters, days, one movie's showtimes) and between rows; Enter picks. */
    private void onKey(KeyEvent event) {
        Node focused = getScene() == null ? null : getScene().getFocusOwner();
        List<List<ButtonBase>> rows = new ArrayList<>();
        rows.add(List.copyOf(theaterButtons));
        rows.add(List.copyOf(dayButtons));
        rows.addAll(showtimeRows);
        rows.removeIf(List::isEmpty);
        int r = -1;
        int c = -1;
        for (int i = 0; i < rows.size() && r < 0; i++) {
            c = rows.get(i).indexOf(focused);
            r = c >= 0 ? i : -1;
        }
        if (r < 0) {
            return;
        }
        KeyCode key = event.getCode();
        switch (key) {
            case ENTER -> ((ButtonBase) focused).fire();
            case LEFT -> focus(rows.get(r).get(Math.max(0, c - 1)));
            case RIGHT -> focus(rows.get(r).get(Math.min(rows.get(r).size() - 1, c + 1)));
            case UP, DOWN -> {
                int next = Math.clamp(r + (key == KeyCode.UP ? -1 : 1), 0, rows.size() - 1);
                focus(rows.get(next).get(Math.min(c, rows.get(next).size() - 1)));
            }
            default -> {
                return;
            }
        }
        event.consume();
    }

    private void focus(ButtonBase target) {
        target.requestFocus();
        if (movieList.getChildren().isEmpty() || !isDescendant(target, movieList)) {
            return;
        }
        Bounds inContent = movieList.sceneToLocal(target.localToScene(target.getBoundsInLocal()));
        double viewport = scroller.getViewportBounds().getHeight();
        double overflow = movieList.getHeight() - viewport;
        if (overflow <= 0) {
            return;
        }
        double top = overflow * scroller.getVvalue();
        if (inContent.getMinY() < top) {
            scroller.setVvalue(inContent.getMinY() / overflow);
        } else if (inContent.getMaxY() > top + viewport) {
            scroller.setVvalue(Math.min(1, (inContent.getMaxY() - viewport) / overflow));
        }
    }

    private boolean isInside(Node node) {
        return isDescendant(node, this);
    }

    private static boolean isDescendant(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }
}
