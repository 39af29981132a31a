-- A terminal's current hold lives in one row per terminal, updated in place; a hold that ended is written once to
-- ended_holds; `holds` is a view of both, with every column and status it had as a table (decision 0041). A grant used
-- to end the previous hold's row (a new version in every index) and insert a new row in four indexes with two foreign
-- keys checked: PostgreSQL's work per grant was about 1.5 times alf.io's (docs/BENCHMARKS.md, issue 17 fifteenth
-- session). Now a grant writes its terminal's row and, when it replaces a hold, one row of ended_holds.

-- At most one active hold per terminal is now the shape of the table, not a partial unique index: the row is keyed by
-- terminal, hold_id is null between holds. A hold whose expires_at passed while its row is here is EXPIRED to every
-- reader, as before; the sweeper moves it to ended_holds.
create table terminal_holds (
    terminal_id    bigint primary key references terminals (id),
    hold_id        uuid unique,
    showtime_id    bigint references showtimes (id),
    seat_ids       text[],
    created_at     timestamptz,
    expires_at     timestamptz,
    max_expires_at timestamptz,
    accessible     boolean not null default false,
    check (hold_id is null or expires_at <= max_expires_at)
) with (fillfactor = 50);

insert into terminal_holds (terminal_id, hold_id, showtime_id, seat_ids, created_at, expires_at, max_expires_at,
                            accessible)
select t.id, h.id, h.showtime_id, h.seat_ids, h.created_at, h.expires_at, h.max_expires_at, coalesce(h.accessible, false)
  from terminals t left join holds h on h.terminal_id = t.id and h.status = 'ACTIVE';

-- Orders name holds that are still in terminal_holds: the foreign key to the table goes. An order is only written
-- for a hold its transaction has locked and read (OrderStore.save), and a hold is never deleted.
alter table orders drop constraint if exists orders_hold_id_fkey;
delete from holds where status = 'ACTIVE';
drop index if exists holds_one_active_per_terminal;
drop index if exists holds_active_expiry;
alter table holds rename to ended_holds;
alter table ended_holds drop constraint if exists holds_status_check;
-- Also what lets PostgreSQL skip this table when a query of the view asks for ACTIVE holds (constraint exclusion of
-- UNION ALL branches).
alter table ended_holds add constraint ended_holds_status_check check (status in ('EXPIRED', 'RELEASED', 'CONFIRMED'));
-- A row here is a copy of a terminal's row of terminal_holds, whose terminal and showtime were checked when the hold
-- began; checking them again locked the showtime's row (FOR KEY SHARE, a multixact when terminals grant at once) and
-- the terminal's for every hold ended: 3 of a grant's 16 WAL records. Neither a showtime nor a terminal is ever
-- deleted by the server.
alter table ended_holds drop constraint if exists holds_showtime_id_fkey;
alter table ended_holds drop constraint if exists holds_terminal_id_fkey;

-- Every terminal has its row from the start: a request's turn locks it.
create function marquee_terminal_holds_row() returns trigger language plpgsql as $$
begin
    insert into terminal_holds (terminal_id) values (new.id) on conflict do nothing;
    return new;
end
$$;
create trigger terminals_hold_row after insert on terminals
    for each row execute function marquee_terminal_holds_row();

create view holds as
select hold_id as id, showtime_id, terminal_id, cast('ACTIVE' as text) as status, seat_ids, created_at, expires_at,
       max_expires_at, cast(null as timestamptz) as ended_at, accessible, cast(null as text) as released_by,
       cast(null as text) as release_reason
  from terminal_holds
 where hold_id is not null
union all
select id, showtime_id, terminal_id, status, seat_ids, created_at, expires_at, max_expires_at, ended_at, accessible,
       released_by, release_reason
  from ended_holds;

