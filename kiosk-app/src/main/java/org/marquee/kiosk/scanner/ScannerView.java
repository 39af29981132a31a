package org.marquee.kiosk.scanner;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.marquee.kiosk.i18n.Messages;

/**
 * The door scanner screen: the showtime picker and the admitted/sold counter on top, the verdict filling the rest
 * (green or red, the seat, why), warnings from the server below it. A USB barcode reader types into the input field,
 * which keeps the focus, and ends with Enter.
 */
public final class ScannerView extends BorderPane implements AutoCloseable {

    private static final PseudoClass GREEN = PseudoClass.getPseudoClass("green");
    private static final PseudoClass RED = PseudoClass.getPseudoClass("red");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final AutoCloseable onClose;

    public ScannerView(ScannerViewModel model, Messages messages, ZoneId zone, AutoCloseable onClose) {
        this.onClose = onClose;
        setId("scanner-screen");
        var css = ScannerView.class.getResource("/org/marquee/kiosk/css/scanner.css");
        if (css != null) {
            getStylesheets().add(css.toExternalForm());
        }

        Label title = new Label(messages.get("scanner.showtime"));
        ComboBox<DoorShowtime> showtime = new ComboBox<>(model.showtimes());
        showtime.setId("scanner-showtime");
        showtime.setPromptText(messages.get("scanner.anyShowtime"));
        showtime.valueProperty().bindBidirectional(model.selectedProperty());
        showtime.setCellFactory(list -> new ShowtimeCell(zone));
        showtime.setButtonCell(new ShowtimeCell(zone));
        Label counter = new Label();
        counter.setId("scanner-counter");
        counter.textProperty().bind(model.counterProperty());
        Region space = new Region();
        HBox.setHgrow(space, Priority.ALWAYS);
        HBox bar = new HBox(title, showtime, space, counter);
        bar.getStyleClass().add("scanner-bar");

        Label headline = label("scanner-headline");
        headline.textProperty().bind(model.headlineProperty());
        Label seat = label("scanner-seat");
        seat.textProperty().bind(model.seatProperty());
        Label why = label("scanner-why");
        why.textProperty().bind(model.whyProperty());
        VBox verdict = new VBox(headline, seat, why);
        verdict.setId("scanner-verdict");
        verdict.setAlignment(Pos.CENTER);
        model.lightProperty().addListener((obs, was, now) -> {
            verdict.pseudoClassStateChanged(GREEN, now == ScannerViewModel.Light.GREEN);
            verdict.pseudoClassStateChanged(RED, now == ScannerViewModel.Light.RED);
        });

        VBox warnings = new VBox();
        warnings.setId("scanner-warnings");
        model.warnings()
                .addListener((javafx.collections.ListChangeListener<String>) c -> showWarnings(warnings, model));
        warnings.visibleProperty().bind(Bindings.isNotEmpty(model.warnings()));
        warnings.managedProperty().bind(warnings.visibleProperty());

        Label status = label("scanner-status");
        status.textProperty().bind(model.statusProperty());
        TextField input = new TextField();
        input.setId("scanner-input");
        input.setPromptText(messages.get("scanner.ready"));
        input.setOnAction(event -> {
            model.scan(input.getText());
            input.clear();
        });
        // the reader types wherever the focus is: keep it in the input
        input.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused && !showtime.isShowing()) {
                Platform.runLater(input::requestFocus);
            }
        });
        VBox bottom = new VBox(8, warnings, status, input);

        setTop(bar);
        setCenter(verdict);
        setBottom(bottom);
        BorderPane.setMargin(verdict, new javafx.geometry.Insets(16, 0, 16, 0));
        Platform.runLater(input::requestFocus);
    }

    private static void showWarnings(VBox box, ScannerViewModel model) {
        box.getChildren()
                .setAll(model.warnings().stream()
                        .limit(3)
                        .map(text -> {
                            Label label = new Label("\u26a0 " + text);
                            label.getStyleClass().add("scanner-warning");
                            return label;
                        })
                        .toList());
    }

    private static Label label(String id) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        return label;
    }

    @Override
    public void close() throws Exception {
        onClose.close();
    }

    private static final class ShowtimeCell extends ListCell<DoorShowtime> {
        private final ZoneId zone;

        ShowtimeCell(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        protected void updateItem(DoorShowtime item, boolean empty) {
            super.updateItem(item, empty);
            setText(
                    empty || item == null
                            ? null
                            : TIME.format(item.startsAt().atZone(zone)) + "  " + item.auditoriumName() + " \u00b7 "
                                    + item.movieTitle());
        }
    }
}
