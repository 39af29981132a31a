package org.marquee.kiosk.seatdrawing;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.marquee.model.SeatType;

/**
 * Draws one seat into its square cell, clearing the cell first so that a single seat can be redrawn alone. The type
 * shows in the outline (and, on a free seat, in its fill and symbol: wheelchair, companion ring, premium band); the
 * status in the fill and a mark.
 */
public final class SeatPainter {

    /** Seat numbers are drawn on cells at least this large; smaller ones would be unreadable anyway. */
    private static final double NUMBER_MIN_CELL = 26;

    private SeatPainter() {}

    static void paint(
            GraphicsContext g,
            double x,
            double y,
            double cell,
            SeatType type,
            SeatState state,
            int number,
            SeatPalette palette) {
        g.setFill(palette.background());
        g.fillRect(x, y, cell, cell);
        paintSeat(g, x, y, cell, type, state, number, palette);
    }

    /** A ring around the cell: the seat someone else has just taken. Drawn over the seat, inside its cell. */
    static void paintJustTaken(GraphicsContext g, double x, double y, double cell, SeatPalette palette) {
        double line = Math.max(2, cell * 0.08);
        g.setStroke(palette.justTaken());
        g.setLineWidth(line);
        g.strokeRoundRect(x + line / 2, y + line / 2, cell - line, cell - line, cell * 0.4, cell * 0.4);
    }

    /** Draws the seat alone, over whatever is there: for swatches on another background. */
    public static void paintSeat(
            GraphicsContext g,
            double x,
            double y,
            double cell,
            SeatType type,
            SeatState state,
            int number,
            SeatPalette palette) {
        double pad = Math.max(1, Math.round(cell * 0.09));
        double size = cell - 2 * pad;
        double left = x + pad;
        double top = y + pad;
        double arc = size * 0.35;
        g.setFill(palette.fill(type, state));
        g.fillRoundRect(left, top, size, size, arc, arc);
        if (type == SeatType.PREMIUM) {
            // a seat back across the top: premium stays recognisable whatever its status
            g.setFill(palette.premium());
            g.fillRoundRect(left, top, size, size * 0.24, arc, arc);
        }
        double line = Math.max(1, size * 0.09);
        g.setLineWidth(line);
        g.setStroke(palette.typeColor(type));
        g.strokeRoundRect(left + line / 2, top + line / 2, size - line, size - line, arc, arc);

        Color mark = palette.mark(state);
        g.setStroke(mark);
        g.setFill(mark);
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineWidth(Math.max(1.2, size * 0.11));
        double cx = left + size / 2;
        double cy = top + size / 2;
        double r = size * 0.26;
        switch (state) {
            case AVAILABLE -> typeSymbol(g, type, cx, cy, size, number);
            case MINE -> {
                g.strokeLine(cx - r, cy, cx - r * 0.25, cy + r * 0.75);
                g.strokeLine(cx - r * 0.25, cy + r * 0.75, cx + r, cy - r * 0.7);
            }
            case HELD -> {
                g.strokeLine(cx - r, cy + r * 0.2, cx - r * 0.2, cy - r);
                g.strokeLine(cx - r * 0.2, cy + r, cx + r, cy - r * 0.2);
            }
            case SOLD -> {
                g.strokeLine(cx - r, cy - r, cx + r, cy + r);
                g.strokeLine(cx - r, cy + r, cx + r, cy - r);
            }
            case BLOCKED -> g.strokeLine(cx - r, cy, cx + r, cy);
        }
    }

    private static void typeSymbol(GraphicsContext g, SeatType type, double cx, double cy, double size, int number) {
        switch (type) {
            case WHEELCHAIR -> wheelchair(g, cx, cy, size);
            case COMPANION -> {
                double r = size * 0.2;
                g.setLineWidth(Math.max(1, size * 0.08));
                g.strokeOval(cx - r, cy - r, 2 * r, 2 * r);
            }
            case STANDARD, PREMIUM -> {
                if (size + 2 >= NUMBER_MIN_CELL && number > 0) {
                    g.setFont(Font.font("System", FontWeight.BOLD, Math.round(size * 0.36)));
                    g.setTextAlign(TextAlignment.CENTER);
                    g.setTextBaseline(VPos.CENTER);
                    g.fillText(Integer.toString(number), cx, cy + (type == SeatType.PREMIUM ? size * 0.1 : 0));
                }
            }
        }
    }

    /** The international symbol of access, simplified: head, back and seat, and the wheel. */
    private static void wheelchair(GraphicsContext g, double cx, double cy, double size) {
        double u = size / 10;
        g.setLineWidth(Math.max(1, u * 0.9));
        g.fillOval(cx - u * 0.9 - u * 0.8, cy - u * 3.6, u * 1.6, u * 1.6);
        g.strokeLine(cx - u * 0.9, cy - u * 1.8, cx - u * 0.6, cy + u * 0.6);
        g.strokeLine(cx - u * 0.6, cy + u * 0.6, cx + u * 1.6, cy + u * 0.6);
        g.strokeLine(cx + u * 1.6, cy + u * 0.6, cx + u * 2.6, cy + u * 2.6);
        g.strokeArc(cx - u * 2.8, cy - u * 0.6, u * 3.8, u * 3.8, 120, 250, ArcType.OPEN);
    }
}
