-- Online trainings (issue 13), first slice: series and their sessions. A series belongs to the organiser who created
-- it; its sessions are livestreams (external stream URL, as showcase sessions) with materials as uploaded files.
-- SCHEDULED -> LIVE -> ENDED -> REPLAY_AVAILABLE (the last step comes with the replay slice).
create table training_series (
    id             bigint generated always as identity primary key,
    organiser_id   bigint      not null references app_user (id),
    title          text        not null check (char_length(title) between 1 and 100),
    audience       text        not null default '' check (char_length(audience) <= 200),
    tags           text[]      not null default '{}' check (cardinality(tags) <= 8),
    cover_file_id  bigint      references stored_file (id),
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now()
);
create index training_series_organiser_idx on training_series (organiser_id, id);
create index training_series_tags_idx on training_series using gin (tags);

create table training_session (
    id               bigint generated always as identity primary key,
    series_id        bigint      not null references training_series (id) on delete cascade,
    title            text        not null check (char_length(title) between 1 and 100),
    lecturer         text        not null check (char_length(lecturer) between 1 and 50),
    starts_at        timestamptz not null,
    duration_minutes int         not null check (duration_minutes between 5 and 720),
    -- a complete http(s)/ws(s)/webrtc address, or a path on the platform's own host (the demo loop)
    stream_url       text        not null check (char_length(stream_url) <= 500
        and stream_url ~ '^((https?|wss?|webrtc)://[^[:space:]]+|/[^/[:space:]][^[:space:]]*)$'),
    status           text        not null default 'SCHEDULED'
        check (status in ('SCHEDULED', 'LIVE', 'ENDED', 'REPLAY_AVAILABLE')),
    started_at       timestamptz,
    ended_at         timestamptz,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    check (status = 'SCHEDULED' or started_at is not null),
    check (status not in ('ENDED', 'REPLAY_AVAILABLE') or ended_at is not null)
);
create index training_session_series_idx on training_session (series_id, starts_at, id);
create index training_session_starts_idx on training_session (starts_at, id);

-- a session's materials (slides, handouts): uploaded files, in the order the organiser lists them
create table training_material (
    session_id bigint not null references training_session (id) on delete cascade,
    file_id    bigint not null references stored_file (id),
    position   int    not null check (position between 0 and 19),
    primary key (session_id, file_id),
    unique (session_id, position)
);
