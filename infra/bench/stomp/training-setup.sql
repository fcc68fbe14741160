-- Data for one run of scenario t (psql -v run=<tag> -v accounts=<n> -f training-setup.sql): an organiser, <n> viewer
-- accounts (no password: the harness mints their tokens with the app's signing key, as infra/bench/orders does;
-- registering them through the API would hit its per-address rate limit), and a series with one SCHEDULED session
-- starting now (the harness starts it through the organiser API, so the room goes LIVE the way it does in use).
-- Each run gets a fresh session: its /qa total starts at 0. Prints name=value lines for training-run.sh.
\set ON_ERROR_STOP on
\pset tuples_only on
\pset format unaligned

insert into app_user (username, password_hash, display_name, roles)
values ('tbench-org-' || :'run', '{noop}unused', '压测讲师', array['ORGANISER'])
returning id as organiser_id \gset
with u as (
    insert into app_user (username, password_hash, display_name, roles)
    select 'tb-' || :'run' || '-' || i, '{noop}unused', '学员' || i, array['VIEWER'] from generate_series(1, :accounts) i
    returning id
)
select min(id) as first_user, max(id) as last_user from u \gset
insert into training_series (organiser_id, title, audience, tags)
values (:organiser_id, '压测：万人直播培训 ' || :'run', '宁夏、广西中小企业', array['压测'])
returning id as series_id \gset
insert into training_session (series_id, title, lecturer, starts_at, duration_minutes, stream_url)
values (:series_id, '惠企政策解读（压测）', '压测讲师', now(), 60, '/demo/stream/live.m3u8')
returning id as session_id \gset

select 'ORGANISER_ID=' || :organiser_id;
select 'FIRST_USER=' || :first_user;
select 'LAST_USER=' || :last_user;
select 'SESSION_ID=' || :session_id;
