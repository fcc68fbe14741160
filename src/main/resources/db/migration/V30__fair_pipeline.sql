-- The deal pipeline of matchmaking fairs (跟踪, issue 14 item 6): a pair of participants of one fair moves
-- MATCHED → CONTACTED → MET → INTENTION → SIGNED (or DROPPED with a reason), with amounts, dates and notes; every change
-- keeps a history row (who, when, from, to, reason, note).

-- lets a pair name a participant together with its fair, so both sides of a pair belong to the pair's fair
alter table fair_participant add constraint fair_participant_in_fair_key unique (id, fair_id);

-- a pair is unordered: the lower participant id first, one row per fair and pair
create table fair_pair (
    id                  bigint      generated always as identity primary key,
    fair_id             bigint      not null references fair (id) on delete cascade,
    low_participant_id  bigint      not null,
    high_participant_id bigint      not null,
    stage               text        not null default 'MATCHED'
        check (stage in ('MATCHED', 'CONTACTED', 'MET', 'INTENTION', 'SIGNED', 'DROPPED')),
    -- fen; at most 1 万亿元 each
    intended_amount_fen bigint      check (intended_amount_fen between 1 and 100000000000000),
    intended_on         date,
    signed_amount_fen   bigint      check (signed_amount_fen between 1 and 100000000000000),
    signed_on           date,
    -- the latest note of the pair (every note is kept in its history)
    note                text        not null default '' check (char_length(note) <= 1000),
    drop_reason         text        check (char_length(drop_reason) between 1 and 500),
    -- optimistic concurrency: an edit names the version it was made on
    version             int         not null default 0 check (version >= 0),
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    foreign key (low_participant_id, fair_id) references fair_participant (id, fair_id) on delete cascade,
    foreign key (high_participant_id, fair_id) references fair_participant (id, fair_id) on delete cascade,
    unique (fair_id, low_participant_id, high_participant_id),
    check (low_participant_id < high_participant_id),
    check (stage <> 'INTENTION' or intended_amount_fen is not null),
    check (stage <> 'SIGNED' or (signed_amount_fen is not null and signed_on is not null)),
    check (stage <> 'DROPPED' or drop_reason is not null)
);
create index fair_pair_fair_idx on fair_pair (fair_id, id);
create index fair_pair_stage_idx on fair_pair (fair_id, stage, id);
create index fair_pair_high_idx on fair_pair (high_participant_id, id);
create index fair_pair_low_idx on fair_pair (low_participant_id, id);

-- one row per change of a pair: its creation (from_stage null), a move, or an edit of amounts and notes (from = to)
create table fair_pair_history (
    id                  bigint      generated always as identity primary key,
    pair_id             bigint      not null references fair_pair (id) on delete cascade,
    -- null: recorded automatically (matching, meetings) without a person
    by_user_id          bigint      references app_user (id),
    from_stage          text        check (from_stage in ('MATCHED', 'CONTACTED', 'MET', 'INTENTION', 'SIGNED', 'DROPPED')),
    to_stage            text        not null
        check (to_stage in ('MATCHED', 'CONTACTED', 'MET', 'INTENTION', 'SIGNED', 'DROPPED')),
    reason              text        check (char_length(reason) between 1 and 500),
    note                text        check (char_length(note) between 1 and 1000),
    intended_amount_fen bigint,
    signed_amount_fen   bigint,
    at                  timestamptz not null default now()
);
create index fair_pair_history_pair_idx on fair_pair_history (pair_id, id);
