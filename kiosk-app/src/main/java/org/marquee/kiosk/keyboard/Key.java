package org.marquee.kiosk.keyboard;

/**
 * One key of the on-screen keyboard: what it shows and what it does. {@code TYPE} inserts {@code text} at the caret
 * (replacing a selection); {@code BACKSPACE} deletes the selection or the character before the caret; {@code ENTER}
 * does the field's action (send, find).
 */
public record Key(String label, String text, Kind kind) {

    /** What a key does. */
    public enum Kind {
        TYPE,
        BACKSPACE,
        ENTER
    }

    /** A key that types its own label ("a", "@", ".com"). */
    public static Key typing(String text) {
        return new Key(text, text, Kind.TYPE);
    }

    /** True for the wide keys: more than one character, or an action. */
    public boolean wide() {
        return kind != Kind.TYPE || text.length() > 1;
    }
}
