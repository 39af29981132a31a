package org.marquee.model;

/** Body of {@code POST /admin/terminals}. */
public record TerminalRequest(String name, TerminalKind kind, Long theaterId) {}
