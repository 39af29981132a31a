package org.marquee.kiosk.seatmap;

import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.model.ShowtimeListing;

/**
 * What the seat map's side shows of the showtime and the choice: the title and details, the seats chosen (in the
 * order chosen) with the line that lists them, and whether Continue may go on. Plain state the view-model sets.
 */
final class ChoiceShown {

    private final Messages messages;
    private final boolean touch; // a kiosk's customer taps; a clerk clicks or uses the keys
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper selection = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canContinue = new ReadOnlyBooleanWrapper(false);
    private final ObservableSet<String> mine = FXCollections.observableSet(new LinkedHashSet<>());
    private final ObservableSet<String> mineView = FXCollections.unmodifiableObservableSet(mine);

    ChoiceShown(Messages messages, boolean touch) {
        this.messages = messages;
        this.touch = touch;
    }

    /** Shows {@code chosen}; {@code blank}: the map could not be read, and the line says why. */
    void show(Set<String> chosen, boolean ready, boolean blank) {
        mine.retainAll(chosen);
        mine.addAll(chosen);
        selection.set(SeatMapTexts.selection(messages, mine, blank, touch));
        canContinue.set(ready);
    }

    void describe(ShowtimeListing listing, ZoneId zone) {
        title.set(listing.movie().title());
        details.set(SeatMapTexts.details(messages, listing, zone));
    }

    boolean canContinue() {
        return canContinue.get();
    }

    ObservableSet<String> mine() {
        return mineView;
    }

    ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    ReadOnlyStringProperty selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty canContinueProperty() {
        return canContinue.getReadOnlyProperty();
    }
}
