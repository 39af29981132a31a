package org.marquee.kiosk.counter;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.marquee.kiosk.core.Navigator;
import org.marquee.kiosk.core.Screen;

/**
 * The counter's global keys, the same on every screen (docs/KIOSK.md, "Keyboard"): F2 a new sale (showtimes), F3 find
 * an order, F6 open the cash shift, F7 close it, Ctrl+Shift+L sign out. They work only while a clerk is signed in, so
 * nothing gets past the login; on an admin terminal only the shift and sign-out keys do. Keys
 * within a screen (Enter, Escape, Alt+letter) belong to that screen.
 */
public final class CounterShortcuts {

    public static final KeyCombination NEW_SALE = new KeyCodeCombination(KeyCode.F2);
    public static final KeyCombination FIND_ORDER = new KeyCodeCombination(KeyCode.F3);
    public static final KeyCombination OPEN_SHIFT = new KeyCodeCombination(KeyCode.F6);
    public static final KeyCombination CLOSE_SHIFT = new KeyCodeCombination(KeyCode.F7);
    public static final KeyCombination SIGN_OUT =
            new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    private CounterShortcuts() {}

    /** Adds the counter's keys to the window's scene; call once, in counter mode. */
    public static void install(Scene scene, Navigator navigator, CounterSession session) {
        scene.getAccelerators().putAll(map(navigator, session));
    }

    static Map<KeyCombination, Runnable> map(Navigator navigator, CounterSession session) {
        Map<KeyCombination, Runnable> keys = new LinkedHashMap<>();
        keys.put(NEW_SALE, () -> {
            if (session.isSignedIn() && !session.managersOnly()) {
                navigator.go(Screen.SHOWTIMES);
            }
        });
        keys.put(FIND_ORDER, () -> {
            if (session.isSignedIn() && !session.managersOnly()) {
                navigator.go(Screen.LOOKUP);
            }
        });
        // each key only in the state its button is shown in: F6 while no shift is open, F7 while one is
        keys.put(OPEN_SHIFT, () -> {
            if (session.shift() != null && !session.shift().isOpen()) {
                session.showShift();
            }
        });
        keys.put(CLOSE_SHIFT, () -> {
            if (session.shift() != null && session.shift().isOpen()) {
                session.showShift();
            }
        });
        keys.put(SIGN_OUT, session::signOut);
        return keys;
    }
}
