package org.marquee.kiosk.seatdrawing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.model.SeatType;

/**
 * The key to the seat map: each seat type as a free seat, then each status, drawn exactly as the map draws them; on a
 * sale's seat map each seat type with its price ("Premium +€3.00", {@link #showPrices}).
 */
public final class SeatLegend extends FlowPane {

    private record Entry(SeatType type, SeatState state, String key) {}

    private static final List<Entry> ENTRIES = List.of(
            new Entry(SeatType.STANDARD, SeatState.AVAILABLE, "seatmap.legend.standard"),
            new Entry(SeatType.PREMIUM, SeatState.AVAILABLE, "seatmap.legend.premium"),
            new Entry(SeatType.WHEELCHAIR, SeatState.AVAILABLE, "seatmap.legend.wheelchair"),
            new Entry(SeatType.COMPANION, SeatState.AVAILABLE, "seatmap.legend.companion"),
            new Entry(SeatType.STANDARD, SeatState.MINE, "seatmap.legend.mine"),
            new Entry(SeatType.STANDARD, SeatState.HELD, "seatmap.legend.held"),
            new Entry(SeatType.STANDARD, SeatState.SOLD, "seatmap.legend.sold"),
            new Entry(SeatType.STANDARD, SeatState.BLOCKED, "seatmap.legend.blocked"));

    private final List<Canvas> swatches = new ArrayList<>();
    private final List<Label> labels = new ArrayList<>();
    private final Messages messages;
    private final ObjectProperty<SeatPalette> palette;
    private final double size;

    public SeatLegend(Messages messages, ObjectProperty<SeatPalette> palette, double size) {
        this.palette = palette;
        this.size = size;
        this.messages = messages;
        getStyleClass().add("seat-legend");
        for (Entry entry : ENTRIES) {
            Canvas swatch = new Canvas(size, size);
            swatch.setUserData(entry);
            swatches.add(swatch);
            Label label = new Label(messages.get(entry.key()));
            label.getStyleClass().add("legend-label");
            label.setId("legend-" + entry.key().substring(entry.key().lastIndexOf('.') + 1));
            labels.add(label);
            HBox item = new HBox(swatch, label);
            item.getStyleClass().add("legend-item");
            getChildren().add(item);
        }
        palette.addListener((obs, was, now) -> paint());
        paint();
    }

    /** Follows {@code prices}: each free seat type's name with its price beside it, as given (already formatted). */
    public void showPrices(ObservableValue<Map<SeatType, String>> prices) {
        prices.addListener((obs, was, now) -> label(now));
        label(prices.getValue());
    }

    private void label(Map<SeatType, String> prices) {
        for (int i = 0; i < ENTRIES.size(); i++) {
            Entry entry = ENTRIES.get(i);
            String name = messages.get(entry.key());
            String price = entry.state() == SeatState.AVAILABLE && prices != null ? prices.get(entry.type()) : null;
            labels.get(i).setText(price == null ? name : messages.get("seatmap.legend.priced", name, price));
        }
    }

    private void paint() {
        for (Canvas swatch : swatches) {
            Entry entry = (Entry) swatch.getUserData();
            swatch.getGraphicsContext2D().clearRect(0, 0, size, size);
            SeatPainter.paintSeat(
                    swatch.getGraphicsContext2D(), 0, 0, size, entry.type(), entry.state(), 0, palette.get());
        }
    }
}
