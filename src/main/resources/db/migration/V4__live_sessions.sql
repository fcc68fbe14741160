-- Showcase livestreams: sessions with their product lineup, reminders, and flash deals.

create table live_session (
    id                bigint generated always as identity primary key,
    merchant_id       bigint      not null references merchant (id),
    title             text        not null check (char_length(title) between 1 and 100),
    cover_file_id     bigint      references stored_file (id),
    starts_at         timestamptz not null,
    stream_url        text        not null check (stream_url ~ '^(https?|wss?)://'),
    status            text        not null default 'SCHEDULED' check (status in ('SCHEDULED', 'LIVE', 'ENDED', 'CANCELLED')),
    started_at        timestamptz,
    ended_at          timestamptz,
    pinned_product_id bigint      references product (id),
    peak_viewers      int         not null default 0,
    unique_viewers    bigint      not null default 0,
    watch_seconds     bigint      not null default 0,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now()
);
create index live_session_schedule_idx on live_session (starts_at, id) where status in ('SCHEDULED', 'LIVE');
create index live_session_merchant_idx on live_session (merchant_id, id);

create table live_session_product (
    session_id bigint not null references live_session (id) on delete cascade,
    product_id bigint not null references product (id),
    position   int    not null check (position >= 0),
    primary key (session_id, product_id)
);

create table live_reminder (
    session_id  bigint      not null references live_session (id),
    user_id     bigint      not null references app_user (id),
    created_at  timestamptz not null default now(),
    notified_at timestamptz,
    primary key (session_id, user_id)
);

-- a flash deal of a live session: its quantity was taken from the product's stock when it opened and lives in
-- flash_deal_stock shards until sold; at the end the unsold quantity goes back to the product exactly once
-- (settled_at is set by the one transaction that returned it)
create table flash_deal (
    id              bigint generated always as identity primary key,
    session_id      bigint      not null references live_session (id),
    merchant_id     bigint      not null references merchant (id),
    product_id      bigint      not null references product (id),
    product_name    text        not null,
    list_price_fen  bigint      not null check (list_price_fen > 0),
    price_fen       bigint      not null check (price_fen > 0),
    quantity        int         not null check (quantity > 0),
    per_buyer_limit int         not null check (per_buyer_limit > 0),
    shard_count     smallint    not null check (shard_count between 1 and 64),
    starts_at       timestamptz not null,
    ends_at         timestamptz not null,
    settled_at      timestamptz,
    unsold_returned int         check (unsold_returned >= 0),
    created_at      timestamptz not null default now(),
    check (ends_at - starts_at between interval '10 seconds' and interval '300 seconds'),
    check ((settled_at is null) = (unsold_returned is null))
);
create index flash_deal_session_idx on flash_deal (session_id, id);
create index flash_deal_merchant_idx on flash_deal (merchant_id, id);
create index flash_deal_unsettled_idx on flash_deal (ends_at) where settled_at is null;

-- a deal's stock, split into shards so that concurrent orders do not all update one hot row;
-- sum(remaining) + quantity of its orders not cancelled before settlement + unsold_returned = flash_deal.quantity
create table flash_deal_stock (
    deal_id   bigint   not null references flash_deal (id),
    shard     smallint not null check (shard >= 0),
    remaining int      not null check (remaining >= 0),
    primary key (deal_id, shard)
);
