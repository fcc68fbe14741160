-- Showcase orders (from a product page, a flash deal or an accepted quote) and group-customer quotes.

create table quote_request (
    id             bigint generated always as identity primary key,
    buyer_id       bigint      not null references app_user (id),
    enterprise_id  bigint      not null references enterprise (id),
    merchant_id    bigint      not null references merchant (id),
    product_id     bigint      not null references product (id),
    -- as the merchant saw them when asked
    product_name   text        not null,
    buyer_name     text        not null,
    enterprise_name text       not null,
    quantity       int         not null check (quantity > 0),
    note           text        not null default '' check (char_length(note) <= 1000),
    status         text        not null default 'REQUESTED'
                               check (status in ('REQUESTED', 'ANSWERED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN')),
    unit_price_fen bigint      check (unit_price_fen > 0),
    valid_until    timestamptz,
    answer_note    text        check (char_length(answer_note) <= 1000),
    answered_at    timestamptz,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    check (status not in ('ANSWERED', 'ACCEPTED') or (unit_price_fen is not null and valid_until is not null))
);
create index quote_request_merchant_idx on quote_request (merchant_id, id);
create index quote_request_buyer_idx on quote_request (buyer_id, id);

create table customer_order (
    id                bigint generated always as identity primary key,
    buyer_id          bigint      not null references app_user (id),
    merchant_id       bigint      not null references merchant (id),
    product_id        bigint      not null references product (id),
    deal_id           bigint      references flash_deal (id),
    deal_shard        smallint,
    product_name      text        not null,
    quote_id          bigint      references quote_request (id),
    session_id        bigint      references live_session (id),
    quantity          int         not null check (quantity > 0),
    unit_price_fen    bigint      not null check (unit_price_fen > 0),
    total_fen         bigint      not null check (total_fen = unit_price_fen * quantity),
    status            text        not null default 'CREATED'
                                  check (status in ('CREATED', 'PAID', 'SHIPPED', 'COMPLETED', 'CANCELLED')),
    idempotency_key   text        not null check (char_length(idempotency_key) between 1 and 100),
    -- sha-256 of what was asked (item, quantity, recipient): a repeat of the key with another request is refused
    request_hash      text        not null,
    recipient_name    text        not null check (char_length(recipient_name) between 1 and 40),
    recipient_phone   text        not null check (recipient_phone ~ '^1[3-9][0-9]{9}$'),
    address           text        not null check (char_length(address) between 1 and 200),
    payment_method    text        not null default 'OFFLINE' check (char_length(payment_method) between 1 and 20),
    payment_reference text,
    pay_by            timestamptz not null,
    paid_at           timestamptz,
    shipped_at        timestamptz,
    carrier           text,
    tracking_no       text,
    completed_at      timestamptz,
    cancelled_at      timestamptz,
    cancel_reason     text,
    cancelled_by      text        check (cancelled_by in ('BUYER', 'MERCHANT', 'SYSTEM')),
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    constraint customer_order_idempotency_key unique (buyer_id, idempotency_key),
    check ((deal_id is null) = (deal_shard is null))
);
create index customer_order_buyer_idx on customer_order (buyer_id, id);
create index customer_order_merchant_idx on customer_order (merchant_id, id);
create index customer_order_session_idx on customer_order (session_id, id) where session_id is not null;
create index customer_order_deal_idx on customer_order (deal_id) where deal_id is not null;
create index customer_order_unpaid_idx on customer_order (pay_by) where status = 'CREATED';
-- one order per accepted quote
create unique index customer_order_quote_key on customer_order (quote_id) where quote_id is not null;

-- how much each buyer holds of a flash deal (orders not cancelled): the per-buyer limit enforced in PostgreSQL
-- (an upsert that only succeeds while bought + n <= the deal's limit), whatever the Redis gate says
create table flash_deal_buyer (
    deal_id  bigint not null references flash_deal (id),
    buyer_id bigint not null references app_user (id),
    bought   int    not null check (bought >= 0),
    primary key (deal_id, buyer_id)
);

-- A flash-deal order in one statement (one round trip, no BEGIN/COMMIT): the buyer's holding within the limit,
-- n units from one shard (the buyer's preferred shard or the next one no other order holds locked right now),
-- then the order row. All or nothing; refusals are errors with SQLSTATE LH001 (limit reached), LH002 (no free
-- shard has n units right now: the caller retries in a transaction that waits for busy shards or gathers the last
-- units from several) and LH003 (this buyer already used the Idempotency-Key).
create function place_flash_deal_order(p_deal bigint, p_buyer bigint, p_n int, p_limit int, p_first int, p_shards int,
                                       p_merchant bigint, p_product bigint, p_product_name text, p_session bigint,
                                       p_price bigint, p_key text, p_hash text, p_name text, p_phone text,
                                       p_address text, p_pay_by timestamptz)
    returns setof customer_order
    language plpgsql as $$
declare
    v_shard smallint;
begin
    insert into flash_deal_buyer (deal_id, buyer_id, bought) values (p_deal, p_buyer, p_n)
    on conflict (deal_id, buyer_id) do update set bought = flash_deal_buyer.bought + excluded.bought
    where flash_deal_buyer.bought + excluded.bought <= p_limit;
    if not found then
        raise exception using errcode = 'LH001', message = 'limit-reached';
    end if;
    update flash_deal_stock set remaining = remaining - p_n
    where deal_id = p_deal and remaining >= p_n and shard = (
        select shard from flash_deal_stock where deal_id = p_deal and remaining >= p_n
        order by (shard + (p_shards - p_first) % p_shards) % p_shards limit 1 for update skip locked)
    returning shard into v_shard;
    if v_shard is null then
        raise exception using errcode = 'LH002', message = 'no-free-shard';
    end if;
    return query
        insert into customer_order (buyer_id, merchant_id, product_id, product_name, deal_id, deal_shard, session_id,
                                    quantity, unit_price_fen, total_fen, idempotency_key, request_hash, recipient_name,
                                    recipient_phone, address, payment_method, pay_by)
        values (p_buyer, p_merchant, p_product, p_product_name, p_deal, v_shard, p_session, p_n, p_price, p_price * p_n,
                p_key, p_hash, p_name, p_phone, p_address, 'OFFLINE', p_pay_by)
        on conflict (buyer_id, idempotency_key) do nothing
        returning *;
    if not found then
        raise exception using errcode = 'LH003', message = 'key-taken';
    end if;
end $$;
