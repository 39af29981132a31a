-- Seat rules (DESIGN §8): accessible holds, house seats, and a version for seat-map changes that are not claims.

-- A hold made with accessible: true may keep wheelchair spaces and companion seats when its seats change.
alter table holds add column accessible boolean not null default false;

-- One row per showtime that has house seats or whose seat restrictions changed at a time boundary. version comes
-- from the claims' sequence, so that the seat map's version (the larger of the claims' and this one) moves when the
-- house seats change or a restriction is released, and a client's ETag no longer matches.
create table showtime_seat_rules (
    showtime_id           bigint  primary key references showtimes (id) on delete cascade,
    house_seat_ids        text[]  not null default '{}',
    house_release_minutes integer not null default 0 check (house_release_minutes between 0 and 10080),
    version               bigint  not null,
    -- the latest release instant (accessible or house) that has moved version: each boundary moves it once
    settled_at            timestamptz
);
