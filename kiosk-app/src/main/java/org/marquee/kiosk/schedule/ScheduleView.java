package org.marquee.kiosk.schedule;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.List;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.model.AuditoriumInfo;
import org.marquee.model.MovieInfo;
import org.marquee.model.PricePlan;

/**
 * The week schedule: the auditorium and the week on top, the week's blocks in the middle, and beside them (below on a
 * portrait screen) the form that adds one showtime or a series, with what it would add drawn on the week and its
 * clashes named before saving, and the chosen showtime with its cancellation and refund summary.
 */
public final class ScheduleView extends BorderPane {

    private static final String STYLESHEET = "/org/marquee/kiosk/css/admin-editors.css";

    private final ScheduleViewModel model;
    private final Messages messages;
    private final WeekGrid grid;
    private final ScrollPane side;
    private Boolean tall;

    public ScheduleView(ScheduleViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        this.grid = new WeekGrid(messages);
        setId("screen-schedule");
        getStyleClass().addAll("screen", "admin-editor", "schedule");
        getStylesheets().add(ScheduleView.class.getResource(STYLESHEET).toExternalForm());

        Label title = new Label(messages.get("schedule.title"));
        title.getStyleClass().add("screen-title");
        setTop(new VBox(title, weekBar()));

        grid.setOnBlock(model::select);
        Runnable redraw = () -> grid.show(
                model.weekStartProperty().get(),
                model.blocksProperty().get(),
                model.selectedProperty().get());
        model.blocksProperty().addListener((obs, was, now) -> redraw.run());
        model.selectedProperty().addListener((obs, was, now) -> redraw.run());
        redraw.run();

        VBox panel = new VBox(addForm(), selectedPane());
        panel.getStyleClass().add("schedule-side");
        panel.setSpacing(12);
        side = new ScrollPane(panel);
        side.setFitToWidth(true);
        side.setMinWidth(0);
        Label status = new Label();
        status.setId("schedule-status");
        status.getStyleClass().add("schedule-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        setBottom(status);
        widthProperty().addListener((obs, was, now) -> arrange());
        heightProperty().addListener((obs, was, now) -> arrange());
        arrange();
    }

    private void arrange() {
        boolean portrait = getHeight() > getWidth() * 1.1;
        if (tall != null && tall == portrait) {
            return;
        }
        tall = portrait;
        if (portrait) {
            VBox box = new VBox(12, grid, side);
            VBox.setVgrow(grid, Priority.ALWAYS);
            side.setPrefViewportHeight(760);
            side.setMinHeight(520);
            setCenter(box);
        } else {
            HBox box = new HBox(12, grid, side);
            HBox.setHgrow(grid, Priority.ALWAYS);
            side.setPrefViewportWidth(400);
            side.setMinWidth(360);
            side.setMinHeight(0);
            setCenter(box);
        }
    }

    private Node weekBar() {
        ComboBox<AuditoriumInfo> rooms = combo("schedule-auditorium", AuditoriumInfo::name);
        model.auditoriumsProperty()
                .addListener((obs, was, now) -> rooms.getItems().setAll(now));
        rooms.valueProperty().bindBidirectional(model.auditoriumProperty());
        Button previous = new Button("◀ " + messages.get("schedule.previous"));
        previous.setId("schedule-prev");
        previous.setOnAction(event -> model.previousWeek());
        Label week = new Label();
        week.setId("schedule-week");
        week.getStyleClass().add("section-title");
        week.textProperty().bind(model.weekLabelProperty());
        Button next = new Button(messages.get("schedule.next") + " ▶");
        next.setId("schedule-next");
        next.setOnAction(event -> model.nextWeek());
        Button today = new Button(messages.get("schedule.today"));
        today.setId("schedule-today");
        today.setOnAction(event -> model.thisWeek());
        Label zone = new Label();
        zone.getStyleClass().add("hint");
        zone.textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> model.theaterProperty().get() == null
                                ? ""
                                : messages.get(
                                        "schedule.zone",
                                        model.theaterProperty().get().timeZone(),
                                        model.theaterProperty().get().cleaningMinutes()),
                        model.theaterProperty()));
        FlowPane bar = new FlowPane(rooms, previous, week, next, today, zone);
        bar.getStyleClass().add("admin-bar");
        return bar;
    }

    private Node addForm() {
        ScheduleForm form = model.form();
        Label caption = new Label(messages.get("schedule.add"));
        caption.getStyleClass().add("section-title");
        ComboBox<MovieInfo> movie = combo("schedule-movie", m -> m.title() + " · " + m.runtimeMinutes() + " min");
        model.moviesProperty().addListener((obs, was, now) -> movie.getItems().setAll(now));
        movie.valueProperty().bindBidirectional(form.movieProperty());
        ComboBox<PricePlan> plan = combo("schedule-plan", PricePlan::name);
        model.plansProperty().addListener((obs, was, now) -> plan.getItems().setAll(now));
        plan.valueProperty().bindBidirectional(form.planProperty());
        TextField format = field("schedule-format", form.formatProperty(), 6);

        ToggleGroup kind = new ToggleGroup();
        ToggleButton one = new ToggleButton(messages.get("schedule.one"));
        one.setId("schedule-single");
        ToggleButton series = new ToggleButton(messages.get("schedule.series"));
        series.setId("schedule-series");
        one.setToggleGroup(kind);
        series.setToggleGroup(kind);
        one.setSelected(!form.seriesProperty().get());
        series.setSelected(form.seriesProperty().get());
        one.setOnAction(event -> {
            form.seriesProperty().set(false);
            one.setSelected(true);
        });
        series.setOnAction(event -> {
            form.seriesProperty().set(true);
            series.setSelected(true);
        });
        form.seriesProperty().addListener((obs, was, now) -> (now ? series : one).setSelected(true));
        HBox kinds = new HBox(one, series);
        kinds.getStyleClass().add("segmented");

        GridPane single = grid();
        single.addRow(0, caption("schedule.date"), field("schedule-date", form.dateProperty(), 10));
        single.addRow(1, caption("schedule.time"), field("schedule-time", form.timeProperty(), 6));

        FlowPane days = new FlowPane(4, 4);
        for (DayOfWeek day : DayOfWeek.values()) {
            ToggleButton toggle = new ToggleButton(day.getDisplayName(TextStyle.SHORT, messages.locale()));
            toggle.setId("day-" + SeriesPlan.code(day));
            toggle.setSelected(form.daysProperty().get().contains(day));
            toggle.setOnAction(event -> form.toggleDay(day));
            form.daysProperty().addListener((obs, was, now) -> toggle.setSelected(now.contains(day)));
            days.getChildren().add(toggle);
        }
        GridPane many = grid();
        many.addRow(0, caption("schedule.days"), days);
        many.addRow(1, caption("schedule.times"), field("schedule-times", form.timesProperty(), 14));
        many.addRow(2, caption("schedule.from"), field("schedule-from", form.fromProperty(), 10));
        many.addRow(3, caption("schedule.to"), field("schedule-to", form.toProperty(), 10));
        for (GridPane pane : List.of(single, many)) {
            pane.managedProperty().bind(pane.visibleProperty());
        }
        single.visibleProperty().bind(form.seriesProperty().not());
        many.visibleProperty().bind(form.seriesProperty());

        GridPane what = grid();
        what.addRow(0, caption("schedule.movie"), movie);
        what.addRow(1, caption("schedule.format"), format);
        what.addRow(2, caption("schedule.plan"), plan);

        Label proposal = text("schedule-proposal", "hint");
        proposal.textProperty().bind(model.proposalTextProperty());
        Label clash = text("schedule-clash", "error");
        clash.textProperty().bind(model.clashTextProperty());
        Button save = new Button(messages.get("schedule.save"));
        save.setId("schedule-save");
        save.getStyleClass().add("primary");
        save.disableProperty().bind(model.canSaveProperty().not());
        save.setOnAction(event -> model.save());
        VBox box = new VBox(8, caption, what, kinds, single, many, proposal, clash, save);
        box.getStyleClass().add("card");
        return box;
    }

    private Node selectedPane() {
        Label caption = new Label(messages.get("schedule.chosen"));
        caption.getStyleClass().add("section-title");
        Label details = text("schedule-selected", "schedule-selected");
        details.textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> {
                            WeekBlock block = model.selectedProperty().get();
                            return block == null
                                    ? messages.get("schedule.chooseHint")
                                    : messages.get(
                                            "schedule.details",
                                            block.title(),
                                            block.day().toString(),
                                            block.start().toString(),
                                            block.seatsSold(),
                                            block.seatsHeld(),
                                            messages.get("schedule.status."
                                                    + block.status().name()));
                        },
                        model.selectedProperty()));
        TextField reason = new TextField();
        reason.setId("schedule-reason");
        reason.setPromptText(messages.get("schedule.reason"));
        Button cancel = new Button(messages.get("schedule.cancel"));
        cancel.setId("schedule-cancel");
        cancel.disableProperty()
                .bind(javafx.beans.binding.Bindings.createBooleanBinding(
                        () -> model.selectedProperty().get() == null
                                || model.selectedProperty().get().cancelled()
                                || reason.getText().isBlank(),
                        model.selectedProperty(),
                        reason.textProperty()));
        cancel.setOnAction(event -> {
            model.cancelSelected(reason.getText());
            reason.clear();
        });
        Label summary = text("schedule-cancel-summary", "cancel-summary");
        summary.textProperty().bind(model.cancelSummaryProperty());
        VBox box = new VBox(8, caption, details, reason, cancel, summary);
        box.getStyleClass().add("card");
        return box;
    }

    private Label caption(String key) {
        Label label = new Label(messages.get(key));
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    private static GridPane grid() {
        GridPane pane = new GridPane();
        pane.setHgap(8);
        pane.setVgap(6);
        pane.setAlignment(Pos.CENTER_LEFT);
        return pane;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty value, int columns) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(columns);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static Label text(String id, String style) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(style);
        label.setWrapText(true);
        label.managedProperty().bind(label.textProperty().isNotEmpty());
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        return label;
    }

    private static <T> ComboBox<T> combo(String id, Function<T, String> name) {
        ComboBox<T> box = new ComboBox<>();
        box.setId(id);
        box.setCellFactory(list -> new NamedCell<>(name));
        box.setButtonCell(new NamedCell<>(name));
        return box;
    }

    private static final class NamedCell<T> extends ListCell<T> {
        private final Function<T, String> name;

        NamedCell(Function<T, String> name) {
            this.name = name;
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : name.apply(item));
        }
    }
}
