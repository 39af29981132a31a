package org.marquee.kiosk.adminreports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.marquee.kiosk.adminreports.ReportFigures.Figure;
import org.marquee.kiosk.client.Reports;
import org.marquee.kiosk.client.Reports.SalesQuery;
import org.marquee.kiosk.client.TheaterAdmin;
import org.marquee.kiosk.core.FormErrors;
import org.marquee.kiosk.core.Money;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.core.TheaterChoice;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.model.OccupancyRow;
import org.marquee.model.SalesReport;

/**
 * What sold and how full the shows were: for a period (this week or yesterday, or any days) and a theater, net
 * revenue per day, occupancy per showtime of one day, sales by payment method and by ticket type, and a table of the
 * sales grouped as the manager chooses with its totals, which "Export CSV" saves as the server writes it.
 */
public final class ReportsViewModel {

    /** The groupings of DESIGN §7.4, as the table and the export offer them. */
    public static final List<String> GROUPINGS =
            List.of("day", "showtime", "movie", "terminal", "staff", "paymentMethod", "ticketType");

    static final List<String> FIELDS = List.of("from", "to", "date", "theaterId", "groupBy");

    private final Reports reports;
    private final TheaterAdmin theaterAdmin;
    private final Tasks tasks;
    private final Messages messages;
    private final Clock clock;
    private final Long homeTheaterId;
    private final Map<Long, ZoneId> zones = new HashMap<>();

