-- Fair matching (issue 14): the content words of each listing (segmented once by HanLP, kept with the listing's
-- version), each listing's ranked counterparts at a fair with the parts of the score, and the matched participant
-- pairs (automatic, or made by hand by the organisers with a note).

-- a listing's content words (title, description, keywords), lower-cased; the index from a term to the listings that
-- hold it lets an incremental recompute find a changed listing's candidates without scanning the fair
create table fair_listing_term (
    listing_id  bigint not null references fair_listing (id) on delete cascade,
    term        text   not null check (char_length(term) between 1 and 40),
    primary key (listing_id, term)
);
create index fair_listing_term_term_idx on fair_listing_term (term, listing_id);

-- which version of a listing its terms were taken from (its updated_at then), and the terms again as one array: what
-- matching reads with a listing (fair_listing_term is the index from a term to its listings)
create table fair_listing_segmented (
    listing_id      bigint      primary key references fair_listing (id) on delete cascade,
    source_version  timestamptz not null,
    terms           text[]      not null default '{}' check (cardinality(terms) <= 64)
);

create index fair_listing_division_idx on fair_listing (substr(category, 1, 3), side) where status = 'ACTIVE';

-- one listing's counterpart at a fair: the listing's top-N counterparts scoring at least the threshold; the score is
-- the sum of its parts (weights in MatchWeights)
create table fair_match (
    fair_id                   bigint   not null references fair (id) on delete cascade,
    listing_id                bigint   not null references fair_listing (id) on delete cascade,
    counterpart_id            bigint   not null references fair_listing (id) on delete cascade,
    participant_id            bigint   not null references fair_participant (id) on delete cascade,
    counterpart_participant_id bigint  not null references fair_participant (id) on delete cascade,
    score                     smallint not null check (score between 0 and 100),
    category_points           smallint not null check (category_points >= 0),
    keyword_points            smallint not null check (keyword_points >= 0),
    region_points             smallint not null check (region_points >= 0),
    complement_points         smallint not null check (complement_points >= 0),
    amount_points             smallint not null check (amount_points >= 0),
    -- the deepest category both share (code), the shared terms (at most 8), the shared place (city or province)
    shared_category           text     check (shared_category ~ '^[A-T][0-9]{0,4}$'),
    shared_terms              text[]   not null default '{}' check (cardinality(shared_terms) <= 8),
    shared_place              text     check (char_length(shared_place) between 1 and 60),
    complement                text     check (complement in ('SME_TO_LARGE', 'SPECIALISED')),
    primary key (fair_id, listing_id, counterpart_id),
    check (listing_id <> counterpart_id),
    check (participant_id <> counterpart_participant_id),
    check (score = category_points + keyword_points + region_points + complement_points + amount_points)
);
create index fair_match_counterpart_idx on fair_match (fair_id, counterpart_id);
create index fair_match_listing_idx on fair_match (listing_id);
create index fair_match_participant_idx on fair_match (fair_id, participant_id, score desc, listing_id, counterpart_id);

-- a matched pair of participants (unordered: a < b), kept once matched (the deal pipeline takes it from there):
-- automatic when one's listing ranked the other's, or made by an organiser with a note
create table fair_match_pair (
    id              bigint      generated always as identity unique,
    fair_id         bigint      not null references fair (id) on delete cascade,
    participant_a   bigint      not null references fair_participant (id) on delete cascade,
    participant_b   bigint      not null references fair_participant (id) on delete cascade,
    manual          boolean     not null,
    note            text        check (char_length(note) between 1 and 500),
    created_by      bigint      references app_user (id),
    created_at      timestamptz not null default now(),
    primary key (fair_id, participant_a, participant_b),
    check (participant_a < participant_b),
    check (not manual or (note is not null and created_by is not null))
);
create index fair_match_pair_b_idx on fair_match_pair (fair_id, participant_b);
create index fair_match_pair_fair_idx on fair_match_pair (fair_id, id);

-- the last full computation of a fair's matches
create table fair_match_run (
    fair_id      bigint      primary key references fair (id) on delete cascade,
    started_at   timestamptz not null,
    finished_at  timestamptz,
    listings     int         not null default 0 check (listings >= 0),
    matches      int         not null default 0 check (matches >= 0),
    millis       bigint      check (millis >= 0)
);
