package org.marquee.kiosk.seatdrawing;

import javafx.scene.paint.Color;
import org.marquee.model.SeatType;

/**
 * The seat map's colours: a fill per seat type (free seats) and per status, the colour of the mark drawn on each, and
 * the ring around a seat someone else has just taken.
 * Status is never told by colour alone: every status has its own mark (tick, stripes, cross, bar).
 */
public record SeatPalette(
        Color background,
        Color label,
        Color screen,
        Color screenLabel,
        Color standard,
        Color premium,
        Color wheelchair,
        Color companion,
        Color mine,
        Color held,
        Color sold,
        Color blocked,
        Color onAvailable,
        Color onMine,
        Color onHeld,
        Color onSold,
        Color onBlocked,
        Color justTaken) {

    /** The everyday colours, on a light background. */
    public static SeatPalette regular() {
        return new SeatPalette(
                Color.web("#faf7f2"),
                Color.web("#3f4654"),
                Color.web("#8b93a1"),
                Color.web("#ffffff"),
                Color.web("#4a7fb8"),
                Color.web("#a8741a"),
                Color.web("#1c4fa8"),
                Color.web("#218b80"),
                Color.web("#178a45"),
                Color.web("#d3d7de"),
                Color.web("#6b7280"),
                Color.web("#2b2f36"),
                Color.web("#ffffff"),
                Color.web("#ffffff"),
                Color.web("#4b5260"),
                Color.web("#ffffff"),
                Color.web("#aab1bd"),
                Color.web("#e8590c"));
    }

    /** For the high-contrast mode: pure colours on black, white marks. */
    public static SeatPalette highContrast() {
        return new SeatPalette(
                Color.BLACK,
                Color.WHITE,
                Color.WHITE,
                Color.BLACK,
                Color.WHITE,
                Color.web("#ffd700"),
                Color.web("#00bfff"),
                Color.web("#40e0d0"),
                Color.web("#00ff00"),
                Color.BLACK,
                Color.web("#505050"),
                Color.BLACK,
                Color.BLACK,
                Color.BLACK,
                Color.WHITE,
                Color.WHITE,
                Color.web("#a0a0a0"),
                Color.web("#ff00ff"));
    }

    public Color typeColor(SeatType type) {
        return switch (type) {
            case STANDARD -> standard;
            case PREMIUM -> premium;
            case WHEELCHAIR -> wheelchair;
            case COMPANION -> companion;
        };
    }

    public Color fill(SeatType type, SeatState state) {
        return switch (state) {
            case AVAILABLE -> typeColor(type);
            case MINE -> mine;
            case HELD -> held;
            case SOLD -> sold;
            case BLOCKED -> blocked;
        };
    }

    public Color mark(SeatState state) {
        return switch (state) {
            case AVAILABLE -> onAvailable;
            case MINE -> onMine;
            case HELD -> onHeld;
            case SOLD -> onSold;
            case BLOCKED -> onBlocked;
        };
    }
}
