-- Showcase livestreams: sessions with their product lineup, reminders, and flash deals.

-- A merchant's livestream. The stream itself is external (HLS/FLV/WebRTC URL): the platform embeds a player.
-- SCHEDULED -> LIVE -> ENDED, or SCHEDULED -> CANCELLED. The audience figures are copied from presence at the end.
create table live_session (
    id                bigint generated always as identity primary key,
    merchant_id       bigint      not null references merchant (id),
    title             text        not null check (char_length(title) between 1 and 100),
    cover_file_id     bigint      references stored_file (id),
    starts_at         timestamptz not null,
    stream_url        text        not null check (char_length(stream_url) <= 500 and stream_url ~ '^(https?|wss?|webrtc)://[^[:space:]]+$'),
    status            text        not null default 'SCHEDULED' check (status in ('SCHEDULED', 'LIVE', 'ENDED', 'CANCELLED')),
    started_at        timestamptz,
    ended_at          timestamptz,
    -- the product being explained now: only while live, and only one of the session's lineup (foreign key below)
    pinned_product_id bigint      references product (id),
    peak_viewers      int         not null default 0 check (peak_viewers >= 0),
    unique_viewers    bigint      not null default 0 check (unique_viewers >= 0),
    watch_seconds     bigint      not null default 0 check (watch_seconds >= 0),
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    check (status not in ('LIVE', 'ENDED') or started_at is not null),
    check (status <> 'ENDED' or ended_at is not null),
    check (pinned_product_id is null or status = 'LIVE')
);
create index live_session_schedule_idx on live_session (starts_at, id) where status in ('SCHEDULED', 'LIVE');
create index live_session_merchant_idx on live_session (merchant_id, id);

-- the session's products in the order the merchant presents them
create table live_session_product (
    session_id bigint not null references live_session (id) on delete cascade,
    product_id bigint not null references product (id),
    position   int    not null check (position >= 0),
    primary key (session_id, product_id),
    unique (session_id, position)
);

alter table live_session add constraint live_session_pinned_in_lineup
    foreign key (id, pinned_product_id) references live_session_product (session_id, product_id);

-- "remind me": notified_at is set once, by whichever instance claims the row when the session goes live
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
