-- Tables for the three grant shapes compared by PostgreSQL alone (docs/BENCHMARKS.md, issue 17 fourteenth session).
-- Run on a throwaway database of a server started with --demo-data --demo-kiosks 64 (kiosk terminals 1..64,
-- showtime 1): `psql … -f setup.sql`, then each script with
--   pgbench -n -M prepared -c 4 -j 2 -T 10 -f <script>.sql
-- Each of the 4 clients owns 16 terminals and each terminal 4 seats of its own, so every transaction is a grant
-- and none waits for another: what is measured is PostgreSQL's work per grant, with as many connections as the
-- server's pool on 2 cores.
--   alfio.sql      alf.io's scheme: pre-created seat rows locked FOR UPDATE, the terminal's others freed, the new taken
--   full.sql       Marquee's grant in one round trip before V18 (decision 0039): turn, end of the previous hold,
--                  insert of the new hold with the claim of its seats. Runs only on a database before V18 (a server of
--                  an earlier release), where `holds` is a table.
--   seatsonly.sql  the claim alone, the terminal's active hold kept in one row updated in place (the step measured
--                  before it was taken)
--   v18.sql        Marquee's grant since V18 (decision 0041): turn on the terminal's terminal_holds row, then one
--                  statement that writes the previous hold to ended_holds, the new one in the row, and claims the
--                  seats. Runs only on a database at V18 or later.
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
