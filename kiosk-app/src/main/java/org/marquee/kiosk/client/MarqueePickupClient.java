package org.marquee.kiosk.client;

import okhttp3.HttpUrl;
import okhttp3.Request;
import org.marquee.model.OrderView;
import org.marquee.model.SendTicketsRequest;

/** {@link TicketPickup} over HTTP, on the connection and token of the {@link MarqueeClient} that made it. */
public final class MarqueePickupClient implements TicketPickup {

    private final MarqueeClient client;

    MarqueePickupClient(MarqueeClient client) {
        this.client = client;
    }

    @Override
    public OrderView find(String code, String email) {
        return client.findOrder(code, email);
    }

    @Override
    public byte[] ticketsPdf(String code, String email) {
        HttpUrl url = client.url("orders/" + code + "/tickets.pdf")
                .newBuilder()
                .addQueryParameter("email", email.strip())
                .build();
        return client.bytes(new Request.Builder().url(url).get());
    }

    @Override
    public OrderView emailTickets(String code, String email) {
        return client.post("orders/" + code + "/email", new SendTicketsRequest(email.strip()), OrderView.class);
    }
}
