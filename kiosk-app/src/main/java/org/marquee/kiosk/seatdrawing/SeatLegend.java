package org.marquee.kiosk.seatdrawing;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.model.SeatType;

/** The key to the seat map: each seat type as a free seat, then each status, drawn exactly as the map draws them. */
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
    private final ObjectProperty<SeatPalette> palette;
    private final double size;

    public SeatLegend(Messages messages, ObjectProperty<SeatPalette> palette, double size) {
        this.palette = palette;
        this.size = size;
        getStyleClass().add("seat-legend");
        for (Entry entry : ENTRIES) {
            Canvas swatch = new Canvas(size, size);
            swatch.setUserData(entry);
            swatches.add(swatch);
            Label label = new Label(messages.get(entry.key()));
            label.getStyleClass().add("legend-label");
            HBox item = new HBox(swatch, label);
            item.getStyleClass().add("legend-item");
            getChildren().add(item);
        }
        palette.addListener((obs, was, now) -> paint());
        paint();
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
