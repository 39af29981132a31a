package org.marquee.kiosk.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The admin API as one server answers it, in memory: the cinema's theaters, movies and price plans, its terminals
 * and staff (and signing in), and the audit trail they all write to.
 */
public record AdminFakes(FakeAuditTrail audit, FakeCinemaAdmin cinema, FakeStaffDesk desk) {

    public static final Instant NOW = Instant.parse("2026-11-30T18:00:00Z");

    /** The demo's cinema; setting it up wrote the audit trail's first entries, as the API would have. */
    public static AdminFakes demo() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        FakeAuditTrail audit = new FakeAuditTrail(clock);
        FakeCinemaAdmin cinema = FakeCinemaAdmin.demo(audit);
        FakeStaffDesk desk = FakeStaffDesk.demo(
                audit, clock, id -> cinema.theaters().stream().anyMatch(theater -> theater.id() == id));
        return new AdminFakes(audit, cinema, desk);
    }
}