    private final ObservableList<TheaterChoice> theaters = FXCollections.observableArrayList();
    private final ObjectProperty<TheaterChoice> theater = new SimpleObjectProperty<>();
    private final StringProperty from = new SimpleStringProperty("");
    private final StringProperty to = new SimpleStringProperty("");
    private final StringProperty date = new SimpleStringProperty("");
    private final ObjectProperty<String> groupBy = new SimpleObjectProperty<>("day");
    private final ObservableList<Figure> revenue = FXCollections.observableArrayList();
    private final ObservableList<Figure> occupancy = FXCollections.observableArrayList();
    private final ObservableList<Figure> payments = FXCollections.observableArrayList();
    private final ObservableList<Figure> ticketTypes = FXCollections.observableArrayList();
    private final ObservableList<SalesReport.Row> rows = FXCollections.observableArrayList();
    // read-only views made once: a view that listens to a list made at each call would lose it to the collector
    private final ObservableList<TheaterChoice> theatersShown = FXCollections.unmodifiableObservableList(theaters);
    private final ObservableList<Figure> revenueShown = FXCollections.unmodifiableObservableList(revenue);
    private final ObservableList<Figure> occupancyShown = FXCollections.unmodifiableObservableList(occupancy);
    private final ObservableList<Figure> paymentsShown = FXCollections.unmodifiableObservableList(payments);
    private final ObservableList<Figure> ticketTypesShown = FXCollections.unmodifiableObservableList(ticketTypes);
    private final ObservableList<SalesReport.Row> rowsShown = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<SalesReport.Row> totals = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper currency = new ReadOnlyStringWrapper("EUR");
    private final ReadOnlyStringWrapper occupancyTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper occupancyNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);
    private final FormErrors errors = new FormErrors(FIELDS);

    /** The theaters are known: a change of filter reads the reports. */
    private boolean started;
    /** Asked to read while a read was under way: read again when it ends, with the filters as they are then. */
    private boolean loadAgain;

    /** @param homeTheaterId the terminal's own theater, chosen first; null for all theaters */
    public ReportsViewModel(
            Reports reports,
            TheaterAdmin theaterAdmin,
            Tasks tasks,
            Messages messages,
            Clock clock,
            Long homeTheaterId) {
        this.reports = reports;
        this.theaterAdmin = theaterAdmin;
        this.tasks = tasks;
        this.messages = messages;
        this.clock = clock;
        this.homeTheaterId = homeTheaterId;
        thisWeekDays();
        date.set(LocalDate.now(clock).minusDays(1).toString());
        // another grouping or theater is shown at once; typed days wait for "Show"
        groupBy.addListener((obs, before, now) -> loadIfStarted());
        theater.addListener((obs, before, now) -> loadIfStarted());
    }

    private void loadIfStarted() {
        if (started) {
            load();
        }
    }

    /** Reads the theaters for the filter (the terminal's own chosen), then the reports. */
    public void start() {
        working.set(true);
        tasks.run(
                theaterAdmin::theaters,
                found -> {
                    working.set(false);
                    found.forEach(t -> zones.put(t.id(), ReportFigures.zone(t)));
                    theaters.setAll(TheaterChoice.of(messages.get("admin.reports.allTheaters"), found));
                    started = false;
                    theater.set(theaters.stream()
                            .filter(choice -> choice.id() != null && choice.id().equals(homeTheaterId))
                            .findFirst()
                            .orElse(theaters.size() > 1 ? theaters.get(1) : theaters.getFirst()));
                    started = true;
                    load();
                },
                problem -> {
                    working.set(false);
                    errors.show(problem, messages.get("admin.offline"));
                });
    }

    /** Monday of this week to today, and reads the reports. */
    public void thisWeek() {
        thisWeekDays();
        load();
    }

    /** Yesterday alone, its shows' occupancy too, and reads the reports. */
    public void yesterday() {
        String day = LocalDate.now(clock).minusDays(1).toString();
        from.set(day);
        to.set(day);
        date.set(day);
        load();
    }

    private void thisWeekDays() {
        LocalDate today = LocalDate.now(clock);
        from.set(today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString());
        to.set(today.toString());
    }

    /** The sales of the period in every chart and the table, and the chosen day's occupancy. */
    public void load() {
        errors.clear();
        notice.set("");
        SalesQuery query = query();
        LocalDate day = day("date", date.get());
        if (query == null || day == null) {
            return;
        }
        if (working.get()) {
            loadAgain = true;
            return;
        }
        loadAgain = false;
        Long theaterId = query.theaterId();
        ZoneId zone = theaterId == null ? clock.getZone() : zones.getOrDefault(theaterId, clock.getZone());
        working.set(true);
        tasks.run(
                () -> new Loaded(
                        reports.sales(query.groupedBy("day")),
                        reports.sales(query.groupedBy("paymentMethod")),
                        reports.sales(query.groupedBy("ticketType")),
                        query.groupBy().equals("day") ? null : reports.sales(query),
                        theaterId == null ? null : reports.occupancy(theaterId, day)),
                loaded -> {
                    working.set(false);
                    if (loadAgain) {
                        load(); // the filters changed meanwhile: this answer is not theirs
                        return;
                    }
                    show(loaded, query, day, zone);
                },
                problem -> {
                    working.set(false);
                    errors.show(problem, messages.get("admin.offline"));
                    if (loadAgain) {
                        load();
                    }
                });
    }

    private record Loaded(
            SalesReport byDay,
            SalesReport byPayment,
            SalesReport byTicketType,
            SalesReport grouped,
            List<OccupancyRow> occupancy) {}

    private void show(Loaded loaded, SalesQuery query, LocalDate day, ZoneId zone) {
        SalesReport table = loaded.grouped() == null ? loaded.byDay() : loaded.grouped();
        currency.set(table.currency());
        revenue.setAll(ReportFigures.revenueByDay(loaded.byDay(), query.from(), query.to(), messages));
        payments.setAll(ReportFigures.byPaymentMethod(loaded.byPayment(), messages));
        ticketTypes.setAll(ReportFigures.byTicketType(loaded.byTicketType(), messages));
        rows.setAll(table.rows());
        totals.set(table.totals());
        occupancyTitle.set(messages.get("admin.reports.occupancyTitle", ReportFigures.dayName(day, messages)));
        if (loaded.occupancy() == null) {
            occupancy.clear();
            occupancyNote.set(messages.get("admin.reports.chooseTheater"));
        } else {
            occupancy.setAll(ReportFigures.occupancy(loaded.occupancy(), zone, messages));
            occupancyNote.set(
                    loaded.occupancy().isEmpty()
                            ? messages.get("admin.reports.noShows", ReportFigures.dayName(day, messages))
                            : "");
        }
    }

    /**
     * Saves the table's sales, as the server writes them in CSV, to the file {@code target} gives; nothing when the
     * manager picks none.
     */
    public void exportCsv(CsvTarget target) {
        errors.clear();
        notice.set("");
        SalesQuery query = query();
        if (query == null) {
            return;
        }
        String name = "sales-" + query.groupBy() + "-" + query.from() + "-" + query.to() + ".csv";
        Optional<Path> chosen = target.choose(name);
        if (chosen.isEmpty()) {
            return;
        }
        Path file = chosen.get();
        working.set(true);
        tasks.run(
                () -> {
                    String csv = reports.salesCsv(query);
                    try {
                        Files.writeString(file, csv, StandardCharsets.UTF_8);
                        return messages.get("admin.reports.saved", csv.lines().count() - 1, file);
                    } catch (IOException e) {
                        // the server answered; the disk refused: said in words, not as "offline"
                        return null;
                    }
                },
                saved -> {
                    working.set(false);
                    loadIfAsked();
                    if (saved == null) {
                        errors.setForm(messages.get("admin.reports.notSaved", file));
                    } else {
                        notice.set(saved);
                    }
                },
                problem -> {
                    working.set(false);
                    errors.show(problem, messages.get("admin.offline"));
                    loadIfAsked();
                });
    }

    private void loadIfAsked() {
        if (loadAgain) {
            load();
        }
    }

    /** The period, theater and grouping asked for; null with the fields' errors set when a day is not one. */
    private SalesQuery query() {
        LocalDate first = day("from", from.get());
        LocalDate last = day("to", to.get());
        if (first == null || last == null) {
            return null;
        }
        if (first.isAfter(last)) {
            errors.set("to", messages.get("admin.reports.backwards"));
            return null;
        }
        Long theaterId = theater.get() == null ? null : theater.get().id();
        return new SalesQuery(first, last, theaterId, groupBy.get() == null ? "day" : groupBy.get());
    }

    private LocalDate day(String field, String text) {
        try {
            return LocalDate.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            errors.set(field, messages.get("admin.error.date"));
            return null;
        }
    }

    /** An amount of the report's currency as money: "€54.50", never 5450. */
    public String money(long minor) {
        return Money.format(minor, currency.get(), messages.locale());
    }

    /** A row's name: a payment method or ticket type in the terminal's language, else the server's label. */
    public String labelOf(SalesReport.Row row) {
        return ReportFigures.rowName(groupBy.get(), row, messages);
    }

    /** A grouping's name, such as "Payment method". */
    public String groupingName(String grouping) {
        return messages.get("admin.reports.groupBy." + grouping);
    }

    public ObservableList<TheaterChoice> theaters() {
        return theatersShown;
    }

    public ObjectProperty<TheaterChoice> theaterProperty() {
        return theater;
    }

    /** The first day, as 2026-11-23. */
    public StringProperty fromProperty() {
        return from;
    }

    /** The last day, included. */
    public StringProperty toProperty() {
        return to;
    }

    /** The day whose shows' occupancy is drawn (yesterday at first). */
    public StringProperty dateProperty() {
        return date;
    }

    /** How the table and the export group the sales. */
    public ObjectProperty<String> groupByProperty() {
        return groupBy;
    }

    /** Net revenue per day of the period, in major units. */
    public ObservableList<Figure> revenue() {
        return revenueShown;
    }

    /** Percent of seats sold per showtime of the chosen day. */
    public ObservableList<Figure> occupancy() {
        return occupancyShown;
    }

    /** Net revenue per payment method, in major units. */
    public ObservableList<Figure> payments() {
        return paymentsShown;
    }

    /** Tickets sold per ticket type. */
    public ObservableList<Figure> ticketTypes() {
        return ticketTypesShown;
    }

    public ObservableList<SalesReport.Row> rows() {
        return rowsShown;
    }

    public ReadOnlyObjectProperty<SalesReport.Row> totalsProperty() {
        return totals.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty currencyProperty() {
        return currency.getReadOnlyProperty();
    }

    /** "Occupancy per showtime on Wed 2 Dec": the day the occupancy chart shows. */
    public ReadOnlyStringProperty occupancyTitleProperty() {
        return occupancyTitle.getReadOnlyProperty();
    }

    /** Why the occupancy chart is empty (no theater chosen, no shows that day); empty when it is not. */
    public ReadOnlyStringProperty occupancyNoteProperty() {
        return occupancyNote.getReadOnlyProperty();
    }

    /** Where the last export was saved. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public FormErrors errors() {
        return errors;
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }
}
