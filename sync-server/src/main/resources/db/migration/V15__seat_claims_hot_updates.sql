-- Seat claims are updated in place all day long: every hold, release, expiry and sale rewrites a row. The two
-- secondary indexes made every one of those updates a new tuple in three indexes (a claim's version and expiry both
-- change), so PostgreSQL could never update in place (HOT), and a busy showtime's few hundred rows grew to megabytes
-- of dead tuples between two autovacuum runs: the seat-map and hold reads slowed from 1 ms to 7 ms in a minute of
-- load (docs/BENCHMARKS.md, issue 17 fourth session). Every query on seat_claims names its showtime, so the primary
-- key's range of one showtime (at most a hall's seats) serves them all. Half-empty pages leave room for the new
-- version of a row on its own page, which is what an in-place update needs.
drop index if exists seat_claims_version;
drop index if exists seat_claims_held_expiry;
alter table seat_claims set (fillfactor = 50);
