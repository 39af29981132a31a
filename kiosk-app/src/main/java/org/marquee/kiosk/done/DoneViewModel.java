package org.marquee.kiosk.done;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.marquee.kiosk.client.TicketDelivery;
import org.marquee.kiosk.core.EmailAddress;
import org.marquee.kiosk.core.Money;
import org.marquee.kiosk.core.Navigator;
import org.marquee.kiosk.core.ProblemTexts;
import org.marquee.kiosk.core.SaleSession;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.core.ShowtimeText;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.core.TicketOutput;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.settings.Mode;
import org.marquee.model.OrderView;
import org.marquee.model.PaymentResult;
import org.marquee.model.SeatIds;
import org.marquee.model.TicketView;

/**
 * The end of a sale: the booking code, the change for cash, printing the tickets (or saving them where there is no
 * printer; by itself as the screen opens where the terminal prints after payment), sending them by e-mail, and a new
 * sale. A kiosk speaks to its customer ("Thank you! Enjoy the film.", "Done"), a counter to its clerk ("Sale
 * complete", "New sale").
 */
public final class DoneViewModel {

    private final TicketDelivery client;
    private final Tasks tasks;
    private final Navigator navigator;
    private final SaleSession sale;
    private final Messages messages;
    private final Mode mode;
    private final TicketOutput output;
    private final ZoneId zone;
    private final boolean autoPrint;

    private final ReadOnlyStringWrapper code = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper seats = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper change = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper printStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper printFailed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper printing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper emailStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper emailFailed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper sending = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canSend = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper paid = new ReadOnlyBooleanWrapper(false);
    private final StringProperty email = new SimpleStringProperty("");

    private PaymentResult payment;

    public DoneViewModel(
            TicketDelivery client,
            Tasks tasks,
            Navigator navigator,
            SaleSession sale,
            Messages messages,
            Mode mode,
            TicketOutput output,
            ZoneId zone) {
        this(client, tasks, navigator, sale, messages, mode, output, zone, false);
    }

    /** @param autoPrint print the tickets as soon as the screen shows a paid sale (the terminal's setting) */
    public DoneViewModel(
            TicketDelivery client,
            Tasks tasks,
            Navigator navigator,
            SaleSession sale,
            Messages messages,
            Mode mode,
            TicketOutput output,
            ZoneId zone,
            boolean autoPrint) {
        this.autoPrint = autoPrint;
        this.client = client;
        this.tasks = tasks;
        this.navigator = navigator;
        this.sale = sale;
        this.messages = messages;
        this.mode = mode;
        this.output = output;
        this.zone = zone;
        email.addListener((obs, old, typed) -> update());
    }

    /** Shows the paid sale. Call once when the screen is shown. */
    public void start() {
        payment = sale.paymentProperty().get();
        paid.set(payment != null);
        if (payment == null) {
            code.set("");
            summary.set(messages.get("done.nothingPaid"));
            update();
            return;
        }
        code.set(payment.code());
        String showtime = ShowtimeText.describe(sale.showtimeProperty().get(), messages, zone);
        String count = messages.get("done.ticketCount", payment.tickets().size());
        summary.set(showtime.isEmpty() ? count : count + " · " + showtime);
        seats.set(payment.tickets().stream()
                .sorted(Comparator.comparing(TicketView::seatId, SeatIds.READING_ORDER))
                .map(ticket -> messages.get("done.seat", ticket.row(), ticket.number()))
                .collect(Collectors.joining(", ")));
        Long due = payment.changeMinor();
        change.set(
                due == null
                        ? ""
                        : messages.get("done.change", Money.format(due, payment.currency(), messages.locale())));
        OrderView order = sale.orderProperty().get();
        if (order != null && order.email() != null && !order.email().isBlank()) {
            email.set(order.email());
            emailStatus.set(messages.get("done.email.onOrder", order.email()));
        }
        update();
        if (autoPrint) {
            print();
        }
    }

    /** The screen's heading: thanks for a customer at a kiosk, a plain "Sale complete" for a clerk. */
    public String title() {
        return messages.get(mode == Mode.KIOSK ? "done.title" : "done.title.counter");
    }

