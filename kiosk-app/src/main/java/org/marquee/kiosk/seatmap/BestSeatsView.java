package org.marquee.kiosk.seatmap;

import java.util.Objects;
import java.util.stream.Collectors;
import javafx.collections.ListChangeListener;
import javafx.collections.SetChangeListener;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.seatdrawing.SeatMapCanvas;
import org.marquee.model.SeatIds;

/**
 * The kiosk's best-seat step on the seat map (decision 0025), kept apart from the map's own view: the count's big
 * buttons over the hall until a number is tapped, the accessible list of seat blocks in place of the map in accessible
 * mode, and a "Number of tickets" button for the side panel. It only binds to {@link BestSeatsViewModel}.
 */
final class BestSeatsView {

    private static final String STYLES = Objects.requireNonNull(
                    BestSeatsView.class.getResource("/org/marquee/kiosk/css/best-seats.css"))
            .toExternalForm();

    private BestSeatsView() {}

    /** {@code map} (the hall and its legend) with the count's buttons over it and, in accessible mode, the list. */
    static StackPane around(Node map, BestSeatsViewModel model, Messages messages) {
        Node picker = countPicker(model, messages);
        Node list = blockList(model, messages);
        var accessible = model.accessibleProperty();
        map.visibleProperty().bind(accessible.not());
        list.visibleProperty().bind(accessible.and(model.pickingProperty().not()));
        picker.visibleProperty().bind(model.pickingProperty());
        StackPane layers = new StackPane(map, list, picker);
        // the center gives way to the panel under it on a portrait screen: the list scrolls, Continue stays in view
        layers.setMinSize(0, 0);
        if (list instanceof Region region) {
            region.setMinHeight(0);
        }
        layers.getStyleClass().add("best-seats");
        layers.getStylesheets().add(STYLES);
        return layers;
    }

    /** "Number of tickets": the count's buttons again. */
    static Button changeCountButton(BestSeatsViewModel model, Messages messages) {
        Button change = new Button(messages.get("bestseats.changeCount"));
        change.setId("best-change-count");
        change.getStyleClass().add("change-count");
        change.setMaxWidth(Double.MAX_VALUE);
        change.visibleProperty()
                .bind(model.pickingProperty().not().and(model.countProperty().greaterThan(0)));
        change.managedProperty().bind(change.visibleProperty());
        change.setOnAction(event -> model.changeCount());
        change.getStylesheets().add(STYLES);
        return change;
    }

    /** What a screen reader says of the canvas (one node for the whole hall): the seats chosen. */
    static void speak(SeatMapCanvas canvas, SeatMapViewModel model, Messages messages) {
        canvas.setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        Runnable say = () -> canvas.setAccessibleText(messages.get(
                "seatmap.canvas.spoken",
                model.mine().stream().sorted(SeatIds.READING_ORDER).collect(Collectors.joining(", "))));
        model.mine().addListener((SetChangeListener<String>) change -> say.run());
        say.run();
    }

    private static Node countPicker(BestSeatsViewModel model, Messages messages) {
        Label question = new Label(messages.get("bestseats.howMany"));
        question.getStyleClass().add("screen-title");
        Label hint = new Label(messages.get("bestseats.howMany.hint"));
        hint.getStyleClass().add("count-hint");
        hint.setWrapText(true);
        FlowPane counts = new FlowPane();
        counts.getStyleClass().add("count-buttons");
        counts.setAlignment(Pos.CENTER);
        for (int n = 1; n <= model.maxTickets(); n++) {
            int tickets = n;
            Button button = new Button(Integer.toString(n));
            button.setId("count-" + n);
            button.getStyleClass().add("count-button");
            button.setAccessibleRole(AccessibleRole.BUTTON);
            button.setAccessibleText(messages.get("bestseats.count", n));
            button.disableProperty().bind(model.busyProperty());
            button.setOnAction(event -> model.chooseCount(tickets));
            counts.getChildren().add(button);
        }
        VBox picker = new VBox(question, hint, counts);
        picker.setId("best-count");
        picker.getStyleClass().add("count-picker");
        picker.setAlignment(Pos.CENTER);
        return picker;
    }

    private static Node blockList(BestSeatsViewModel model, Messages messages) {
        Label title = new Label(messages.get("bestseats.list.title"));
        title.getStyleClass().add("screen-title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        VBox entries = new VBox();
        entries.getStyleClass().add("block-entries");
        Runnable fill = () -> entries.getChildren()
                .setAll(model.blocksProperty().stream()
                        .map(block -> entry(block, model, messages))
                        .toList());
        model.blocksProperty().addListener((ListChangeListener<SeatBlock>) change -> fill.run());
        fill.run();
        ScrollPane scroller = new ScrollPane(entries);
        scroller.setFitToWidth(true);
        scroller.getStyleClass().add("block-scroller");
        scroller.setMinHeight(0);
        VBox list = new VBox(title, scroller);
        list.setId("best-blocks");
        list.getStyleClass().add("block-list");
        list.setAlignment(Pos.BOTTOM_LEFT); // within reach: the list sits at the bottom of its space
        return list;
    }

    private static Button entry(SeatBlock block, BestSeatsViewModel model, Messages messages) {
        String text = model.describe(block);
        boolean chosen = model.isChosen(block);
        Button button = new Button(chosen ? messages.get("bestseats.block.yours", text) : text);
        button.setId("block-" + String.join("-", block.seatIds()));
        button.getStyleClass().add("block-entry");
        if (chosen) {
            button.getStyleClass().add("chosen");
        }
        button.setMaxWidth(Double.MAX_VALUE);
        button.setWrapText(true); // read in full in a narrow portrait column, never cut
        button.setMinHeight(Region.USE_PREF_SIZE);
        button.setAccessibleRole(AccessibleRole.BUTTON);
        button.setAccessibleText(
                messages.get("bestseats.block.spoken", button.getText(), String.join(", ", block.seatIds())));
        button.setOnAction(event -> model.chooseBlock(block));
        return button;
    }
}
