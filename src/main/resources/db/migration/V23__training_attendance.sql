-- Attendance of live training sessions (issue 13). Presence tells, every 10 s per instance, which accounts are in a
-- session's room; while the session is LIVE each such account gets its 30-second slot. The primary key makes the record
-- idempotent: the same person in two tabs, on two instances or reconnecting inside a slot counts once. Watch time is
-- slots x 30 s; join/leave times are the edges of runs of consecutive slots.
create table training_watch_slot (
    session_id bigint      not null references training_session (id) on delete cascade,
    user_id    bigint      not null references app_user (id),
    slot_start timestamptz not null,
    primary key (session_id, user_id, slot_start)
);

-- the room's figures (peak, unique viewers, total watch time incl. guests) kept when the session ends: presence lives
-- in Redis, which may be lost, and its room keys expire two days after the last visit
create table training_session_figures (
    session_id     bigint      primary key references training_session (id) on delete cascade,
    peak_viewers   bigint      not null check (peak_viewers >= 0),
    unique_viewers bigint      not null check (unique_viewers >= 0),
    watch_seconds  bigint      not null check (watch_seconds >= 0),
    recorded_at    timestamptz not null default now()
);

-- when a series' attendees earn a certificate of completion for a session: a minimum watch time (live, and replay if
-- the organiser counts it). No row: half of the session's planned duration, live only.
create table training_certificate_rule (
    series_id         bigint      primary key references training_series (id) on delete cascade,
    min_watch_minutes int         not null check (min_watch_minutes between 1 and 720),
    include_replay    boolean     not null default false,
    updated_at        timestamptz not null default now()
);

-- certificates issued (on the attendee's first download), verifiable by anyone with the code
create table training_certificate (
    code          text        primary key check (code ~ '^[A-HJ-NP-Z2-9]{10}$'),
    session_id    bigint      not null references training_session (id) on delete cascade,
    user_id       bigint      not null references app_user (id),
    holder_name   text        not null check (char_length(holder_name) between 1 and 50),
    watch_seconds int         not null check (watch_seconds >= 0),
    issued_at     timestamptz not null default now(),
    unique (session_id, user_id)
);
