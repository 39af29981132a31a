-- The language an order's tickets and confirmation e-mail are written in ('en', 'es'), as the terminal that made the
-- order asked with Accept-Language. Null for orders made before, or without asking: those are written in English.
-- The confirmation is mailed after the payment settles, perhaps from a webhook with no terminal's request to ask.
alter table orders add column language text check (language in ('en', 'es'));
