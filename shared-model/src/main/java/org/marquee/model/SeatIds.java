package org.marquee.model;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Seat ids as people read them: row by row, and within a row by number, so F9 comes before F10. */
public final class SeatIds {

    private static final Pattern ID = Pattern.compile("([A-Z]{1,3})(\\d{1,4})");

    /** Rows by label (shorter labels first, as AA follows Z), then seats by number; unknown shapes last, as text. */
    public static final Comparator<String> READING_ORDER = (a, b) -> {
        Matcher left = ID.matcher(a);
        Matcher right = ID.matcher(b);
        boolean leftOk = left.matches();
        boolean rightOk = right.matches();
        if (!leftOk || !rightOk) {
            return leftOk ? -1 : rightOk ? 1 : a.compareTo(b);
        }
        int byRow = Comparator.comparingInt(String::length)
                .thenComparing(Comparator.naturalOrder())
                .compare(left.group(1), right.group(1));
        return byRow != 0 ? byRow : Integer.compare(Integer.parseInt(left.group(2)), Integer.parseInt(right.group(2)));
    };

    private SeatIds() {}
}
