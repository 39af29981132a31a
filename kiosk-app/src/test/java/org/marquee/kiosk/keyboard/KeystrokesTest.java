package org.marquee.kiosk.keyboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the on-screen keys do to a field's text, without the FX toolkit. */
class KeystrokesTest {

    private static final KeyboardLayout EMAIL = KeyboardLayout.email("Delete", "Send");

    private static Key key(String label) {
        return EMAIL.keys().stream()
                .filter(key -> key.label().equals(label))
                .findFirst()
                .orElseThrow();
    }

    /** Types the keys in turn at the end of the text, as taps would. */
    private static String tap(String text, String... labels) {
        String current = text;
        int caret = current.length();
        for (String label : labels) {
            Keystrokes.Edit edit = Keystrokes.press(key(label), current, caret, caret);
            current = edit.text();
            caret = edit.caret();
        }
        return current;
    }

    @Test
    void anAddressIsTypedWithTheAtAndDotComKeys() {
        assertThat(tap("", "a", "n", "a", "@", "e", "x", "a", "m", "p", "l", "e", ".com"))
                .isEqualTo("ana@example.com");
    }

    @Test
    void deleteTakesBackOneCharacterOrTheSelectionAndNothingAtTheStart() {
        assertThat(tap("ana@x.comm", "Delete")).isEqualTo("ana@x.com");
        assertThat(Keystrokes.press(key("Delete"), "ana@example.com", 4, 11))
                .as("a selection goes at once")
                .isEqualTo(new Keystrokes.Edit("ana@.com", 4));
        assertThat(Keystrokes.press(key("Delete"), "ana", 0, 0)).isEqualTo(new Keystrokes.Edit("ana", 0));
    }

    @Test
    void aKeyTypesAtTheCaretAndReplacesASelection() {
        assertThat(Keystrokes.press(key("n"), "aa@x.es", 1, 1)).isEqualTo(new Keystrokes.Edit("ana@x.es", 2));
        assertThat(Keystrokes.press(key(".com"), "ana@x.es", 8, 5)).isEqualTo(new Keystrokes.Edit("ana@x.com", 9));
    }

    @Test
    void enterChangesNoTextAndTheLayoutsHaveWhatTheirFieldsNeed() {
        assertThat(Keystrokes.press(key("Send"), "ana@x.es", 3, 3)).isEqualTo(new Keystrokes.Edit("ana@x.es", 3));
        assertThat(EMAIL.keys())
                .extracting(Key::label)
                .contains("@", ".", ".com", "-", "_", "0", "q", "Delete", "Send");
        KeyboardLayout code = KeyboardLayout.code("Borrar", "Buscar");
        assertThat(code.keys())
                .extracting(Key::label)
                .contains("A", "Z", "9", "Borrar", "Buscar")
                .doesNotContain("a", "@");
    }
}
