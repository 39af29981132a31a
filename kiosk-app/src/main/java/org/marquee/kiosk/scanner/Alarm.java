package org.marquee.kiosk.scanner;

/** Makes a sound the usher hears when a ticket is refused, even looking away from the screen. */
@FunctionalInterface
public interface Alarm {

    void sound();

    /** No sound: for tests and for terminals without audio. */
    Alarm SILENT = () -> {};
}
