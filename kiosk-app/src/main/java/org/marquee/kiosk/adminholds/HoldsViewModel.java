package org.marquee.kiosk.adminholds;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.marquee.kiosk.client.LiveHoldAdmin;
import org.marquee.kiosk.client.TheaterAdmin;
import org.marquee.kiosk.core.FormErrors;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.core.TheaterChoice;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.model.LiveHold;

/**
 * Who holds seats now: the live holds of one theater or all, read again every {@link #REFRESH} while the screen
 * {@link #tick() ticks}, each counting down to its expiry. "Force release" asks for a reason, which the audit log
 * keeps; the released hold leaves the list at once.
 */
public final class HoldsViewModel {

    /** How often the list is read again while the screen is shown. */
    public static final Duration REFRESH = Duration.ofSeconds(5);

    static final List<String> FIELDS = List.of("reason");

    private final LiveHoldAdmin admin;
    private final TheaterAdmin theaterAdmin;
    private final Tasks tasks;
    private final Messages messages;
    private final Clock clock;
    private final DateTimeFormatter time;

    private final ObservableList<TheaterChoice> theaters = FXCollections.observableArrayList();
    private final ObjectProperty<TheaterChoice> theater = new SimpleObjectProperty<>();
    private final ObservableList<LiveHold> holds = FXCollections.observableArrayList();
    private final ObservableList<TheaterChoice> theatersShown = FXCollections.unmodifiableObservableList(theaters);
    private final ObservableList<LiveHold> holdsShown = FXCollections.unmodifiableObservableList(holds);
    private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper updated = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<LiveHold> releasing = new ReadOnlyObjectWrapper<>();
    private final StringProperty reason = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper sending = new ReadOnlyBooleanWrapper(false);
    private final FormErrors releaseErrors = new FormErrors(FIELDS);

    private Instant lastRead;
    /** A read asked for while one was under way (another theater chosen): made when that one ends. */
    private boolean readAgain;

    public HoldsViewModel(LiveHoldAdmin admin, TheaterAdmin theaterAdmin, Tasks tasks, Messages messages, Clock clock) {
        this.admin = admin;
        this.theaterAdmin = theaterAdmin;
        this.tasks = tasks;
        this.messages = messages;
        this.clock = clock;
        // 24-hour times, as the showtimes and tickets show them
        this.time = DateTimeFormatter.ofPattern("HH:mm", messages.locale()).withZone(clock.getZone());
        now.set(clock.instant());
        theater.addListener((obs, before, chosen) -> {
            if (chosen != null && !Objects.equals(before, chosen)) {
                refresh();
            }
        });
    }

    /** Reads the theaters for the filter ("All theaters" chosen), then the holds. */
    public void load() {
        tasks.run(
                theaterAdmin::theaters,
                found -> {
                    theaters.setAll(TheaterChoice.of(messages.get("admin.holds.allTheaters"), found));
                    if (theater.get() == null) {
                        theater.set(theaters.getFirst());
                    } else {
                        refresh();
                    }
                },
                problem -> {
                    error.set(problem.offline() ? messages.get("admin.offline") : problem.getMessage());
                    refresh();
                });
    }

    /** Reads the live holds again now; one read at a time. */
    public void refresh() {
        if (working.get()) {
            readAgain = true;
            return;
        }
        working.set(true);
        readAgain = false;
        lastRead = clock.instant();
        Long theaterId = theater.get() == null ? null : theater.get().id();
        tasks.run(
                () -> admin.liveHolds(theaterId),
                found -> {
                    working.set(false);
                    if (readAgain) {
                        refresh(); // another theater was chosen meanwhile: these rows are not its
                        return;
                    }
                    holds.setAll(found);
                    error.set("");
                    Instant at = clock.instant();
                    now.set(at);
                    updated.set(messages.get("admin.holds.updated", time.format(at)));
                },
                problem -> {
                    working.set(false);
                    // the rows shown stay: they are what was last known, and "updated" says when that was
                    error.set(problem.offline() ? messages.get("admin.holds.offline") : problem.getMessage());
                    readAgainIfAsked();
                });
    }

    private void readAgainIfAsked() {
        if (readAgain) {
            refresh();
        }
    }

