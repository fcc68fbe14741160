-- Showcase catalogue: a merchant's products (名优新特, 文创, 非遗, 旅游纪念品) and their images.

-- The distinct 1- and 2-character grams of a text, lower-cased, without whitespace. Chinese search for
-- one- or two-character queries (茶, 西凤) uses them: a trigram index cannot answer those, and pg_trgm only
-- extracts trigrams from Chinese text when the database's ctype classifies CJK characters as letters.
create function catalogue_grams(t text) returns text[]
    language sql immutable strict parallel safe
as $$
    select coalesce(array_agg(distinct g), '{}')
    from (select substr(lower(t), i, 1) as g from generate_series(1, char_length(t)) i
          union all
          select substr(lower(t), i, 2) from generate_series(1, char_length(t) - 1) i) grams
    where g !~ '\s'
$$;

create table product (
    id           bigint generated always as identity primary key,
    merchant_id  bigint      not null references merchant (id),
    name         text        not null check (char_length(name) between 1 and 100),
    category     text        not null
                             check (category in ('FAMOUS_QUALITY', 'CULTURAL_CREATIVE', 'INTANGIBLE_HERITAGE', 'TOURISM_SOUVENIR')),
    region       text        not null check (char_length(region) between 1 and 40),
    description  text        not null default '' check (char_length(description) <= 5000),
    price_fen    bigint      not null check (price_fen > 0),
    stock        int         not null check (stock >= 0),
    channels     text[]      not null default '{}'
                             check (channels <@ array['OFFLINE_EXHIBITION', 'COMMUNITY_GROUP_BUY', 'SOCIAL_DISTRIBUTION',
                                                      'LIVE_ECOMMERCE', 'CHANNEL_EXPORT']),
    status       text        not null default 'DRAFT' check (status in ('DRAFT', 'ON_SALE', 'OFF_SHELF')),
    -- bumped by every change (fields, images, status, stock): optimistic concurrency for merchants' edits
    version      int         not null default 1,
    search_grams text[]      generated always as (catalogue_grams(name || ' ' || description)) stored,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now()
);
create index product_merchant_idx on product (merchant_id, id);
create index product_on_sale_idx on product (id) where status = 'ON_SALE';
-- queries of three or more characters: (name || ' ' || description) ilike '%…%'
create index product_search_trgm on product using gin ((name || ' ' || description) gin_trgm_ops);
-- queries of one or two characters: search_grams @> array[lower(q)]
create index product_search_grams on product using gin (search_grams);
create index product_channels_idx on product using gin (channels);

create table product_image (
    product_id bigint not null references product (id) on delete cascade,
    file_id    bigint not null references stored_file (id),
    position   int    not null check (position between 0 and 8),
    primary key (product_id, file_id),
    constraint product_image_position_key unique (product_id, position)
);
