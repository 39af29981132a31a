package org.marquee.kiosk.admintheaters;

import java.util.List;
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
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.kiosk.client.TheaterAdmin;
import org.marquee.kiosk.core.FormErrors;
import org.marquee.kiosk.core.FormNumbers;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.model.SingleSeatRule;
import org.marquee.model.TheaterRequest;
import org.marquee.model.TheaterSettings;

/**
 * The theaters of the chain and a form to add one or change one, settings included (cleaning minutes between
 * showtimes, whom the single-seat rule binds, when accessible seats are released). The server checks the values; a
 * refusal is shown at the field it names.
 */
public final class TheatersViewModel {

    static final List<String> FIELDS = List.of(
            "name",
            "address",
            "lat",
            "lon",
            "timeZone",
            "cleaningMinutes",
            "singleSeatRule",
            "accessibleReleaseMinutes");

    private final TheaterAdmin admin;
    private final Tasks tasks;
    private final Messages messages;

    private final ObservableList<TheaterSettings> theaters = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<TheaterSettings> editing = new ReadOnlyObjectWrapper<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty address = new SimpleStringProperty("");
    private final StringProperty lat = new SimpleStringProperty("");
    private final StringProperty lon = new SimpleStringProperty("");
    private final StringProperty timeZone = new SimpleStringProperty("");
    private final StringProperty cleaningMinutes = new SimpleStringProperty("");
    private final ObjectProperty<SingleSeatRule> singleSeatRule = new SimpleObjectProperty<>();
    private final StringProperty accessibleReleaseMinutes = new SimpleStringProperty("");
    private final FormErrors errors = new FormErrors(FIELDS);
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);

    public TheatersViewModel(TheaterAdmin admin, Tasks tasks, Messages messages) {
        this.admin = admin;
        this.tasks = tasks;
        this.messages = messages;
        newTheater();
    }

    /** Asks the server for the theaters. */
    public void load() {
        working.set(true);
        tasks.run(
                admin::theaters,
                list -> {
                    theaters.setAll(list);
                    working.set(false);
                },
                this::failed);
    }

    /** An empty form with the defaults of DESIGN §7.1, to add a theater. */
    public void newTheater() {
        editing.set(null);
        name.set("");
        address.set("");
        lat.set("");
        lon.set("");
        timeZone.set("");
        cleaningMinutes.set("20");
        singleSeatRule.set(SingleSeatRule.KIOSK);
        accessibleReleaseMinutes.set("30");
        errors.clear();
        notice.set("");
    }

    /** The form filled with {@code theater}, to change it. */
    public void edit(TheaterSettings theater) {
        if (theater == null) {
            return;
        }
        editing.set(theater);
        name.set(theater.name());
        address.set(theater.address());
        lat.set(Double.toString(theater.lat()));
        lon.set(Double.toString(theater.lon()));
        timeZone.set(theater.timeZone());
        cleaningMinutes.set(Integer.toString(theater.cleaningMinutes()));
        singleSeatRule.set(theater.singleSeatRule());
        accessibleReleaseMinutes.set(Integer.toString(theater.accessibleReleaseMinutes()));
        errors.clear();
        notice.set("");
    }

    /** Creates the theater, or saves the changes of the one edited. */
    public void save() {
        if (working.get()) {
            return;
        }
        errors.clear();
        notice.set("");
        FormNumbers numbers = new FormNumbers(errors, messages);
        TheaterRequest request = new TheaterRequest(
                blankToNull(name.get()),
                blankToNull(address.get()),
                numbers.decimal("lat", lat.get()),
                numbers.decimal("lon", lon.get()),
                blankToNull(timeZone.get()),
                numbers.whole("cleaningMinutes", cleaningMinutes.get()),
                singleSeatRule.get(),
                numbers.whole("accessibleReleaseMinutes", accessibleReleaseMinutes.get()));
        if (errors.any()) {
            return;
        }
        TheaterSettings before = editing.get();
        working.set(true);
        tasks.run(
                () -> before == null ? admin.createTheater(request) : admin.updateTheater(before.id(), request),
                saved -> {
                    int at = before == null ? -1 : theaters.indexOf(before);
                    if (at >= 0) {
                        theaters.set(at, saved);
                    } else {
                        theaters.add(saved);
                    }
                    edit(saved);
                    notice.set(messages.get("admin.saved", saved.name()));
                    working.set(false);
                },
                this::failed);
    }

    private void failed(ApiProblem problem) {
        errors.show(problem, messages.get("admin.offline"));
        working.set(false);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public ObservableList<TheaterSettings> theaters() {
        return FXCollections.unmodifiableObservableList(theaters);
    }

    /** The theater the form changes; null while it adds a new one. */
    public ReadOnlyObjectProperty<TheaterSettings> editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty addressProperty() {
        return address;
    }

    public StringProperty latProperty() {
        return lat;
    }

    public StringProperty lonProperty() {
        return lon;
    }

    public StringProperty timeZoneProperty() {
        return timeZone;
    }

    public StringProperty cleaningMinutesProperty() {
        return cleaningMinutes;
    }

    public ObjectProperty<SingleSeatRule> singleSeatRuleProperty() {
        return singleSeatRule;
    }

    public StringProperty accessibleReleaseMinutesProperty() {
        return accessibleReleaseMinutes;
    }

    public FormErrors errors() {
        return errors;
    }

    /** "Saved …" after a save; empty otherwise. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }
}
