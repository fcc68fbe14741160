-- Showcase catalogue: a merchant's products (名优新特, 文创, 非遗, 旅游纪念品) and their images.

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
    version      int         not null default 1,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now()
);
create index product_merchant_idx on product (merchant_id, id);
create index product_on_sale_idx on product (id) where status = 'ON_SALE';
create index product_search_trgm on product using gin ((name || ' ' || description) gin_trgm_ops);

create table product_image (
    product_id bigint not null references product (id) on delete cascade,
    file_id    bigint not null references stored_file (id),
    position   int    not null check (position >= 0),
    primary key (product_id, file_id)
);
