package org.marquee.model;

/** The kind of device a terminal token belongs to. */
public enum TerminalKind {
    KIOSK,
    COUNTER,
    SCANNER
}
