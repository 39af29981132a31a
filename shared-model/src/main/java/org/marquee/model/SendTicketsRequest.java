package org.marquee.model;

/** Body of {@code POST /orders/{id}/email}: where to send a paid order's tickets. */
public record SendTicketsRequest(String email) {}
