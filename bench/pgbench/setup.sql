-- Tables for the three grant shapes compared by PostgreSQL alone (docs/BENCHMARKS.md, issue 17 fourteenth session).
-- Run on a throwaway database of a server started with --demo-data --demo-kiosks 64 (kiosk terminals 1..64,
-- showtime 1): `psql … -f setup.sql`, then each script with
--   pgbench -n -M prepared -c 4 -j 2 -T 10 -f <script>.sql
-- Each of the 4 clients owns 16 terminals and each terminal 4 seats of its own, so every transaction is a grant
-- and none waits for another: what is measured is PostgreSQL's work per grant, with as many connections as the
-- server's pool on 2 cores.
--   alfio.sql      alf.io's scheme: pre-created seat rows locked FOR UPDATE, the terminal's others freed, the new taken
--   full.sql       Marquee's grant as sent in one round trip today (decision 0039): turn, end of the previous hold,
--                  insert of the new hold with the claim of its seats
--   seatsonly.sql  the step not taken yet: the claim alone, the terminal's active hold kept in one row updated in place
drop schema if exists pgb cascade;
create schema pgb;
create table pgb.tickets (seat text primary key, status text not null, terminal int, expires timestamptz);
insert into pgb.tickets select 'X' || g, 'FREE' from generate_series(1, 256) g;
create table pgb.terminal_holds (
    terminal_id bigint primary key references terminals (id),
    hold_id     uuid,
    showtime_id bigint,
    seat_ids    text[] not null default '{}',
    expires_at  timestamptz
) with (fillfactor = 50);
insert into pgb.terminal_holds (terminal_id) select id from terminals where kind = 'KIOSK';
