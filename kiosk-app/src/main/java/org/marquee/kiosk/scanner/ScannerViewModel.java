package org.marquee.kiosk.scanner;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.marquee.kiosk.cache.DoorCache;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.kiosk.client.DoorDesk;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.model.AdmissionResult;
import org.marquee.model.AdmissionScan;
import org.marquee.model.AdmissionVerdict;
import org.marquee.model.RevokedTicket;
import org.marquee.model.RevokedTickets;
import org.marquee.model.ShowtimeListing;
import org.marquee.model.SignedTicketToken;
import org.marquee.model.TicketKeyView;

/**
 * The door scanner screen's state (DESIGN §9): the showtime the door admits, the verdict of the last scan (green or
 * red, with seat and why), a counter of tickets admitted here against those sold, scans waiting for the server, and
 * warnings that come back from it (a ticket let in here and at another door while offline). The verdict never waits
 * for the network: it comes from {@link DoorCheck}; scans are kept in the {@link DoorCache} and uploaded when the
 * server answers, each at most once thanks to its scanId.
 */
public final class ScannerViewModel {

    /** The colour of the screen. */
    public enum Light {
        IDLE,
        GREEN,
        RED
    }

    /** Scans per upload: well inside the server's 200 and its 64 KiB request limit. */
    static final int UPLOAD_BATCH = 100;

    private final DoorDesk desk;
    private final DoorCache cache;
    private final Tasks tasks;
    private final Alarm alarm;
    private final Clock clock;
    private final ZoneId zone;
    private final long theaterId;
    private final String door;
    private final Messages messages;
    private final DoorCheck check = new DoorCheck();
    private final VerdictText text;
    private final Map<Long, Integer> admittedHere = new HashMap<>();

    private final ObservableList<DoorShowtime> showtimes = FXCollections.observableArrayList();
    private final ObjectProperty<DoorShowtime> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Light> light = new ReadOnlyObjectWrapper<>(Light.IDLE);
    private final ReadOnlyObjectWrapper<DoorVerdict> verdict = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper seat = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper why = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper counter = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper pending = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyBooleanWrapper online = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private boolean uploading;

    public ScannerViewModel(
            DoorDesk desk,
            DoorCache cache,
            Tasks tasks,
            Alarm alarm,
            Clock clock,
            ZoneId zone,
            long theaterId,
            String door,
            Messages messages) {
        this.desk = desk;
        this.cache = cache;
        this.tasks = tasks;
        this.alarm = alarm;
        this.clock = clock;
        this.zone = zone;
        this.theaterId = theaterId;
        this.door = door;
        this.messages = messages;
        this.text = new VerdictText(messages, zone);
        this.headline.set(messages.get("scanner.ready"));
        selected.addListener((obs, was, now) -> updateCounter());
    }

    /** Loads what the door knew (keys, revoked tickets, its own admissions), then asks the server for what is new. */
    public void start() {
        tasks.run(
                () -> new Known(
                        cache.keys(),
                        cache.revoked(),
                        cache.admittedHere(),
                        cache.pending(Integer.MAX_VALUE).size()),
                known -> {
                    useKeys(known.keys());
                    known.revoked().forEach(r -> check.revoke(r.ticketId(), r.reason()));
                    for (DoorCache.QueuedScan scan : known.admitted()) {
                        check.admitted(scan.ticketId(), new DoorCheck.Admission(scan.scannedAt(), door, scan.seatId()));
                        count(scan.showtimeId());
                    }
                    pending.set(known.pending());
                    updateStatus();
                    refresh();
                },
                problem -> status.set(problem.getMessage()));
    }

    private record Known(
            List<TicketKeyView> keys, List<RevokedTicket> revoked, List<DoorCache.QueuedScan> admitted, int pending) {}

    private record Fresh(List<TicketKeyView> keys, RevokedTickets revoked, List<ShowtimeListing> showtimes) {}

