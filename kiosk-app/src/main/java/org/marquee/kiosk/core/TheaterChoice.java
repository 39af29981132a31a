package org.marquee.kiosk.core;

import java.util.ArrayList;
import java.util.List;
import org.marquee.model.TheaterSettings;

/**
 * A theater a report or list is narrowed to, or every theater ({@code id} null), as a filter's choices show it.
 *
 * @param name what the choice reads as
 */
public record TheaterChoice(Long id, String name) {

    /** "All theaters" (named {@code allName}) first, then each theater. */
    public static List<TheaterChoice> of(String allName, List<TheaterSettings> theaters) {
        List<TheaterChoice> choices = new ArrayList<>();
        if (allName != null) {
            choices.add(new TheaterChoice(null, allName));
        }
        theaters.forEach(theater -> choices.add(new TheaterChoice(theater.id(), theater.name())));
        return choices;
    }

    @Override
    public String toString() {
        return name;
    }
}
