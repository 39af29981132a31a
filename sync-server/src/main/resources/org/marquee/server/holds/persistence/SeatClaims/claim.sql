insert into seat_claims as c (showtime_id, seat_id, state, hold_id, expires_at, version)
select :showtime, s.seat,
       case when s.take then 'HELD' else 'FREE' end,
       case when s.take then cast(:hold as uuid) end,
       case when s.take then cast(:expiresAt as timestamptz) end,
       nextval('seat_claim_version')
  from unnest(cast(:seats as text[]), cast(:take as boolean[])) as s (seat, take)
on conflict (showtime_id, seat_id) do update
   set state = excluded.state, hold_id = excluded.hold_id, expires_at = excluded.expires_at,
       version = excluded.version
 where (excluded.state = 'HELD'
        and (c.state = 'FREE'
             or (c.state = 'HELD' and (c.expires_at <= now()
                                       or c.hold_id = cast(:hold as uuid)
                                       or c.hold_id = cast(:releasing as uuid)))))
    or (excluded.state = 'FREE' and c.state = 'HELD' and c.hold_id = cast(:releasing as uuid))
returning c.seat_id, c.state
