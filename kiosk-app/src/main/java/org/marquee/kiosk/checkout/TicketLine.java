package org.marquee.kiosk.checkout;

import java.util.Locale;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.marquee.kiosk.core.Money;
import org.marquee.model.SeatType;
import org.marquee.model.TicketType;
import org.marquee.model.TicketView;

/**
 * One held seat on the tickets screen: which seat, its kind, the ticket type chosen for it, and the price the server
 * gave it ({@code -1} until priced). Changed only by {@link TicketsViewModel}.
 */
public final class TicketLine {

    private final String seatId;
    private final ReadOnlyStringWrapper row = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper number = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<SeatType> seatType = new ReadOnlyObjectWrapper<>(SeatType.STANDARD);
    private final ReadOnlyObjectWrapper<TicketType> type;
    private final ReadOnlyLongWrapper priceMinor = new ReadOnlyLongWrapper(-1);
    private final ReadOnlyStringWrapper price = new ReadOnlyStringWrapper("");

    TicketLine(String seatId, TicketType type) {
        this.seatId = seatId;
        this.type = new ReadOnlyObjectWrapper<>(type);
    }

    public String seatId() {
        return seatId;
    }

    /** The seat's row; empty until the server has described the seat. */
    public ReadOnlyStringProperty rowProperty() {
        return row.getReadOnlyProperty();
    }

    /** The seat's number in its row; empty until the server has described the seat. */
    public ReadOnlyStringProperty numberProperty() {
        return number.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SeatType> seatTypeProperty() {
        return seatType.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TicketType> typeProperty() {
        return type.getReadOnlyProperty();
    }

    public TicketType type() {
        return type.get();
    }

    /** The ticket's price in minor units, or -1 while it is being priced. */
    public ReadOnlyLongProperty priceMinorProperty() {
        return priceMinor.getReadOnlyProperty();
    }

    /** The ticket's price as a person reads it ("€15.50"); empty while it is being priced. */
    public ReadOnlyStringProperty priceProperty() {
        return price.getReadOnlyProperty();
    }

    void choose(TicketType chosen) {
        type.set(chosen);
        priceMinor.set(-1);
        price.set("");
    }

    /** Takes the server's description of this seat and, when it is for the type chosen, its price. */
    void priced(TicketView ticket, String currency, Locale locale) {
        row.set(ticket.row());
        number.set(Integer.toString(ticket.number()));
        seatType.set(ticket.seatType() == null ? SeatType.STANDARD : ticket.seatType());
        if (ticket.type() == type.get()) {
            priceMinor.set(ticket.priceMinor());
            price.set(Money.format(ticket.priceMinor(), currency, locale));
        }
    }
}
