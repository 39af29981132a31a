package org.marquee.model;

import java.util.List;
import java.util.UUID;

/** Body of {@code POST /orders}: a ticket type for every seat of an active hold, and an optional e-mail. */
public record CreateOrderRequest(UUID holdId, List<TicketRequest> tickets, String email) {}
