package org.marquee.kiosk.settings;

/** How this terminal is used: a clerk at a counter, customers at a self-service kiosk, or managers. */
public enum Mode {
    COUNTER,
    KIOSK,
    ADMIN
}
