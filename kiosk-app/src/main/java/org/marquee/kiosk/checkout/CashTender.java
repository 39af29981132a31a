package org.marquee.kiosk.checkout;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Cash at the counter: what the customer handed over and the change it means, and the amounts a clerk is most often
 * given for a total (the exact sum, the next round sums, the next banknotes).
 */
public final class CashTender {

    private static final long[] NOTES = {500, 1000, 2000, 5000, 10000, 20000};

    private CashTender() {}

    /** The change for {@code tendered} against {@code total}; empty when it is not enough. */
    public static OptionalLong change(long total, OptionalLong tendered) {
        if (tendered.isEmpty() || tendered.getAsLong() < total) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(tendered.getAsLong() - total);
    }

    /**
     * Up to four amounts for the quick buttons: the exact total first, then the next multiple of 5 and of 10 (in
     * major units, for currencies with cents) and the next banknotes above the total.
     */
    public static List<Long> quickAmounts(long total, int fractionDigits) {
        long unit = pow10(fractionDigits);
        Set<Long> amounts = new LinkedHashSet<>();
        amounts.add(total);
        amounts.add(roundUp(total, 5 * unit));
        amounts.add(roundUp(total, 10 * unit));
        for (long note : NOTES) {
            long scaled = note * unit / 100;
            if (scaled > total) {
                amounts.add(scaled);
            }
        }
        List<Long> result = new ArrayList<>(amounts);
        return result.subList(0, Math.min(4, result.size()));
    }

    private static long roundUp(long amount, long step) {
        return step <= 0 ? amount : ((amount + step - 1) / step) * step;
    }

    private static long pow10(int digits) {
        long value = 1;
        for (int i = 0; i < digits; i++) {
            value *= 10;
        }
        return value;
    }
}