    /** The second hand: every countdown moves, and the list is read again once {@link #REFRESH} has passed. */
    public void tick() {
        Instant at = clock.instant();
        now.set(at);
        if (lastRead == null || !at.isBefore(lastRead.plus(REFRESH))) {
            refresh();
        }
    }

    /** Opens the force release of {@code hold}, which asks for a reason. */
    public void askRelease(LiveHold hold) {
        if (hold == null) {
            return;
        }
        releaseErrors.clear();
        notice.set("");
        reason.set("");
        releasing.set(hold);
    }

    /** Closes the force release without releasing anything. */
    public void cancelRelease() {
        releasing.set(null);
        releaseErrors.clear();
    }

    /** Releases the hold being asked about with the reason typed; a blank reason is refused before asking. */
    public void confirmRelease() {
        LiveHold hold = releasing.get();
        if (hold == null || sending.get()) {
            return;
        }
        releaseErrors.clear();
        String why = reason.get() == null ? "" : reason.get().strip();
        if (why.isEmpty()) {
            releaseErrors.set("reason", messages.get("admin.holds.reasonNeeded"));
            return;
        }
        sending.set(true);
        tasks.run(
                () -> {
                    admin.forceRelease(hold.holdId(), why);
                    return hold;
                },
                released -> {
                    sending.set(false);
                    holds.removeIf(shown -> shown.holdId().equals(released.holdId()));
                    releasing.set(null);
                    notice.set(messages.get(
                            "admin.holds.released",
                            String.join(", ", released.seatIds()),
                            released.movieTitle(),
                            terminalName(released)));
                },
                problem -> {
                    sending.set(false);
                    releaseErrors.show(problem, messages.get("admin.offline"));
                    if (problem.status() == 404 || problem.status() == 409) {
                        refresh(); // it is no longer live: the list says so too
                    }
                });
    }

    /** "4:05" until {@code hold} expires, "expired" once it has (it leaves at the next read). */
    public String expiresIn(LiveHold hold) {
        Duration left = Duration.between(now.get(), hold.expiresAt());
        if (left.isNegative() || left.isZero()) {
            return messages.get("admin.holds.expired");
        }
        long seconds = (left.toMillis() + 999) / 1000;
        return messages.get("admin.holds.left", seconds / 60, String.format("%02d", seconds % 60));
    }

    /** True while {@code hold} has under a minute left: the view marks it. */
    public boolean expiringSoon(LiveHold hold) {
        return Duration.between(now.get(), hold.expiresAt()).compareTo(Duration.ofMinutes(1)) < 0;
    }

    /** A time of day as this terminal shows it, such as 19:00. */
    public String timeOf(Instant instant) {
        return instant == null ? "" : time.format(instant);
    }

    /** "12 min" since {@code hold} was made. */
    public String heldFor(LiveHold hold) {
        long minutes = Math.max(0, Duration.between(hold.createdAt(), now.get()).toMinutes());
        return messages.get("admin.holds.since", timeOf(hold.createdAt()), minutes);
    }

    public static String terminalName(LiveHold hold) {
        return hold.terminal() == null ? "" : hold.terminal().name();
    }

    public ObservableList<TheaterChoice> theaters() {
        return theatersShown;
    }

    /** The theater whose holds are listed; choosing another reads the list again. */
    public ObjectProperty<TheaterChoice> theaterProperty() {
        return theater;
    }

    public ObservableList<LiveHold> holds() {
        return holdsShown;
    }

    /** The time the countdowns are counted from; moves with {@link #tick()}. */
    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    /** "Updated 18:00": when the list was last read. */
    public ReadOnlyStringProperty updatedProperty() {
        return updated.getReadOnlyProperty();
    }

    /** Why the list could not be read; empty when it was. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What the last force release did. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    /** The hold whose force release is being asked about; null while none is. */
    public ReadOnlyObjectProperty<LiveHold> releasingProperty() {
        return releasing.getReadOnlyProperty();
    }

    /** Why the manager releases it, for the audit log. */
    public StringProperty reasonProperty() {
        return reason;
    }

    public ReadOnlyBooleanProperty sendingProperty() {
        return sending.getReadOnlyProperty();
    }

    /** The force release's errors: at {@code reason}, or for the whole release (no longer live, offline). */
    public FormErrors releaseErrors() {
        return releaseErrors;
    }
}
