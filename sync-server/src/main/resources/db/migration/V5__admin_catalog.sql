-- The admin catalog and schedule (DESIGN §7.1).

-- A showtime keeps its own copy of its auditorium's layout: changing an auditorium's layout changes the seat map of
-- its future showtimes only (the admin API copies the new layout onto them in the same transaction), and a showtime
-- that has started keeps the seats it was sold with. Filled from the auditorium whenever a showtime is written without
-- one, or moved to another auditorium, so that every writer (the demo loader too) gets it right.
alter table showtimes add column layout text[], add column seat_count integer;
update showtimes s set layout = a.layout, seat_count = a.seat_count from auditoriums a where a.id = s.auditorium_id;
alter table showtimes alter column layout set not null, alter column seat_count set not null;

create function showtime_layout() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' and new.layout is null
       or tg_op = 'UPDATE' and new.auditorium_id is distinct from old.auditorium_id and new.layout is not distinct from old.layout then
        select a.layout, a.seat_count into new.layout, new.seat_count from auditoriums a where a.id = new.auditorium_id;
    end if;
    return new;
end $$;
create trigger showtimes_layout before insert or update on showtimes for each row execute function showtime_layout();

-- A claim GONE is a seat that can no longer be sold for that showtime: dropped from its layout, or of a cancelled
-- showtime. Acquisition takes a row over only when it is FREE or an expired HELD, so a GONE row refuses every hold,
-- also one that raced the change with what it knew before it (docs/decisions/0017).
alter table seat_claims drop constraint seat_claims_state_check;
alter table seat_claims add constraint seat_claims_state_check check (state in ('FREE', 'HELD', 'SOLD', 'GONE'));
alter table seat_claims drop constraint seat_claims_check1;
alter table seat_claims add constraint seat_claims_hold_check check ((state in ('FREE', 'GONE')) = (hold_id is null));

-- Theater names, movie titles and price plan names are told apart by managers: the same one twice is refused.
create unique index theaters_name_unique on theaters (lower(name));

-- Why a showtime was cancelled, for the terminals' and the buyers' information.
alter table showtimes add column cancel_reason text;