-- Writes through the view do what they did to the table: the server's hot paths write the two tables themselves, and
-- the rest (ending a hold for an order, a manager or a cancelled showtime; tests and tools) keep their statements.
create function marquee_holds_insert() returns trigger language plpgsql as $$
begin
    if new.status = 'ACTIVE' then
        insert into terminal_holds as th (terminal_id, hold_id, showtime_id, seat_ids, created_at, expires_at,
                                          max_expires_at, accessible)
        values (new.terminal_id, new.id, new.showtime_id, new.seat_ids, new.created_at, new.expires_at,
                new.max_expires_at, coalesce(new.accessible, false))
        on conflict (terminal_id) do update
           set hold_id = excluded.hold_id, showtime_id = excluded.showtime_id, seat_ids = excluded.seat_ids,
               created_at = excluded.created_at, expires_at = excluded.expires_at,
               max_expires_at = excluded.max_expires_at, accessible = excluded.accessible
         where th.hold_id is null;
        if not found then
            raise exception 'duplicate key value violates unique constraint "holds_one_active_per_terminal"'
                using errcode = 'unique_violation', constraint = 'holds_one_active_per_terminal',
                      detail = format('Terminal %s already has an active hold.', new.terminal_id);
        end if;
    else
        insert into ended_holds (id, showtime_id, terminal_id, status, seat_ids, created_at, expires_at,
                                 max_expires_at, ended_at, accessible, released_by, release_reason)
        values (new.id, new.showtime_id, new.terminal_id, new.status, new.seat_ids, new.created_at, new.expires_at,
                new.max_expires_at, new.ended_at, coalesce(new.accessible, false), new.released_by,
                new.release_reason);
    end if;
    return new;
end
$$;

create function marquee_holds_update() returns trigger language plpgsql as $$
begin
    if old.status <> 'ACTIVE' then
        update ended_holds
           set status = new.status, seat_ids = new.seat_ids, expires_at = new.expires_at,
               max_expires_at = new.max_expires_at, ended_at = new.ended_at, accessible = new.accessible,
               released_by = new.released_by, release_reason = new.release_reason
         where id = old.id;
    elsif new.status = 'ACTIVE' then
        update terminal_holds
           set seat_ids = new.seat_ids, expires_at = new.expires_at, max_expires_at = new.max_expires_at,
               accessible = new.accessible
         where hold_id = old.id;
    else
        insert into ended_holds (id, showtime_id, terminal_id, status, seat_ids, created_at, expires_at,
                                 max_expires_at, ended_at, accessible, released_by, release_reason)
        values (old.id, old.showtime_id, old.terminal_id, new.status, new.seat_ids, old.created_at, new.expires_at,
                new.max_expires_at, coalesce(new.ended_at, now()), new.accessible, new.released_by,
                new.release_reason);
        update terminal_holds
           set hold_id = null, showtime_id = null, seat_ids = null, created_at = null, expires_at = null,
               max_expires_at = null, accessible = false
         where hold_id = old.id;
    end if;
    return new;
end
$$;

create function marquee_holds_delete() returns trigger language plpgsql as $$
begin
    if old.status = 'ACTIVE' then
        update terminal_holds
           set hold_id = null, showtime_id = null, seat_ids = null, created_at = null, expires_at = null,
               max_expires_at = null, accessible = false
         where hold_id = old.id;
    else
        delete from ended_holds where id = old.id;
    end if;
    return old;
end
$$;

create trigger holds_insert instead of insert on holds for each row execute function marquee_holds_insert();
create trigger holds_update instead of update on holds for each row execute function marquee_holds_update();
create trigger holds_delete instead of delete on holds for each row execute function marquee_holds_delete();

-- A hold's row locked as `select … from holds where id = … for update` locked it (a view of two tables cannot be
-- locked): an active hold's terminal row, which every change of the hold writes; an ended hold is only read, as it
-- no longer changes but for a manager's note. Each statement here has its own snapshot, so a hold that ended while
-- the lock was waited for is found ended.
create function marquee_lock_hold(hold uuid) returns setof holds language plpgsql as $$
begin
    return query
        select th.hold_id, th.showtime_id, th.terminal_id, cast('ACTIVE' as text), th.seat_ids, th.created_at,
               th.expires_at, th.max_expires_at, cast(null as timestamptz), th.accessible, cast(null as text),
               cast(null as text)
          from terminal_holds th
         where th.hold_id = hold
           for update;
    if not found then
        return query
            select e.id, e.showtime_id, e.terminal_id, e.status, e.seat_ids, e.created_at, e.expires_at,
                   e.max_expires_at, e.ended_at, e.accessible, e.released_by, e.release_reason
              from ended_holds e
             where e.id = hold;
    end if;
end
$$;
