package org.marquee.kiosk.keyboard;

/**
 * What a key does to a field's text: plain string work, so it is tested without the FX toolkit. A selection (from
 * {@code anchor} to {@code caret}, either way round) is replaced by what is typed, or deleted by Backspace.
 */
public final class Keystrokes {

    /** The field's text and caret after a key. */
    public record Edit(String text, int caret) {}

    private Keystrokes() {}

    /** The text after {@code key}; Enter changes nothing (the field's action runs instead). */
    public static Edit press(Key key, String text, int caret, int anchor) {
        String current = text == null ? "" : text;
        int start = clamp(Math.min(caret, anchor), current);
        int end = clamp(Math.max(caret, anchor), current);
        return switch (key.kind()) {
            case TYPE ->
                new Edit(
                        current.substring(0, start) + key.text() + current.substring(end),
                        start + key.text().length());
            case BACKSPACE -> {
                if (start != end) {
                    yield new Edit(current.substring(0, start) + current.substring(end), start);
                }
                if (start == 0) {
                    yield new Edit(current, 0);
                }
                // never half of a character outside the basic plane
                int before = current.offsetByCodePoints(start, -1);
                yield new Edit(current.substring(0, before) + current.substring(start), before);
            }
            case ENTER -> new Edit(current, end);
        };
    }

    private static int clamp(int position, String text) {
        return Math.max(0, Math.min(position, text.length()));
    }
}
