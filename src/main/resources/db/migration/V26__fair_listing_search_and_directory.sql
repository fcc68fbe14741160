-- Fair listings (issue 14, item 3): search over a listing's text, and the quarterly 供需目录 (a published, frozen
-- snapshot of the listings of a fair, or of all public fairs an organiser runs, valid in one quarter).

-- the searchable text of a listing: title, description and keywords (array_to_string is only STABLE in general; for a
-- text[] it cannot change, so the wrapper may be IMMUTABLE and serve a generated column and an expression index)
create function fair_listing_text(title text, description text, keywords text[]) returns text
    language sql immutable strict parallel safe
as $$
    select title || ' ' || description || ' ' || array_to_string(keywords, ' ')
$$;

-- the one- and two-character grams of a listing's title and keywords: ?q= of one or two characters. Only the short
-- fields: a single character somewhere in a 2,000-character description says little, and the grams of long texts make
-- writes slow (10,000 demo listings: seconds). Unigrams by one regexp split (faster than substr per position).
create function fair_listing_grams(title text, keywords text[]) returns text[]
    language sql immutable strict parallel safe
as $$
    select coalesce(array_agg(distinct g), '{}')
      from (select lower(title || ' ' || array_to_string(keywords, ' ')) as t) s,
           lateral (select c as g from unnest(regexp_split_to_array(s.t, '')) c
                    union all
                    select substr(s.t, i, 2) from generate_series(1, char_length(s.t) - 1) i) grams
     where g !~ '\s'
$$;
alter table fair_listing
    add column search_grams text[] generated always as (fair_listing_grams(title, keywords)) stored;
-- ?q= of three or more characters: fair_listing_text(title, description, keywords) ilike '%…%'
create index fair_listing_search_trgm on fair_listing
    using gin (fair_listing_text(title, description, keywords) gin_trgm_ops);
create index fair_listing_search_grams on fair_listing using gin (search_grams);
-- a fair's listings: those of its approved participants' enterprises, active, newest first
create index fair_listing_active_enterprise_idx on fair_listing (enterprise_id, id) where status = 'ACTIVE';

-- a published directory: who published it, of which fair (null: every public fair the publisher runs), for which period
create table fair_directory (
    id            bigint      generated always as identity primary key,
    organiser_id  bigint      not null references app_user (id),
    fair_id       bigint      references fair (id) on delete cascade,
    title         text        not null check (char_length(title) between 1 and 160),
    -- 2026年第四季度; the period is [period_start, period_end) in Asia/Shanghai dates
    period_label  text        not null check (char_length(period_label) between 1 and 40),
    period_start  date        not null,
    period_end    date        not null,
    entry_count   int         not null check (entry_count >= 0),
    published_at  timestamptz not null,
    check (period_end > period_start)
);
create index fair_directory_fair_idx on fair_directory (fair_id, id);
create index fair_directory_organiser_idx on fair_directory (organiser_id, id);

-- one listing as it was when the directory was published (no reference to the live listing's text: later edits and
-- withdrawals do not change a published directory)
create table fair_directory_entry (
    directory_id    bigint      not null references fair_directory (id) on delete cascade,
    position        int         not null check (position >= 0),
    listing_id      bigint      not null,
    enterprise_name text        not null,
    side            text        not null check (side in ('SUPPLY', 'DEMAND')),
    title           text        not null,
    description     text        not null,
    category        text        not null,
    category_name   text        not null,
    keywords        text[]      not null,
    region          text        not null,
    quantity        text,
    amount_min_fen  bigint,
    amount_max_fen  bigint,
    valid_until     timestamptz not null,
    primary key (directory_id, position),
    unique (directory_id, listing_id)
);

-- a published directory is frozen: its rows are never updated (a wrong one is replaced by publishing anew)
create function fair_directory_frozen() returns trigger
    language plpgsql
as $$
begin
    raise exception 'a published fair directory cannot be changed' using errcode = 'check_violation';
end
$$;
create trigger fair_directory_entry_frozen before update on fair_directory_entry
    for each row execute function fair_directory_frozen();
create trigger fair_directory_frozen before update on fair_directory
    for each row execute function fair_directory_frozen();
