package org.marquee.kiosk.adminprices;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.kiosk.client.PricePlanAdmin;
import org.marquee.kiosk.core.FormErrors;
import org.marquee.kiosk.core.FormNumbers;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.model.PricePlan;
import org.marquee.model.SeatType;
import org.marquee.model.TicketType;

/**
 * Price plans: a price per ticket type and a surcharge per seat type, typed in the currency's units (9.50) and sent in
 * minor units (950). A surcharge left blank is none. A change applies to orders made after it.
 */
public final class PricePlansViewModel {

    /** The seat types that may carry a surcharge (DESIGN §7.1). */
    public static final List<SeatType> SURCHARGED = List.of(SeatType.PREMIUM, SeatType.WHEELCHAIR, SeatType.COMPANION);

    private final PricePlanAdmin admin;
    private final Tasks tasks;
    private final Messages messages;

    private final ObservableList<PricePlan> plans = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<PricePlan> editing = new ReadOnlyObjectWrapper<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty currency = new SimpleStringProperty("EUR");
    private final Map<TicketType, StringProperty> prices = new EnumMap<>(TicketType.class);
    private final Map<SeatType, StringProperty> surcharges = new EnumMap<>(SeatType.class);
    private final FormErrors errors;
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);

    public PricePlansViewModel(PricePlanAdmin admin, Tasks tasks, Messages messages) {
        this.admin = admin;
        this.tasks = tasks;
        this.messages = messages;
        List<String> fields = new ArrayList<>(List.of("name", "currency", "ticketPrices", "seatSurcharges"));
        for (TicketType type : TicketType.values()) {
            prices.put(type, new SimpleStringProperty(""));
            fields.add("ticketPrices." + type);
        }
        for (SeatType type : SURCHARGED) {
            surcharges.put(type, new SimpleStringProperty(""));
            fields.add("seatSurcharges." + type);
        }
        this.errors = new FormErrors(fields);
    }

    public void load() {
        working.set(true);
        tasks.run(
                admin::pricePlans,
                list -> {
                    plans.setAll(list);
                    working.set(false);
                },
                this::failed);
    }

    public void newPlan() {
        editing.set(null);
        name.set("");
        currency.set(plans.isEmpty() ? "EUR" : plans.getFirst().currency());
        prices.values().forEach(price -> price.set(""));
        surcharges.values().forEach(price -> price.set(""));
        errors.clear();
        notice.set("");
    }

    public void edit(PricePlan plan) {
        if (plan == null) {
            return;
        }
        editing.set(plan);
        name.set(plan.name());
        currency.set(plan.currency());
        prices.forEach((type, price) -> price.set(amount(plan.ticketPrices().get(type), plan.currency())));
        surcharges.forEach(
                (type, price) -> price.set(amount(plan.seatSurcharges().get(type), plan.currency())));
        errors.clear();
        notice.set("");
    }

    private static String amount(Long minor, String currency) {
        return minor == null ? "" : FormNumbers.major(minor, currency);
    }

    public void save() {
        if (working.get()) {
            return;
        }
        errors.clear();
        notice.set("");
        FormNumbers numbers = new FormNumbers(errors, messages);
        String code = currency.get() == null ? "" : currency.get().strip().toUpperCase(java.util.Locale.ROOT);
        Map<TicketType, Long> ticketPrices = new LinkedHashMap<>();
        prices.forEach((type, price) -> {
            Long minor = numbers.money("ticketPrices." + type, price.get(), code);
            if (minor != null) {
                ticketPrices.put(type, minor);
            }
        });
        Map<SeatType, Long> seatSurcharges = new LinkedHashMap<>();
        surcharges.forEach((type, price) -> {
            Long minor = numbers.money("seatSurcharges." + type, price.get(), code);
            if (minor != null) {
                seatSurcharges.put(type, minor);
            }
        });
        if (errors.any()) {
            return;
        }
        PricePlan before = editing.get();
        PricePlan plan =
                new PricePlan(null, name.get() == null ? "" : name.get().strip(), code, ticketPrices, seatSurcharges);
        working.set(true);
        tasks.run(
                () -> before == null ? admin.createPricePlan(plan) : admin.updatePricePlan(before.id(), plan),
                saved -> {
                    int at = before == null ? -1 : plans.indexOf(before);
                    if (at >= 0) {
                        plans.set(at, saved);
                    } else {
                        plans.add(saved);
                    }
                    edit(saved);
                    notice.set(messages.get("admin.prices.saved", saved.name()));
                    working.set(false);
                },
                this::failed);
    }

    private void failed(ApiProblem problem) {
        errors.show(problem, messages.get("admin.offline"));
        working.set(false);
    }

    public ObservableList<PricePlan> plans() {
        return FXCollections.unmodifiableObservableList(plans);
    }

    public ReadOnlyObjectProperty<PricePlan> editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** An ISO 4217 code such as EUR. */
    public StringProperty currencyProperty() {
        return currency;
    }

    /** The price of {@code type}, as typed (9.50). */
    public StringProperty priceProperty(TicketType type) {
        return prices.get(type);
    }

    /** The surcharge of a seat of {@code type}, as typed; blank for none. */
    public StringProperty surchargeProperty(SeatType type) {
        return surcharges.get(type);
    }

    public FormErrors errors() {
        return errors;
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }
}
