package org.marquee.server.testing;

import java.util.Iterator;

/**
 * Two server instances on one embedded PostgreSQL, the demo theaters' single-seat rule off, and the big hall's free
 * ordinary seats to hand out one by one: the setting of the tests of what an instance keeps in memory.
 */
public final class TwoInstances implements AutoCloseable {

    private final TestServer a;
    private final TestServer b;
    private final long showtime;
    private final Iterator<String> freeSeats;

    private TwoInstances(TestServer a, TestServer b) {
        this.a = a;
        this.b = b;
        this.showtime = a.bigHallShowtime();
        this.freeSeats = a.freeOrdinarySeats(showtime).iterator();
    }

    /** Starts A on a new database named after {@code name}, then B on A's database; 8 demo kiosks each. */
    public static TwoInstances start(String name) {
        var options = TestServer.Options.defaults().kiosks(8);
        TestServer a = TestServer.start(name, options);
        a.singleSeatRule("OFF");
        return new TwoInstances(a, TestServer.startOn(a.jdbcUrl(), options));
    }

    public TestServer a() {
        return a;
    }

    public TestServer b() {
        return b;
    }

    /** Tomorrow's first showtime in the big hall. */
    public long showtime() {
        return showtime;
    }

    /** A seat of that showtime that was free at the start and that no test has had yet. */
    public String nextFreeSeat() {
        return freeSeats.next();
    }

    /** The pause between two tries while waiting for something another thread or instance does. */
    public static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        b.close();
        a.close();
    }
}
