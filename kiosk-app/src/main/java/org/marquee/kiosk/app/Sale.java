package org.marquee.kiosk.app;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.marquee.model.HoldView;
import org.marquee.model.OrderView;
import org.marquee.model.PaymentResult;
import org.marquee.model.ShowtimeListing;

/**
 * The sale in progress on this terminal, shared by the screens it passes through: the showtime chosen, the hold on
 * its seats, the order, and the payment's result.
 */
public final class Sale {

    private final ObjectProperty<ShowtimeListing> showtime = new SimpleObjectProperty<>();
    private final ObjectProperty<Long> theaterId = new SimpleObjectProperty<>();
    private final ObjectProperty<HoldView> hold = new SimpleObjectProperty<>();
    private final ObjectProperty<OrderView> order = new SimpleObjectProperty<>();
    private final ObjectProperty<PaymentResult> payment = new SimpleObjectProperty<>();

    public ObjectProperty<ShowtimeListing> showtimeProperty() {
        return showtime;
    }

    public ObjectProperty<Long> theaterIdProperty() {
        return theaterId;
    }

    public ObjectProperty<HoldView> holdProperty() {
        return hold;
    }

    public ObjectProperty<OrderView> orderProperty() {
        return order;
    }

    public ObjectProperty<PaymentResult> paymentProperty() {
        return payment;
    }

    /** Forgets everything of this sale; the caller releases the hold on the server first if it still lives. */
    public void clear() {
        payment.set(null);
        order.set(null);
        hold.set(null);
        showtime.set(null);
    }
}
