-- Fairs: screening (摸底) — agenda, invitation links of closed-door fairs, the contact of a registration and the history
-- of screening decisions (issue 14, items 1 and 2). The fair and participant tables are V24's.

-- a fair's programme, in order
create table fair_agenda_item (
    id        bigint      generated always as identity primary key,
    fair_id   bigint      not null references fair (id) on delete cascade,
    position  int         not null check (position between 0 and 49),
    starts_at timestamptz not null,
    ends_at   timestamptz,
    title     text        not null check (char_length(title) between 1 and 100),
    place     text        check (char_length(place) between 1 and 100),
    speaker   text        check (char_length(speaker) between 1 and 100),
    unique (fair_id, position),
    check (ends_at is null or ends_at > starts_at)
);

-- an invitation link: a secret token (only its SHA-256 is kept) that lets enterprises see a closed-door fair and
-- register for it, up to max_uses times, until revoked
create table fair_invitation (
    id          bigint      generated always as identity primary key,
    fair_id     bigint      not null references fair (id) on delete cascade,
    token_hash  bytea       not null unique check (octet_length(token_hash) = 32),
    note        text        not null check (char_length(note) between 1 and 100),
    max_uses    int         not null check (max_uses between 1 and 10000),
    used        int         not null default 0,
    created_by  bigint      not null references app_user (id),
    created_at  timestamptz not null default now(),
    revoked_at  timestamptz,
    check (used between 0 and max_uses)
);
create index fair_invitation_fair_idx on fair_invitation (fair_id, id);

-- who to call about a registration (shown masked to other participants, in full to the organisers), and the
-- invitation it came through
alter table fair_participant
    add column contact_name  text   check (char_length(contact_name) between 1 and 40),
    add column contact_phone text   check (contact_phone ~ '^1[3-9][0-9]{9}$'),
    add column invitation_id bigint references fair_invitation (id);

-- every screening step of a participant: registered, answered, approved, rejected, more information asked, withdrawn
create table fair_participant_history (
    id             bigint      generated always as identity primary key,
    participant_id bigint      not null references fair_participant (id) on delete cascade,
    from_status    text        check (from_status in ('PENDING', 'NEEDS_INFO', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
    to_status      text        not null check (to_status in ('PENDING', 'NEEDS_INFO', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
    note           text        check (char_length(note) between 1 and 500),
    by_user        bigint      not null references app_user (id),
    at             timestamptz not null default now()
);
create index fair_participant_history_idx on fair_participant_history (participant_id, id);

-- the public list: upcoming by start, past by start descending, filtered by kind
create index fair_public_kind_idx on fair (kind, starts_at, id) where status = 'PUBLISHED' and visibility = 'PUBLIC';
