\set k random(1, 16)
\set tid :client_id * 16 + :k
\set a random(0, 3)
\set b random(0, 3)
\set s1 (:tid - 1) * 4 + 1 + :a
\set s2 (:tid - 1) * 4 + 1 + :b
BEGIN;
select now() from terminal_holds th where th.terminal_id = :tid for update;
with seats as (select array(select distinct x from unnest(array['V' || :s1, 'V' || :s2]) x order by x) as a),
ended as (insert into ended_holds (id, showtime_id, terminal_id, status, seat_ids, created_at, expires_at, max_expires_at, ended_at, accessible)
  select hold_id, showtime_id, terminal_id, case when expires_at <= now() then 'EXPIRED' else 'RELEASED' end, seat_ids, created_at, expires_at, max_expires_at, now(), accessible
    from terminal_holds where terminal_id = :tid and hold_id is not null
  returning id, showtime_id, seat_ids),
newid as (select gen_random_uuid() as id),
new_hold as (update terminal_holds set hold_id = (select id from newid), showtime_id = 1, seat_ids = (select a from seats), created_at = now(),
    expires_at = now() + interval '8 minutes', max_expires_at = now() + interval '20 minutes', accessible = false
  where terminal_id = :tid returning created_at, expires_at, max_expires_at),
wanted as (select cast(1 as bigint) as showtime_id, w.seat, true as take from unnest((select a from seats)) as w (seat)
  union all select e.showtime_id, r.seat, false from ended e cross join unnest(e.seat_ids) as r (seat) where not (e.showtime_id = 1 and r.seat = any(cast((select a from seats) as text[])))),
claimed as (insert into seat_claims as c (showtime_id, seat_id, state, hold_id, terminal_id, expires_at, version)
  select w.showtime_id, w.seat, case when w.take then 'HELD' else 'FREE' end, case when w.take then (select id from newid) end,
         case when w.take then cast(:tid as bigint) end, case when w.take then now() + interval '8 minutes' end, nextval('seat_claim_version')
    from wanted w order by w.showtime_id, w.seat collate "C"
  on conflict (showtime_id, seat_id) do update
     set state = excluded.state, hold_id = excluded.hold_id, terminal_id = excluded.terminal_id, expires_at = excluded.expires_at, version = excluded.version
   where (excluded.state = 'HELD' and (c.state = 'FREE' or (c.state = 'HELD' and (c.expires_at <= now() or c.hold_id = excluded.hold_id or c.hold_id = (select id from ended)))))
      or (excluded.state = 'FREE' and c.state = 'HELD' and c.hold_id = (select id from ended))
  returning c.showtime_id, c.seat_id, c.state)
select n.created_at, marquee_hold_complete(array(select seat_id from claimed where showtime_id = 1 and state = 'HELD'), (select a from seats), cast('{}' as text[])) from new_hold n;
COMMIT;
