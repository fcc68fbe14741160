-- Supply-demand matchmaking fairs (issue 14), the shared core every fair feature builds on: fairs and who runs
-- them, the enterprises taking part (screened by the organisers), and the supply/demand listings enterprises publish.
-- Features (screening, listings, matching, meetings, pipeline) add their own tables in later migrations.
create extension if not exists btree_gist;

create table fair (
    id            bigint      generated always as identity primary key,
    organiser_id  bigint      not null references app_user (id),
    title         text        not null check (char_length(title) between 1 and 100),
    kind          text        not null check (kind in ('PROCUREMENT', 'ROADSHOW', 'CHAIN', 'CLOUD_EXPO')),
    mode          text        not null check (mode in ('ONLINE', 'OFFLINE', 'HYBRID')),
    -- CLOSED: closed-door, invite-only; invisible to anyone but its organisers, admins and invited enterprises
    visibility    text        not null check (visibility in ('PUBLIC', 'CLOSED')),
    status        text        not null default 'DRAFT' check (status in ('DRAFT', 'PUBLISHED', 'CANCELLED')),
    starts_at     timestamptz not null,
    ends_at       timestamptz not null,
    region        text        not null check (char_length(region) between 1 and 60),
    venue         text        check (char_length(venue) between 1 and 200),
    summary       text        not null default '' check (char_length(summary) <= 4000),
    -- how many enterprises may be approved
    capacity      int         not null check (capacity between 1 and 100000),
    cover_file_id bigint      references stored_file (id),
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    check (ends_at > starts_at),
    check (mode = 'ONLINE' or venue is not null)
);
create index fair_organiser_idx on fair (organiser_id, id);
create index fair_public_idx on fair (starts_at, id) where status = 'PUBLISHED' and visibility = 'PUBLIC';

-- further organisers of a fair (co-organisers) besides the one who created it
create table fair_organiser (
    fair_id  bigint not null references fair (id) on delete cascade,
    user_id  bigint not null references app_user (id),
    primary key (fair_id, user_id)
);
create index fair_organiser_user_idx on fair_organiser (user_id, fair_id);

-- an enterprise taking part in a fair, registered by one of its people (the contact), with its questionnaire (摸底)
create table fair_participant (
    id               bigint      generated always as identity primary key,
    fair_id          bigint      not null references fair (id) on delete cascade,
    enterprise_id    bigint      not null references enterprise (id),
    user_id          bigint      not null references app_user (id),
    -- procurement / chain / expo: SUPPLIER, BUYER or BOTH; roadshow: PROJECT (seeks funds) or INVESTOR (funds, banks)
    role             text        not null check (role in ('SUPPLIER', 'BUYER', 'BOTH', 'PROJECT', 'INVESTOR')),
    status           text        not null default 'PENDING'
        check (status in ('PENDING', 'NEEDS_INFO', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
    offers           text        not null default '' check (char_length(offers) <= 1000),
    needs            text        not null default '' check (char_length(needs) <= 1000),
    -- budget (buyers, investors) or amount sought/offered, fen
    amount_min_fen   bigint      check (amount_min_fen >= 0),
    amount_max_fen   bigint      check (amount_max_fen <= 1000000000000000),
    certifications   text[]      not null default '{}' check (cardinality(certifications) <= 10),
    invited          boolean     not null default false,
    reason           text        check (char_length(reason) between 1 and 500),
    decided_by       bigint      references app_user (id),
    decided_at       timestamptz,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    unique (fair_id, enterprise_id),
    check (amount_min_fen is null or amount_max_fen is null or amount_min_fen <= amount_max_fen),
    check (status not in ('REJECTED', 'NEEDS_INFO') or reason is not null)
);
create index fair_participant_fair_idx on fair_participant (fair_id, status, id);
create index fair_participant_user_idx on fair_participant (user_id);
create index fair_participant_enterprise_idx on fair_participant (enterprise_id);

-- a supply (offer) or demand (request) listing of an enterprise; it takes part in every fair the enterprise is approved
-- for while it is valid. category: a code of IndustryTaxonomy (resource fair/industries.tsv).
create table fair_listing (
    id              bigint      generated always as identity primary key,
    enterprise_id   bigint      not null references enterprise (id),
    created_by      bigint      not null references app_user (id),
    side            text        not null check (side in ('SUPPLY', 'DEMAND')),
    title           text        not null check (char_length(title) between 1 and 100),
    description     text        not null default '' check (char_length(description) <= 2000),
    category        text        not null check (category ~ '^[A-T][0-9]{2,4}$'),
    keywords        text[]      not null default '{}' check (cardinality(keywords) <= 10),
    region          text        not null check (char_length(region) between 1 and 60),
    quantity        text        check (char_length(quantity) between 1 and 40),
    amount_min_fen  bigint      check (amount_min_fen >= 0),
    amount_max_fen  bigint      check (amount_max_fen <= 1000000000000000),
    valid_until     timestamptz not null,
    status          text        not null default 'ACTIVE' check (status in ('ACTIVE', 'WITHDRAWN')),
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    check (amount_min_fen is null or amount_max_fen is null or amount_min_fen <= amount_max_fen)
);
create index fair_listing_enterprise_idx on fair_listing (enterprise_id, id);
create index fair_listing_category_idx on fair_listing (category, side) where status = 'ACTIVE';

-- a listing's attachments (uploaded files), in order
create table fair_listing_file (
    listing_id  bigint not null references fair_listing (id) on delete cascade,
    file_id     bigint not null references stored_file (id),
    position    int    not null check (position between 0 and 9),
    primary key (listing_id, file_id),
    unique (listing_id, position)
);
