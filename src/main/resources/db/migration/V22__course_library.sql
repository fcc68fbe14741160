-- Course library 微课 (issue 13, item 6): on-demand courses grouped by topic, their lessons (videos), and each
-- learner's progress. "My learning" and learner counts are single index reads: course_learner holds one row per
-- (user, course) kept in the transaction of every progress write, and course.learner_count is bumped exactly when a
-- user's course_learner row is first inserted (insert … on conflict do nothing: race-safe).

-- A shared shelf of topics (政策解读, 数字化转型 …); the organiser who created a topic (or an admin) edits it.
create table course_topic (
    id           bigint generated always as identity primary key,
    organiser_id bigint      not null references app_user (id),
    name         text        not null unique check (char_length(name) between 1 and 20),
    position     int         not null default 0 check (position between 0 and 999),
    created_at   timestamptz not null default now()
);

create table course (
    id             bigint generated always as identity primary key,
    topic_id       bigint      not null references course_topic (id),
    organiser_id   bigint      not null references app_user (id),
    title          text        not null check (char_length(title) between 1 and 100),
    summary        text        not null default '' check (char_length(summary) <= 2000),
    lecturer       text        not null check (char_length(lecturer) between 1 and 50),
    cover_file_id  bigint      references stored_file (id),
    published      boolean     not null default false,
    published_at   timestamptz,
    -- kept by the service in the lesson's transaction: progress % of "my learning" without counting lessons
    lesson_count   int         not null default 0 check (lesson_count between 0 and 200),
    -- bumped once per learner, in the transaction that writes the learner's first progress in the course
    learner_count  int         not null default 0 check (learner_count >= 0),
    -- the searchable text's one- and two-character grams (catalogue_grams of V3): short Chinese queries
    search_grams   text[]      generated always as (catalogue_grams(title || ' ' || summary || ' ' || lecturer)) stored,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    check (not published or published_at is not null)
);
-- the public list: newest first (keyset on id) and most learners first (keyset on (learner_count, id)), each with
-- and without a topic; read backwards (ascending keys keep the row comparisons of the keyset index conditions)
create index course_published_idx on course (id) where published;
create index course_published_topic_idx on course (topic_id, id) where published;
create index course_popular_idx on course (learner_count, id) where published;
create index course_popular_topic_idx on course (topic_id, learner_count, id) where published;
create index course_organiser_idx on course (organiser_id, id);
-- ?q= of three or more characters: (title || ' ' || summary || ' ' || lecturer) ilike '%…%'
create index course_search_trgm on course using gin ((title || ' ' || summary || ' ' || lecturer) gin_trgm_ops);
-- ?q= of one or two characters: search_grams @> array[lower(q)]
create index course_search_grams on course using gin (search_grams);

create table course_lesson (
    id               bigint generated always as identity primary key,
    course_id        bigint      not null references course (id) on delete cascade,
    position         int         not null check (position between 0 and 199),
    title            text        not null check (char_length(title) between 1 and 100),
    -- an https HLS (.m3u8) or MP4 address, or a path on the platform's own host (the demo loop)
    video_url        text        not null check (char_length(video_url) <= 500
        and video_url ~ '^(https://[^[:space:]]+|/[^/[:space:]][^[:space:]]*)$'),
    duration_seconds int         not null check (duration_seconds between 1 and 86400),
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    -- deferrable: closing the gap a deleted lesson leaves shifts positions in one statement
    unique (course_id, position) deferrable initially immediate,
    -- the target of progress rows' (course_id, lesson_id): a progress row names a lesson of its course
    unique (course_id, id)
);

-- One learner's progress in one lesson. watched_seconds only grows and is bounded by wall-clock time between reports
-- (CourseProgressRules); completed never reverts.
create table course_lesson_progress (
    user_id          bigint      not null references app_user (id),
    course_id        bigint      not null,
    lesson_id        bigint      not null,
    position_seconds int         not null check (position_seconds between 0 and 86400),
    watched_seconds  int         not null check (watched_seconds between 0 and 86400),
    completed        boolean     not null default false,
    completed_at     timestamptz,
    updated_at       timestamptz not null,
    -- (user, course) first: a course page's progress of one user is one range of this key
    primary key (user_id, course_id, lesson_id),
    foreign key (course_id, lesson_id) references course_lesson (course_id, id) on delete cascade,
    check (not completed or completed_at is not null)
);
create index course_lesson_progress_lesson_idx on course_lesson_progress (lesson_id);

-- One learner in one course: "my learning" (newest activity first) and the resume point.
create table course_learner (
    user_id           bigint      not null references app_user (id),
    course_id         bigint      not null references course (id) on delete cascade,
    started_at        timestamptz not null,
    last_lesson_id    bigint      references course_lesson (id) on delete set null,
    last_activity_at  timestamptz not null,
    completed_lessons int         not null default 0 check (completed_lessons between 0 and 200),
    primary key (user_id, course_id)
);
create index course_learner_activity_idx on course_learner (user_id, last_activity_at, course_id);
create index course_learner_course_idx on course_learner (course_id);
