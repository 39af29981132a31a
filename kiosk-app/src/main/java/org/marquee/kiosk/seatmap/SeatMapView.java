package org.marquee.kiosk.seatmap;

import java.util.Objects;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.SetChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.marquee.kiosk.core.CheckoutStyles;
import org.marquee.kiosk.core.Navigator;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.seatdrawing.SeatLegend;
import org.marquee.kiosk.seatdrawing.SeatMapCanvas;
import org.marquee.kiosk.seatdrawing.SeatPalette;
import org.marquee.kiosk.settings.Mode;

/**
 * The seat-map screen: the hall on a canvas that fills the space with the legend below it, and beside it the showtime,
 * the seats chosen, the countdown with "More time" in its last minute, and Continue / Back. It only binds to
 * {@link SeatMapViewModel}; the one thing it drives is the countdown's clock tick while it is on screen.
 */
public final class SeatMapView extends BorderPane implements AutoCloseable {

    private static final PseudoClass PORTRAIT = PseudoClass.getPseudoClass("portrait");

    private final SeatMapViewModel model;
    private final SeatMapCanvas canvas = new SeatMapCanvas();
    private final SeatCursor cursor = new SeatCursor();
    private final StackPane hall = new StackPane();
    private final VBox map = new VBox();
    private final VBox panel;
    private Boolean portrait;
    private final Timeline ticker;
    /** Kept as a field: the navigator holds it only weakly, so a discarded view is not kept alive. */
    private final BooleanBinding shown;
    /** Held here, heard weakly by the long-lived signal it listens to. */
    private ChangeListener<Boolean> reconnect;

    public SeatMapView(SeatMapViewModel model, Navigator navigator, Mode mode, Messages messages) {
        this(model, null, navigator, mode, messages);
    }

