-- The transactional outbox (common/outbox): events written in the transaction of the change they belong to and
-- delivered afterwards, at least once, by one instance at a time (OutboxRelay).
create table outbox_event (
    id           bigint generated always as identity primary key,
    kind         text        not null check (kind ~ '^[a-z][a-z0-9.-]{0,63}$'),
    payload      jsonb       not null,
    created_at   timestamptz not null default now(),
    available_at timestamptz not null default now(),
    attempts     integer     not null default 0 check (attempts >= 0),
    delivered_at timestamptz,
    last_error   text check (length(last_error) <= 500)
);

-- what the relay reads: due events not yet delivered, oldest first
create index outbox_event_due on outbox_event (available_at, id) where delivered_at is null;
-- what the clean-up reads
create index outbox_event_delivered on outbox_event (delivered_at) where delivered_at is not null;
