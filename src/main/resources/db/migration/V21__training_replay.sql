-- Training replays (issue 13, item 5). A session's replay is set by its organiser once it has ENDED (the session then
-- moves to REPLAY_AVAILABLE): an external https address (HLS .m3u8 or MP4) or an uploaded video file, with chapters.
-- Replay watching is counted apart from the live audience (回看人次, unique replay viewers, replay watch time).

-- uploaded replay videos: a new purpose of stored files
alter table stored_file drop constraint stored_file_purpose_check;
alter table stored_file add constraint stored_file_purpose_check check (purpose in ('IMAGE', 'DOCUMENT', 'VIDEO'));

create table training_replay (
    session_id  bigint      primary key references training_session (id) on delete cascade,
    -- exactly one source: an address (https, or a path on the platform's own host for the demo) or an uploaded file
    url         text        check (char_length(url) <= 500
        and url ~ '^(https://[^[:space:]]+|/[^/[:space:]][^[:space:]]*)$'),
    file_id     bigint      references stored_file (id),
    kind        text        not null check (kind in ('HLS', 'MP4')),
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    check ((url is null) <> (file_id is null)),
    check (file_id is null or kind = 'MP4')
);

-- chapters: strictly increasing start offsets (positions and offsets both unique; the order rule is the service's)
create table training_replay_chapter (
    session_id    bigint not null references training_replay (session_id) on delete cascade,
    position      int    not null check (position between 0 and 49),
    start_seconds int    not null check (start_seconds between 0 and 86400),
    title         text   not null check (char_length(title) between 1 and 40),
    primary key (session_id, position),
    unique (session_id, start_seconds)
);

-- One row per replay play (the view id is made by the player for each play) once it sent a counted heartbeat.
-- last_slot is the heartbeat slot key: a heartbeat counts 15 s only for a slot (server time / 15 s) after the last
-- counted one, so a repeated or retried heartbeat never counts twice.
create table training_replay_view (
    view_id        uuid        primary key,
    session_id     bigint      not null references training_session (id) on delete cascade,
    viewer         text        not null check (char_length(viewer) between 1 and 64),
    user_id        bigint      references app_user (id) on delete set null,
    watch_seconds  bigint      not null default 0 check (watch_seconds >= 0),
    last_slot      bigint      not null,
    last_position  int         not null check (last_position between 0 and 86400),
    started_at     timestamptz not null,
    last_seen_at   timestamptz not null
);
create index training_replay_view_session_idx on training_replay_view (session_id, viewer);
create index training_replay_view_user_idx on training_replay_view (session_id, user_id) where user_id is not null;

-- one row per replay viewer (user or signed guest) and session: when a heartbeat of theirs last counted, so that at
-- most one heartbeat per ~10 s counts for a viewer however many plays (tabs) they open
create table training_replay_viewer (
    session_id       bigint      not null references training_session (id) on delete cascade,
    viewer           text        not null check (char_length(viewer) between 1 and 64),
    last_counted_at  timestamptz not null,
    primary key (session_id, viewer)
);
