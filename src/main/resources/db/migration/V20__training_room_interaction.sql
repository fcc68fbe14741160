-- Trainings (issue 13, item 3): what viewers do in a live session's room besides watching. PostgreSQL is the truth of
-- every vote and check-in; the room's topics only carry snapshots read from these tables.

-- A question asked in a session's room. votes is kept by the same statement that adds or removes a vote (see
-- training_question_vote), so ranking the room never counts rows. At most one pinned question per session.
create table training_question (
    id          bigint generated always as identity primary key,
    session_id  bigint      not null references training_session (id) on delete cascade,
    user_id     bigint      not null references app_user (id),
    text        text        not null check (char_length(text) between 1 and 200),
    votes       int         not null default 0 check (votes >= 0),
    pinned      boolean     not null default false,
    hidden      boolean     not null default false,
    answered_at timestamptz,
    answer      text        check (char_length(answer) <= 300),
    created_at  timestamptz not null default now(),
    check (answer is null or answered_at is not null),
    check (not (pinned and hidden))
);
create index training_question_rank_idx on training_question (session_id, pinned desc, votes desc, id);
create index training_question_user_idx on training_question (session_id, user_id);
create unique index training_question_one_pinned on training_question (session_id) where pinned;

-- One upvote per user per question (a repeat is idempotent, withdrawing deletes the row).
create table training_question_vote (
    question_id bigint      not null references training_question (id) on delete cascade,
    user_id     bigint      not null references app_user (id),
    created_at  timestamptz not null default now(),
    primary key (question_id, user_id)
);

-- A user the series' organiser banned from asking and chatting in all rooms of the series.
create table training_room_ban (
    series_id  bigint      not null references training_series (id) on delete cascade,
    user_id    bigint      not null references app_user (id),
    banned_by  bigint      not null references app_user (id),
    created_at timestamptz not null default now(),
    primary key (series_id, user_id)
);

-- A poll: DRAFT (being written) -> OPEN (viewers vote) -> CLOSED (final results stay visible). One OPEN per session.
create table training_poll (
    id         bigint generated always as identity primary key,
    session_id bigint      not null references training_session (id) on delete cascade,
    question   text        not null check (char_length(question) between 1 and 100),
    options    text[]      not null check (cardinality(options) between 2 and 6),
    multiple   boolean     not null default false,
    status     text        not null default 'DRAFT' check (status in ('DRAFT', 'OPEN', 'CLOSED')),
    opened_at  timestamptz,
    closed_at  timestamptz,
    created_at timestamptz not null default now(),
    check (status = 'DRAFT' or opened_at is not null),
    check (status <> 'CLOSED' or closed_at is not null)
);
create index training_poll_session_idx on training_poll (session_id, id);
create unique index training_poll_one_open on training_poll (session_id) where status = 'OPEN';

-- A viewer's one vote in a poll: the chosen option indexes (0-based; one for a single-choice poll).
create table training_poll_vote (
    poll_id    bigint      not null references training_poll (id) on delete cascade,
    user_id    bigint      not null references app_user (id),
    choices    smallint[]  not null check (cardinality(choices) between 1 and 6),
    created_at timestamptz not null default now(),
    primary key (poll_id, user_id)
);

-- A check-in during a live: a 4-digit code read out by the organiser, valid in [opens_at, closes_at).
create table training_checkin (
    id         bigint generated always as identity primary key,
    session_id bigint      not null references training_session (id) on delete cascade,
    code       text        not null check (code ~ '^[0-9]{4}$'),
    opens_at   timestamptz not null,
    closes_at  timestamptz not null,
    started_by bigint      not null references app_user (id),
    check (closes_at > opens_at and closes_at <= opens_at + interval '30 minutes')
);
create index training_checkin_session_idx on training_checkin (session_id, id);

-- Who checked in (once per check-in), the proof of presence attendance reads.
create table training_checkin_record (
    checkin_id bigint      not null references training_checkin (id) on delete cascade,
    user_id    bigint      not null references app_user (id),
    at         timestamptz not null,
    primary key (checkin_id, user_id)
);
create index training_checkin_record_user_idx on training_checkin_record (user_id);

-- Wrong codes per user per check-in (at most 5; then the check-in answers 429 for that user).
create table training_checkin_attempt (
    checkin_id bigint   not null references training_checkin (id) on delete cascade,
    user_id    bigint   not null references app_user (id),
    wrong      smallint not null check (wrong between 1 and 5),
    primary key (checkin_id, user_id)
);
