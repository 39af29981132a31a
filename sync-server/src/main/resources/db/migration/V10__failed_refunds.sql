-- Failed card refunds (DESIGN §7.3, docs/decisions/0022): a refund the provider refuses is REFUND_FAILED, not
-- approved. The sweeper tries it again with exponential backoff until the provider accepts (REFUNDED) or a manager
-- pays it out in cash at the counter (REFUNDED, counted out of the manager's drawer).
alter table payments drop constraint payments_status_check;
alter table payments add constraint payments_status_check
    check (status in ('STARTED', 'APPROVED', 'DECLINED', 'REFUNDED', 'PENDING', 'REFUND_DUE', 'REFUND_FAILED'));

-- how often the provider refused (or failed to answer) the refund, when it first did, what it said last and when the
-- sweeper tries again
alter table payments add column refund_attempts integer not null default 0 check (refund_attempts >= 0);
alter table payments add column refund_failed_at timestamptz;
alter table payments add column refund_error text;
alter table payments add column next_refund_at timestamptz;
-- set while a retry is asking the provider: a manager cannot pay the refund out in cash meanwhile, so the money is
-- never given back twice; an instance that dies mid-retry leaves it to be taken over once it is old
alter table payments add column refund_retrying_since timestamptz;
-- the manager who paid a failed refund out in cash, when one did
alter table payments add column refunded_in_cash_by bigint references staff (id);

alter table payments add constraint payments_refund_failed_has_next
    check (status <> 'REFUND_FAILED' or (next_refund_at is not null and refund_failed_at is not null));

create index payments_refund_failed on payments (next_refund_at) where status = 'REFUND_FAILED';
