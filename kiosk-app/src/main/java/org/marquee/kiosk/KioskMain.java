package org.marquee.kiosk;

/**
 * Entry point of the kiosk application. The JavaFX screens are not built yet; until they are, this says so plainly
 * instead of pretending to start.
 */
public final class KioskMain {

    private KioskMain() {}

    public static void main(String[] args) {
        System.err.println("The Marquee kiosk application is not part of this build yet."
                + " Run './marquee server --demo-data' and use the HTTP API (see docs/API.md).");
        System.exit(2);
    }
}