    /**
     * @param best the kiosk's best-seat step (the count first, taps that move the block, accessible mode's list), or
     *     null for the plain map of a counter
     */
    public SeatMapView(
            SeatMapViewModel model, BestSeatsViewModel best, Navigator navigator, Mode mode, Messages messages) {
        this.model = model;
        boolean kiosk = mode == Mode.KIOSK;
        getStyleClass().addAll("seat-map", kiosk ? "mode-kiosk" : "mode-counter");
        getStylesheets()
                .add(Objects.requireNonNull(SeatMapView.class.getResource("/org/marquee/kiosk/css/seatmap.css"))
                        .toExternalForm());

        canvas.setScreenText(messages.get("seatmap.screen"));
        // a seat at a kiosk is never smaller than a fingertip (decision 0026); a pinch zooms in up to the largest
        canvas.minCellProperty().set(kiosk ? 30 : 14);
        canvas.maxCellProperty().set(kiosk ? 72 : 48);
        model.seatMapProperty().addListener((obs, was, now) -> canvas.setSeats(now));
        model.mine().addListener((SetChangeListener<String>) change -> canvas.setMine(model.mine()));
        model.justTaken().addListener((SetChangeListener<String>) change -> canvas.setJustTaken(model.justTaken()));
        canvas.setSeats(model.seatMapProperty().get());
        canvas.setMine(model.mine());

        // a counter picks seats with the keys too: arrows, Space, a number of seats side by side
        // zoomed to fit, panned and pinched on the canvas itself: no scroll bars, the row letters pinned at both sides
        StackPane seatsLayer = SeatKeys.layer(canvas, cursor, model, !kiosk, best == null ? model::toggle : best::tap);
        seatsLayer.getStyleClass().add("seat-scroller");
        seatsLayer.setMinSize(0, 0);
        if (!kiosk) {
            CheckoutStyles.focusWhenShown(seatsLayer);
        }
        ProgressIndicator loading = new ProgressIndicator();
        loading.getStyleClass().add("seat-loading");
        loading.visibleProperty()
                .bind(model.loadingProperty().and(model.seatMapProperty().isNull()));
        loading.setMaxSize(64, 64);
        // the live events are down: the seats shown may be out of date until they are back
        Label paused = new Label(messages.get("seatmap.livePaused"));
        paused.setId("live-paused");
        paused.getStyleClass().add("live-paused");
        paused.visibleProperty().bind(model.livePausedProperty());
        paused.setMouseTransparent(true);
        StackPane.setAlignment(paused, Pos.TOP_CENTER);
        hall.getChildren().setAll(seatsLayer, loading, paused);
        hall.setMinSize(0, 0);
        // the key under the hall, across its width: the side panel keeps its height for the texts and buttons
        SeatLegend legend = new SeatLegend(messages, canvas.paletteProperty(), kiosk ? 30 : 22);
        legend.showPrices(model.legendPricesProperty()); // "Premium +€3.00", from the showtime's price plan
        legend.setMinHeight(Region.USE_PREF_SIZE);
        map.getChildren().setAll(hall, legend);
        map.setMinSize(0, 0);
        panel = sidePanel(messages, kiosk);
        if (best == null) {
            setCenter(map);
        } else {
            setCenter(BestSeatsView.around(map, best, messages));
            var rows = panel.getChildren();
            int afterSelection = 1
                    + rows.indexOf(rows.stream()
                            .filter(node -> node.getStyleClass().contains("selection-row"))
                            .findFirst()
                            .orElseThrow());
            rows.add(afterSelection, BestSeatsView.changeCountButton(best, messages));
            BestSeatsView.speak(canvas, model, messages);
        }
        reflow(false);

        ticker = new Timeline(new KeyFrame(Duration.millis(250), event -> model.tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
        shown = Bindings.createBooleanBinding(
                () -> navigator.current() == Screen.SEAT_MAP && getScene() != null,
                navigator.currentProperty(),
                sceneProperty());
        shown.addListener((obs, was, now) -> showing(now));
        if (shown.get()) {
            showing(true);
        }
    }

    public SeatMapViewModel model() {
        return model;
    }

    /**
     * Opens the live events afresh and reads the map again when {@code online} turns true while shown: back to normal
     * within seconds of the server's return, not after the feed's longer retry pause.
     */
    public void reconnectWhen(ObservableBooleanValue online) {
        reconnect = (obs, was, now) -> {
            if (now && shown.get()) {
                model.reconnect();
            }
        };
        online.addListener(new WeakChangeListener<>(reconnect));
    }

    /** The keyboard's place on the map, for tests. */
    public SeatCursor cursor() {
        return cursor;
    }

    /** The canvas, for tests and the benchmark. */
    public SeatMapCanvas canvas() {
        return canvas;
    }

    /** The seat colours; the shell binds it to its high-contrast switch. */
    public ObjectProperty<SeatPalette> paletteProperty() {
        return canvas.paletteProperty();
    }

    /** Stops the countdown's clock and the live seat events; the shell closes a view when its screen is left. */
    @Override
    public void close() {
        ticker.stop();
        model.close();
    }

    private void showing(boolean now) {
        if (now) {
            model.open();
            ticker.play();
        } else {
            ticker.stop();
            model.close();
        }
    }

    /**
     * A portrait screen (taller than wide) puts the side panel under the map, so that every column shows at the width
     * of the screen, and gives the map the height it needs at that width; the panel takes the rest.
     */
    @Override
    protected void layoutChildren() {
        boolean tall = getHeight() > getWidth();
        if (portrait == null || portrait != tall) {
            reflow(tall);
        }
        if (tall) {
            hall.setPrefHeight(canvas.heightToFit(getWidth()));
        }
        super.layoutChildren();
    }

    /** True while the side panel is under the map (a portrait screen). */
    public boolean isPortrait() {
        return Boolean.TRUE.equals(portrait);
    }

    private void reflow(boolean tall) {
        portrait = tall;
        pseudoClassStateChanged(PORTRAIT, tall);
        // the panel goes under the whole center, not into the map's box: the best-seat step's count buttons and the
        // accessible list of blocks lie over the map, and must never cover Continue and Back
        setRight(null);
        setBottom(null);
        if (tall) {
            setBottom(panel);
        } else {
            setRight(panel);
        }
        // portrait: the hall exactly as tall as its rows at the screen's width (layoutChildren), no band around them
        VBox.setVgrow(hall, tall ? Priority.NEVER : Priority.ALWAYS);
        if (!tall) {
            hall.setPrefHeight(Region.USE_COMPUTED_SIZE);
        }
    }

    private VBox sidePanel(Messages messages, boolean kiosk) {
        Label title = new Label();
        title.textProperty().bind(model.titleProperty());
        title.getStyleClass().add("screen-title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        Label details = new Label();
        details.textProperty().bind(model.detailsProperty());
        details.getStyleClass().add("showtime-details");
        details.setWrapText(true);
        details.setMinHeight(Region.USE_PREF_SIZE);

        Label countdown = new Label();
        countdown.getStyleClass().add("countdown");
        countdown
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.countdownProperty().get().isEmpty()
                                ? ""
                                : messages.get(
                                        "seatmap.timeLeft",
                                        model.countdownProperty().get()),
                        model.countdownProperty()));
        countdown.setId("seat-countdown");
        countdown.setWrapText(true); // never cut: "Butacas reservadas durante 07:59" is long in a narrow panel
        countdown.setMinHeight(Region.USE_PREF_SIZE);
        countdown.visibleProperty().bind(model.countdownProperty().isNotEmpty());
        countdown.managedProperty().bind(countdown.visibleProperty());
        Button moreTime = new Button(messages.get("seatmap.moreTime"));
        moreTime.setId("more-time");
        moreTime.getStyleClass().add("more-time");
        moreTime.visibleProperty().bind(model.extendOfferedProperty());
        moreTime.managedProperty().bind(moreTime.visibleProperty());
        moreTime.setOnAction(event -> model.extend());

        Label selection = new Label();
        selection.textProperty().bind(model.selectionProperty());
        selection.getStyleClass().add("selection");
        selection.setWrapText(true);
        selection.setMinHeight(Region.USE_PREF_SIZE);
        ProgressIndicator saving = new ProgressIndicator();
        saving.getStyleClass().add("saving");
        saving.visibleProperty().bind(model.busyProperty());
        HBox selectionRow = new HBox(selection, saving);
        selectionRow.getStyleClass().add("selection-row");
        HBox.setHgrow(selection, Priority.ALWAYS);

        Label message = new Label();
        message.setId("seat-message");
        message.getStyleClass().add("message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);

        Button proceed = new Button(messages.get("seatmap.continue"));
        proceed.setId("seat-continue");
        proceed.getStyleClass().addAll("primary", "continue");
        proceed.setDefaultButton(true);
        proceed.disableProperty().bind(model.canContinueProperty().not());
        proceed.setOnAction(event -> model.proceed());
        proceed.setMaxWidth(Double.MAX_VALUE);
        Button back = new Button(messages.get("seatmap.back"));
        back.setId("seat-back");
        back.getStyleClass().add("back");
        back.setCancelButton(true);
        back.setOnAction(event -> model.back());
        back.setMaxWidth(Double.MAX_VALUE);
        if (!kiosk) {
            CheckoutStyles.keyHint(proceed, messages.get("key.enter"));
            CheckoutStyles.keyHint(back, messages.get("key.escape"));
        }

        VBox panel = new VBox(title, details, countdown, moreTime, selectionRow, message, spacer, proceed, back);
        panel.getStyleClass().add("seat-side-panel");
        return panel;
    }
}