    /** The last button: "Done" for a customer, "New sale" for a clerk. */
    public String finishLabel() {
        return messages.get(mode == Mode.KIOSK ? "done.finish" : "done.newSale");
    }

    /** True when the tickets go to the printer by themselves: the screen need not ask for them. */
    public boolean printsByItself() {
        return autoPrint;
    }

    /** Fetches the tickets' PDF and prints it, or saves it where there is no printer. */
    public void print() {
        if (payment == null || printing.get()) {
            return;
        }
        UUID orderId = payment.orderId();
        String bookingCode = payment.code();
        printing.set(true);
        printFailed.set(false);
        printStatus.set(messages.get("done.print.working"));
        tasks.run(
                () -> output.print(bookingCode, client.ticketsPdf(orderId)),
                result -> {
                    printing.set(false);
                    switch (result) {
                        case TicketOutput.Result.Printed printed ->
                            printStatus.set(messages.get("done.print.printed", printed.printer()));
                        case TicketOutput.Result.Saved saved ->
                            // a clerk may fetch the file; a customer is told where to get the tickets instead
                            printStatus.set(
                                    mode == Mode.KIOSK
                                            ? messages.get("done.print.noPrinter")
                                            : messages.get(
                                                    "done.print.saved",
                                                    saved.file().toString()));
                        case TicketOutput.Result.Failed failed -> {
                            printFailed.set(true);
                            printStatus.set(messages.get("done.print.failed", failed.reason()));
                        }
                    }
                },
                problem -> {
                    printing.set(false);
                    printFailed.set(true);
                    printStatus.set(ProblemTexts.of(problem, messages));
                });
    }

    /** Sends the tickets to the typed address. */
    public void sendEmail() {
        if (!canSend.get()) {
            return;
        }
        UUID orderId = payment.orderId();
        String address = email.get().strip();
        sending.set(true);
        emailFailed.set(false);
        emailStatus.set("");
        update();
        tasks.run(
                () -> client.emailTickets(orderId, address),
                order -> {
                    sending.set(false);
                    emailStatus.set(messages.get("done.email.sent", address));
                    update();
                },
                problem -> {
                    sending.set(false);
                    emailFailed.set(true);
                    emailStatus.set(ProblemTexts.of(problem, messages));
                    update();
                });
    }

    /** Forgets this sale and goes to the first screen of the next one. */
    public void newSale() {
        sale.startOver();
        navigator.go(Screen.SHOWTIMES);
    }

    private void update() {
        canSend.set(payment != null && !sending.get() && EmailAddress.looksValid(email.get()));
    }

    /** The booking code, to show big. */
    public ReadOnlyStringProperty codeProperty() {
        return code.getReadOnlyProperty();
    }

    /** "2 tickets · Orbit of Ashes · Sala 1 · Sun 22 Nov, 19:00". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The seats sold: "Row F seat 7, Row J seat 5". */
    public ReadOnlyStringProperty seatsProperty() {
        return seats.getReadOnlyProperty();
    }

    /** "Change: €28.00" after cash, as the server worked it out; empty after a card. */
    public ReadOnlyStringProperty changeProperty() {
        return change.getReadOnlyProperty();
    }

    /** Where the tickets went, or why they did not. */
    public ReadOnlyStringProperty printStatusProperty() {
        return printStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty printFailedProperty() {
        return printFailed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty printingProperty() {
        return printing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty emailStatusProperty() {
        return emailStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty emailFailedProperty() {
        return emailFailed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sendingProperty() {
        return sending.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canSendProperty() {
        return canSend.getReadOnlyProperty();
    }

    /** False when there is no paid sale to show (the screen was reached by mistake). */
    public ReadOnlyBooleanProperty paidProperty() {
        return paid.getReadOnlyProperty();
    }

    /** The address to send the tickets to: the view binds its field to it. */
    public StringProperty emailProperty() {
        return email;
    }

    public Mode mode() {
        return mode;
    }
}
