-- A payment is a record before it is a charge (DESIGN §10, docs/decisions/0007): its row is committed as STARTED
-- before the provider is called, with the payment's id as the provider's idempotency key, and finished in a second
-- transaction. STARTED rows left by a crash, an outage or a timeout are settled by the reconciler; REFUND_DUE rows are
-- charges that bought nothing and are being given back.
alter table payments drop constraint payments_status_check;
alter table payments add constraint payments_status_check
    check (status in ('STARTED', 'APPROVED', 'DECLINED', 'REFUNDED', 'PENDING', 'REFUND_DUE'));

-- the request that started the payment, so that its retry with the same Idempotency-Key finishes it
alter table payments add column request_terminal_id bigint references terminals (id);
alter table payments add column request_key text;
-- when the reconciler may look at an unfinished payment next (a lease, so instances do not work on it at once)
alter table payments add column reconcile_after timestamptz;
alter table payments add column updated_at timestamptz not null default now();

create index payments_request on payments (request_terminal_id, request_key) where request_key is not null;
create index payments_unfinished on payments (reconcile_after) where status in ('STARTED', 'REFUND_DUE');
-- at most one charge under way per order: a second one waits for the first to be settled
create unique index payments_one_started on payments (order_id) where status = 'STARTED';

-- answers are now written with their effects; rows without one were claims of an older version
delete from idempotency_keys where status_code is null;