    /** Fetches keys, new revocations and today's showtimes; offline, the door goes on with what it has. */
    public void refresh() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        tasks.run(
                () -> {
                    List<TicketKeyView> keys = desk.ticketKeys();
                    cache.saveKeys(keys);
                    RevokedTickets revoked = desk.revokedSince(cache.revokedCursor());
                    cache.addRevoked(revoked.revoked(), revoked.cursor());
                    return new Fresh(keys, revoked, desk.showtimes(theaterId, today));
                },
                fresh -> {
                    online.set(true);
                    useKeys(fresh.keys());
                    fresh.revoked().revoked().forEach(r -> check.revoke(r.ticketId(), r.reason()));
                    showShowtimes(fresh.showtimes());
                    updateStatus();
                    upload();
                },
                this::offline);
    }

    /** The text a barcode reader typed (ending with Enter): a verdict at once, the scan queued for the server. */
    public void scan(String raw) {
        if (raw == null || raw.isBlank()) {
            return;
        }
        String token = raw.strip();
        DoorShowtime showtime = selected.get();
        Instant now = clock.instant();
        DoorVerdict result = check.check(token, showtime == null ? null : showtime.id(), now, door);
        show(result);
        if (result.green()) {
            count(result.showtimeId());
            updateCounter();
        } else {
            alarm.sound();
        }
        if (result.ticketId() == null) {
            // not a ticket of ours (or an MQT1 ticket sent to the box office): nothing for the server to record
            return;
        }
        var queued = new DoorCache.QueuedScan(
                UUID.randomUUID().toString(),
                token,
                now,
                showtime == null ? null : showtime.id(),
                result.ticketId(),
                result.seatId(),
                result.result().name());
        pending.set(pending.get() + 1);
        updateStatus();
        tasks.run(
                () -> {
                    cache.queue(queued);
                    return true;
                },
                saved -> upload(),
                problem -> status.set(problem.getMessage()));
    }

    /** Sends the queued scans, a batch at a time; warnings for tickets the server saw otherwise. */
    public void upload() {
        if (uploading) {
            return;
        }
        uploading = true;
        tasks.run(
                () -> {
                    List<DoorCache.QueuedScan> batch = cache.pending(UPLOAD_BATCH);
                    if (batch.isEmpty()) {
                        return new Uploaded(List.of(), List.of(), 0);
                    }
                    List<AdmissionScan> scans = batch.stream()
                            .map(s -> new AdmissionScan(s.token(), s.scannedAt(), s.scanId(), s.showtimeId()))
                            .toList();
                    List<AdmissionResult> results = desk.admit(scans);
                    cache.uploaded(results);
                    return new Uploaded(
                            batch, results, cache.pending(Integer.MAX_VALUE).size());
                },
                uploaded -> {
                    uploading = false;
                    online.set(true);
                    warn(uploaded);
                    pending.set(uploaded.left());
                    updateStatus();
                    if (!uploaded.sent().isEmpty() && uploaded.left() > 0) {
                        upload();
                    }
                },
                problem -> {
                    uploading = false;
                    offline(problem);
                });
    }

    private record Uploaded(List<DoorCache.QueuedScan> sent, List<AdmissionResult> results, int left) {}

    private void warn(Uploaded uploaded) {
        Map<String, DoorCache.QueuedScan> byId = new HashMap<>();
        uploaded.sent().forEach(s -> byId.put(s.scanId(), s));
        for (AdmissionResult result : uploaded.results()) {
            DoorCache.QueuedScan scan = byId.get(result.scanId());
            if (scan == null || !AdmissionVerdict.ADMITTED.name().equals(scan.localResult())) {
                continue;
            }
            if (result.result() == AdmissionVerdict.ALREADY_ADMITTED && !door.equals(result.admittedBy())) {
                warnings.add(
                        0,
                        messages.get(
                                "scanner.warning.duplicate",
                                scan.seatId(),
                                text.time(result.admittedAt()),
                                result.admittedBy()));
                alarm.sound();
            } else if (result.result() == AdmissionVerdict.REVOKED) {
                warnings.add(0, messages.get("scanner.warning.revoked", scan.seatId()));
                alarm.sound();
            }
        }
    }

    private void show(DoorVerdict result) {
        verdict.set(result);
        light.set(result.green() ? Light.GREEN : Light.RED);
        headline.set(text.headline(result));
        seat.set(text.seat(result));
        why.set(text.why(result, showtimes));
    }

    private void showShowtimes(List<ShowtimeListing> listings) {
        List<DoorShowtime> today = new ArrayList<>();
        for (ShowtimeListing s : listings) {
            today.add(new DoorShowtime(
                    s.id(),
                    s.movie().title(),
                    s.auditorium().name(),
                    s.startsAt(),
                    s.seatsTotal() - s.seatsAvailable()));
        }
        today.sort(Comparator.comparing(DoorShowtime::startsAt));
        Long kept = selected.get() == null ? null : selected.get().id();
        showtimes.setAll(today);
        DoorShowtime choice = today.stream()
                .filter(s -> kept != null && s.id() == kept)
                .findFirst()
                .orElseGet(() -> next(today));
        selected.set(choice);
        updateCounter();
    }

    /** The next showtime to let in: the first not started more than 30 minutes ago. */
    private DoorShowtime next(List<DoorShowtime> today) {
        Instant cutoff = clock.instant().minusSeconds(30 * 60);
        return today.stream()
                .filter(s -> s.startsAt().isAfter(cutoff))
                .findFirst()
                .orElse(today.isEmpty() ? null : today.getLast());
    }

    private void useKeys(List<TicketKeyView> keys) {
        Map<String, PublicKey> map = new HashMap<>();
        Instant now = clock.instant();
        for (TicketKeyView key : keys) {
            if (key.notAfter() == null || !now.isAfter(key.notAfter())) {
                map.put(key.kid(), SignedTicketToken.publicKey(key.publicKey()));
            }
        }
        check.keys(map);
    }

    private void count(Long showtimeId) {
        if (showtimeId != null) {
            admittedHere.merge(showtimeId, 1, Integer::sum);
        }
    }

    private void updateCounter() {
        DoorShowtime showtime = selected.get();
        if (showtime == null) {
            counter.set(messages.get(
                    "scanner.counterUnknown",
                    admittedHere.values().stream().mapToInt(Integer::intValue).sum()));
            return;
        }
        counter.set(messages.get("scanner.counter", admittedHere.getOrDefault(showtime.id(), 0), showtime.sold()));
    }

    private void offline(ApiProblem problem) {
        online.set(false);
        updateStatus();
    }

    private void updateStatus() {
        List<String> parts = new ArrayList<>();
        if (check.keyCount() == 0) {
            parts.add(messages.get("scanner.noKeys"));
        } else if (!online.get()) {
            parts.add(messages.get("scanner.offline"));
        }
        if (pending.get() > 0) {
            parts.add(messages.get("scanner.pending", pending.get()));
        }
        status.set(String.join(" \u00b7 ", parts));
    }

    public ObservableList<DoorShowtime> showtimes() {
        return showtimes;
    }

    public ObjectProperty<DoorShowtime> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<Light> lightProperty() {
        return light.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DoorVerdict> verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty seatProperty() {
        return seat.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty whyProperty() {
        return why.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty counterProperty() {
        return counter.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty onlineProperty() {
        return online.getReadOnlyProperty();
    }

    public ObservableList<String> warnings() {
        return warnings;
    }
}
