package org.marquee.server.holds;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The seats of a whole showtime's claims ({@code claimedBy}: seat to holding terminal, 0 when sold or gone) that are not
 * the asking terminal's own, as a read-only view: the seat rules ask it a few dozen {@code contains} questions per
 * request, so building a set of the hundreds of taken seats for each request cost more than answering them.
 */
public final class TakenByOthers extends AbstractSet<String> {

    private final Map<String, Long> claimedBy;
    private final long terminalId;

    public TakenByOthers(Map<String, Long> claimedBy, long terminalId) {
        this.claimedBy = claimedBy;
        this.terminalId = terminalId;
    }

    @Override
    public boolean contains(Object seat) {
        Long holder = claimedBy.get(seat);
        // the terminal's own seats count as free: its new hold releases them
        return holder != null && holder != terminalId;
    }

    @Override
    public Iterator<String> iterator() {
        Iterator<Map.Entry<String, Long>> claims = claimedBy.entrySet().iterator();
        return new Iterator<>() {
            private String next = advance();

            private String advance() {
                while (claims.hasNext()) {
                    Map.Entry<String, Long> claim = claims.next();
                    if (claim.getValue() != terminalId) {
                        return claim.getKey();
                    }
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public String next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                String seat = next;
                next = advance();
                return seat;
            }
        };
    }

    @Override
    public int size() {
        int size = 0;
        for (long holder : claimedBy.values()) {
            if (holder != terminalId) {
                size++;
            }
        }
        return size;
    }
}
