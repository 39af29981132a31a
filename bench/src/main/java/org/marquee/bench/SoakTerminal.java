package org.marquee.bench;

/** One simulated terminal of a soak run: {@link #step} is one customer, sale, refund or SSE connection. */
interface SoakTerminal {

    /** One step; the run repeats it until its deadline and counts what it throws. */
    void step() throws Exception;
}
