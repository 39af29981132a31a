package org.marquee.server.holds;

/**
 * What became of requests for seats, told to whoever counts them (the metrics). An interface of the domain, so that
 * holds need no metrics library; {@link #NONE} when nobody counts.
 */
public interface HoldEvents {

    HoldEvents NONE = new HoldEvents() {
        @Override
        public void granted() {}

        @Override
        public void refused() {}

        @Override
        public void refusedFromMemory() {}
    };

    /** Every requested seat was granted (a new hold, or a hold's new seats). */
    void granted();

    /** Nothing changed: some requested seats are held or sold by someone else. */
    void refused();

    /** Of the refusals, one answered from this instance's trusted seat map without PostgreSQL (decision 0030). */
    void refusedFromMemory();
}
