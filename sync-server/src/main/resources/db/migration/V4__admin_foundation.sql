-- The second round's admin API (DESIGN §7), seat rules (§8) and door scanners (§9) share these columns and tables.

-- Theater settings: cleaning time between showtimes of an auditorium, the single-seat rule, and how long before
-- the start accessible seats are released to everyone.
alter table theaters
    add column cleaning_minutes integer not null default 20 check (cleaning_minutes between 0 and 240),
    add column single_seat_rule text not null default 'KIOSK' check (single_seat_rule in ('OFF', 'KIOSK', 'ALL')),
    add column accessible_release_minutes integer not null default 30
        check (accessible_release_minutes between 0 and 1440);

-- Door scanners are terminals of their own kind.
alter table terminals drop constraint terminals_kind_check;
alter table terminals add constraint terminals_kind_check check (kind in ('KIOSK', 'COUNTER', 'SCANNER'));

-- The audit log (§7.5): one entry per admin mutation, refund, cancel, force release, override and manual
-- settlement, written in the transaction of its effect. Who: the staff member and the terminal they used.
create table audit_log (
    id            bigint generated always as identity primary key,
    at            timestamptz not null default now(),
    staff_id      bigint references staff (id),
    username      text,
    terminal_id   bigint references terminals (id),
    terminal_name text,
    action        text        not null,
    entity_type   text        not null,
    entity_id     text,
    details       jsonb       not null default '{}'
);
create index audit_log_at on audit_log (at desc, id desc);
create index audit_log_action on audit_log (action, at desc);

-- Entries are never updated or deleted: the database refuses it, whoever asks.
create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit log is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
end $$;
create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_is_append_only();
