package org.marquee.kiosk.settings;

/** Who this terminal is, as the server last said: its name and the theater it stands in. */
public record TerminalIdentity(String name, long theaterId) {}
