\set k random(1, 16)
\set tid :client_id * 16 + :k
\set a random(0, 3)
\set b random(0, 3)
\set s1 (:tid - 1) * 4 + 1 + :a
\set s2 (:tid - 1) * 4 + 1 + :b
BEGIN;
select set_config('marquee.prev', cast(seat_ids as text), true), set_config('marquee.prev_hold', coalesce(cast(hold_id as text), ''), true) from pgb.terminal_holds where terminal_id = :tid for no key update;
with seats as (select array(select distinct x from unnest(array['Z' || :s1, 'Z' || :s2]) x order by x) as a),
prev as (select cast(current_setting('marquee.prev', true) as text[]) as a, cast(nullif(current_setting('marquee.prev_hold', true), '') as uuid) as id),
newid as (select gen_random_uuid() as id),
wanted as (select w.seat, true as take from unnest((select a from seats)) as w (seat)
  union all select r.seat, false from unnest((select a from prev)) as r (seat) where not (r.seat = any(cast((select a from seats) as text[])))),
claimed as (insert into seat_claims as c (showtime_id, seat_id, state, hold_id, terminal_id, expires_at, version)
  select 1, w.seat, case when w.take then 'HELD' else 'FREE' end, case when w.take then (select id from newid) end,
         case when w.take then cast(:tid as bigint) end, case when w.take then now() + interval '8 minutes' end, nextval('seat_claim_version')
    from wanted w order by w.seat collate "C"
  on conflict (showtime_id, seat_id) do update
     set state = excluded.state, hold_id = excluded.hold_id, terminal_id = excluded.terminal_id, expires_at = excluded.expires_at, version = excluded.version
   where (excluded.state = 'HELD' and (c.state = 'FREE' or (c.state = 'HELD' and (c.expires_at <= now() or c.hold_id = excluded.hold_id or c.hold_id = (select id from prev)))))
      or (excluded.state = 'FREE' and c.state = 'HELD' and c.hold_id = (select id from prev))
  returning c.seat_id, c.state),
upd as (update pgb.terminal_holds set hold_id = (select id from newid), showtime_id = 1, seat_ids = (select a from seats), expires_at = now() + interval '8 minutes' where terminal_id = :tid)
select marquee_hold_complete(array(select seat_id from claimed where state = 'HELD'), (select a from seats), cast('{}' as text[]));
COMMIT;
