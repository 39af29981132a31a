package org.marquee.kiosk.core;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** Which screen is shown. View-models move it; the window shows whatever it says. */
public final class Navigator {

    private final ReadOnlyObjectWrapper<Screen> current = new ReadOnlyObjectWrapper<>(Screen.SHOWTIMES);

    public void go(Screen screen) {
        current.set(screen);
    }

    public Screen current() {
        return current.get();
    }

    public ReadOnlyObjectProperty<Screen> currentProperty() {
        return current.getReadOnlyProperty();
    }
}
