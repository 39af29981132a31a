package org.marquee.kiosk.layouteditor;

import org.marquee.model.SeatType;

/**
 * What one cell of a layout can be, with its letter in the {@code SeatLayout} notation and the key that paints it.
 * {@link #OUT_OF_SERVICE} is a standard seat that cannot be sold ({@code X}); {@link #GAP} is no seat: an aisle.
 */
public enum CellKind {
    STANDARD('S', SeatType.STANDARD),
    PREMIUM('P', SeatType.PREMIUM),
    WHEELCHAIR('W', SeatType.WHEELCHAIR),
    COMPANION('C', SeatType.COMPANION),
    OUT_OF_SERVICE('X', SeatType.STANDARD),
    GAP('.', null);

    private final char letter;
    private final SeatType seatType;

    CellKind(char letter, SeatType seatType) {
        this.letter = letter;
        this.seatType = seatType;
    }

    /** The character in the layout notation, which is also the key that paints it ("." or G for a gap). */
    public char letter() {
        return letter;
    }

    /** The seat type drawn for this cell; null for a gap. */
    public SeatType seatType() {
        return seatType;
    }

    public boolean isSeat() {
        return this != GAP;
    }

    /** The kind written as {@code letter}, or null for a character the notation does not know. */
    public static CellKind of(char letter) {
        for (CellKind kind : values()) {
            if (kind.letter == letter) {
                return kind;
            }
        }
        return null;
    }

    /** The kind a key paints: its letter, G or space for a gap; null for any other key. */
    public static CellKind forKey(String key) {
        if (key == null || key.length() != 1) {
            return null;
        }
        char c = Character.toUpperCase(key.charAt(0));
        if (c == 'G' || c == ' ') {
            return GAP;
        }
        return of(c);
    }
}
