-- Reports read the orders of their dates through these, not every order (issue 12): a sale counts on the day its
-- order was paid, a refund on the day its order was refunded.
create index orders_paid_at on orders (paid_at) where paid_at is not null;
create index orders_refunded_at on orders (ended_at) where status = 'REFUNDED';
-- a card refund that failed and was settled later (a retry, or paid out in cash) counts on the day the money went back
create index payments_refunded_at on payments (refunded_at) where refunded_at is not null;
