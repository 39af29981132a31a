package org.marquee.kiosk.keyboard;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of keys for one kind of field. An e-mail address needs letters, digits, "@", ".", "-", "_" and, for the
 * commonest endings, a ".com" key; a booking code needs capital letters and digits only. Backspace and Enter are on
 * every layout; their labels come from the screen, in its language.
 */
public record KeyboardLayout(List<List<Key>> rows) {

    public KeyboardLayout {
        rows = rows.stream().map(List::copyOf).toList();
    }

    /** Letters, digits and what addresses are made of, with "@" and ".com" keys. */
    public static KeyboardLayout email(String backspace, String enter) {
        return new KeyboardLayout(List.of(
                typing("1234567890"),
                typing("qwertyuiop"),
                typing("asdfghjkl"),
                withActions(typing("zxcvbnm"), backspace, null),
                withActions(
                        List.of(
                                Key.typing("@"),
                                Key.typing("."),
                                Key.typing("-"),
                                Key.typing("_"),
                                Key.typing(".com"),
                                Key.typing(".es")),
                        null,
                        enter)));
    }

    /** Capital letters and digits, for a booking code. */
    public static KeyboardLayout code(String backspace, String enter) {
        return new KeyboardLayout(List.of(
                typing("1234567890"),
                typing("QWERTYUIOP"),
                typing("ASDFGHJKL"),
                withActions(typing("ZXCVBNM"), backspace, enter)));
    }

    /** Every key, row by row. */
    public List<Key> keys() {
        return rows.stream().flatMap(List::stream).toList();
    }

    private static List<Key> typing(String characters) {
        return characters
                .chars()
                .mapToObj(c -> Key.typing(Character.toString(c)))
                .toList();
    }

    private static List<Key> withActions(List<Key> keys, String backspace, String enter) {
        List<Key> row = new ArrayList<>(keys);
        if (backspace != null) {
            row.add(new Key(backspace, "", Key.Kind.BACKSPACE));
        }
        if (enter != null) {
            row.add(new Key(enter, "", Key.Kind.ENTER));
        }
        return row;
    }
}
