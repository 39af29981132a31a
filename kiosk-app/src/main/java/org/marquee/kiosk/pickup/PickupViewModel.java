package org.marquee.kiosk.pickup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.kiosk.client.TicketPickup;
import org.marquee.kiosk.core.EmailAddress;
import org.marquee.kiosk.core.Navigator;
import org.marquee.kiosk.core.ProblemTexts;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.core.TicketOutput;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.model.ErrorCode;
import org.marquee.model.OrderStatus;
import org.marquee.model.OrderView;
import org.marquee.model.SeatIds;
import org.marquee.model.TicketView;

/**
 * Picking tickets up at a kiosk: the customer types the booking code and the e-mail, sees the order (movie, start,
 * auditorium, seats, status) and prints the tickets again or has them mailed again. A wrong code or e-mail gets one
 * message that does not say which of the two was wrong; a terminal the server slows down after too many misses says
 * how long to wait, counting down ({@link #tick()}); an order that was refunded, cancelled or never paid says so and
 * offers nothing to print.
 */
public final class PickupViewModel {

    /** What a person may type as a booking code once spaces and dashes are gone: the server's own shape. */
    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{6}");

    /** The wait shown when the server slows the terminal down without saying for how long. */
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);

    private final TicketPickup desk;
    private final TicketOutput output;
    private final ShowtimeLookup showtimes;
    private final Tasks tasks;
    private final Navigator navigator;
    private final Messages messages;
    private final Clock clock;

    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty email = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<PickedOrder> order = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper printStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper emailStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper waiting = new ReadOnlyBooleanWrapper(false);

    private final BooleanBinding canFind;
    private final BooleanBinding canDeliver;

    /** When the server lets this terminal try again; null while it is not slowed down. */
    private Instant waitUntil;

    public PickupViewModel(
            TicketPickup desk,
            TicketOutput output,
            ShowtimeLookup showtimes,
            Tasks tasks,
            Navigator navigator,
            Messages messages,
            Clock clock) {
        this.desk = desk;
        this.output = output;
        this.showtimes = showtimes;
        this.tasks = tasks;
        this.navigator = navigator;
        this.messages = messages;
        this.clock = clock;
        this.canFind = Bindings.createBooleanBinding(
                () -> !working.get()
                        && !waiting.get()
                        && !code.get().isBlank()
                        && !email.get().isBlank(),
                working,
                waiting,
                code,
                email);
        this.canDeliver = Bindings.createBooleanBinding(
                () -> !working.get()
                        && !waiting.get()
                        && order.get() != null
                        && order.get().paid(),
                working,
                waiting,
                order);
    }

    /** Looks the order up by the typed code and e-mail, as a person types them (any case, spaces, dashes). */
    public void find() {
        if (!canFind.get()) {
            return;
        }
        String typedCode = normalizedCode();
        String typedEmail = email.get().strip();
        order.set(null);
        clearStatus();
        if (!CODE.matcher(typedCode).matches()) {
            error.set(messages.get("pickup.error.code"));
            return;
        }
        if (!EmailAddress.looksValid(typedEmail)) {
            error.set(messages.get("pickup.error.email"));
            return;
        }
        working.set(true);
        tasks.run(
                () -> picked(desk.find(typedCode, typedEmail), typedEmail),
                found -> {
                    order.set(found);
                    working.set(false);
                },
                problem -> {
                    error.set(describe(problem));
                    working.set(false);
                });
    }

    /** Prints the tickets of the order shown again, or saves them where the kiosk has no printer. */
    public void print() {
        PickedOrder shown = order.get();
        if (!canDeliver.get()) {
            return;
        }
        working.set(true);
        clearStatus();
        printStatus.set(messages.get("pickup.print.working"));
        tasks.run(
                () -> output.print(shown.code(), desk.ticketsPdf(shown.code(), shown.email())),
                result -> {
                    printStatus.set(
                            switch (result) {
                                case TicketOutput.Result.Printed printed ->
                                    messages.get("pickup.print.printed", printed.printer());
                                // a customer at a kiosk without a printer: where to get the tickets, not a file
                                case TicketOutput.Result.Saved saved -> messages.get("pickup.print.noPrinter");
                                case TicketOutput.Result.Failed failed ->
                                    messages.get("pickup.print.failed", failed.reason());
                            });
                    working.set(false);
                },
                problem -> {
                    printStatus.set("");
                    error.set(describe(problem));
                    working.set(false);
                });
    }

    /** Sends the tickets of the order shown again, to the e-mail they were booked with. */
    public void sendEmail() {
        PickedOrder shown = order.get();
        if (!canDeliver.get()) {
            return;
        }
        working.set(true);
        clearStatus();
        tasks.run(
                () -> desk.emailTickets(shown.code(), shown.email()),
                sent -> {
                    emailStatus.set(messages.get("pickup.email.sent", shown.email()));
                    working.set(false);
                },
                problem -> {
                    error.set(describe(problem));
                    working.set(false);
                });
    }

    /** Back to the start (the showtimes); nothing typed is kept. */
    public void back() {
        navigator.go(Screen.SHOWTIMES);
    }

    /** Counts the wait down while the server slows this terminal down; the view calls it every second. */
    public void tick() {
        if (waitUntil == null) {
            return;
        }
        long left = secondsLeft();
        if (left <= 0) {
            waitUntil = null;
            waiting.set(false);
            error.set(messages.get("pickup.waitOver"));
        } else {
            error.set(messages.get("pickup.error.wait", left));
        }
    }

    private String describe(ApiProblem problem) {
        if (problem.code() == ErrorCode.NOT_FOUND) {
            // the same words for a wrong code and a wrong e-mail: the screen must not tell a guesser which was right
            return messages.get("pickup.error.notFound");
        }
        if (problem.code() == ErrorCode.RATE_LIMITED) {
            long seconds = problem.retryAfterSeconds() > 0 ? problem.retryAfterSeconds() : DEFAULT_WAIT.toSeconds();
            waitUntil = clock.instant().plusSeconds(seconds);
            waiting.set(true);
            return messages.get("pickup.error.wait", seconds);
        }
        return ProblemTexts.of(problem, messages);
    }

    private long secondsLeft() {
        long millis = Duration.between(clock.instant(), waitUntil).toMillis();
        return millis <= 0 ? 0 : (millis + 999) / 1000;
    }

    /** The order in words for the screen, made off the FX thread (naming the showtime reads the catalog cache). */
    private PickedOrder picked(OrderView found, String typedEmail) {
        String showtime;
        try {
            showtime = showtimes.describe(found.showtimeId()).orElse(null);
        } catch (RuntimeException e) {
            showtime = null; // the number will do
        }
        String seats = found.tickets().stream()
                .sorted(Comparator.comparing(TicketView::seatId, SeatIds.READING_ORDER))
                .map(ticket -> messages.get("pickup.seat", ticket.row(), ticket.number()))
                .collect(Collectors.joining(", "));
        boolean paid = found.status() == OrderStatus.PAID;
        return new PickedOrder(
                found.code(),
                typedEmail,
                showtime == null || showtime.isBlank()
                        ? messages.get("pickup.showtimeNumber", Long.toString(found.showtimeId()))
                        : showtime,
                messages.get("pickup.ticketCount", found.tickets().size()) + " · " + seats,
                messages.get("pickup.status." + found.status()),
                paid ? "" : messages.get("pickup.noTickets." + found.status()),
                paid);
    }

    private void clearStatus() {
        error.set(waiting.get() ? error.get() : "");
        printStatus.set("");
        emailStatus.set("");
    }

    private String normalizedCode() {
        return code.get().replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    /** The booking code as typed; the view binds its field to it both ways. */
    public StringProperty codeProperty() {
        return code;
    }

    /** The e-mail as typed; the view binds its field to it both ways. */
    public StringProperty emailProperty() {
        return email;
    }

    /** The order found, in words; null before one is found. */
    public ReadOnlyObjectProperty<PickedOrder> orderProperty() {
        return order.getReadOnlyProperty();
    }

    /** The one message about what went wrong, or how long to wait; empty when nothing did. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Where the tickets went ("Sent to the printer…"), or empty. */
    public ReadOnlyStringProperty printStatusProperty() {
        return printStatus.getReadOnlyProperty();
    }

    /** "The tickets are on their way to …", or empty. */
    public ReadOnlyStringProperty emailStatusProperty() {
        return emailStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    /** True while the server slows this terminal down: nothing may be looked up until the wait is over. */
    public ReadOnlyBooleanProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    public BooleanBinding canFindProperty() {
        return canFind;
    }

    /** True while a paid order is shown and nothing else is going on: its tickets may be printed or mailed. */
    public BooleanBinding canDeliverProperty() {
        return canDeliver;
    }

    /** Names a showtime by its id ("Orbit of Ashes · Sala 1 · Sun 22 Nov, 19:00"). Blocking: off the FX thread. */
    @FunctionalInterface
    public interface ShowtimeLookup {

        Optional<String> describe(long showtimeId);
    }
}
