package org.marquee.kiosk.settings;

/**
 * How this terminal is used: a clerk at a counter, customers at a self-service kiosk, managers, or a door scanner
 * (DESIGN §9, a SCANNER terminal).
 */
public enum Mode {
    COUNTER,
    KIOSK,
    ADMIN,
    SCANNER
}
