-- Identity: enterprises (企业) and the users who belong to them.
create extension if not exists pg_trgm;

create table enterprise (
    id           bigint generated always as identity primary key,
    name         text        not null check (char_length(name) between 1 and 100),
    credit_code  char(18)    not null,
    region       text        not null check (char_length(region) between 1 and 60),
    industry     text        not null check (char_length(industry) between 1 and 60),
    size         text        not null check (size in ('MICRO', 'SMALL', 'MEDIUM', 'LARGE')),
    tier         text        not null default 'NONE'
                             check (tier in ('NONE', 'INNOVATIVE_SME', 'SPECIALISED', 'LITTLE_GIANT', 'SINGLE_CHAMPION')),
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    constraint enterprise_credit_code_key unique (credit_code)
);

create table app_user (
    id             bigint generated always as identity primary key,
    username       text        not null check (username ~ '^[A-Za-z0-9_.-]{3,32}$'),
    password_hash  text        not null,
    display_name   text        not null check (char_length(display_name) between 1 and 40),
    phone          text        check (phone ~ '^1[3-9][0-9]{9}$'),
    roles          text[]      not null default array['VIEWER']
                               check (cardinality(roles) >= 1
                                      and roles <@ array['VIEWER', 'MERCHANT', 'ORGANISER', 'ADMIN']),
    enterprise_id  bigint      references enterprise (id),
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now()
);

-- usernames are unique regardless of case
create unique index app_user_username_key on app_user (lower(username));
create index app_user_enterprise_idx on app_user (enterprise_id);
-- admin search (?q=) over usernames and Chinese display names without sequential LIKE scans
create index app_user_search_trgm on app_user using gin ((username || ' ' || display_name) gin_trgm_ops);
