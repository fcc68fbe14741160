-- After the live: what an ended session keeps besides its audience figures (V4), and its replay.
-- likes: the room's like total at the end (Redis held it while live); order_count / gmv_fen: the session's orders
-- not cancelled and their total (fen) at the end, as the merchant console showed them live; replay_url: a page
-- where the merchant published the recording (http(s) only, set or cleared on an ended session).
alter table live_session
    add column likes       bigint not null default 0 check (likes >= 0),
    add column order_count bigint not null default 0 check (order_count >= 0),
    add column gmv_fen     bigint not null default 0 check (gmv_fen >= 0),
    add column replay_url  text check (char_length(replay_url) <= 500 and replay_url ~ '^https?://[^[:space:]]+$'),
    add constraint live_session_replay_only_ended check (replay_url is null or status = 'ENDED');

-- 往期直播: ended sessions, most recently ended first
create index live_session_past_idx on live_session (ended_at desc, id desc) where status = 'ENDED';
-- a merchant's next session (the ended room offers it)
create index live_session_merchant_upcoming_idx on live_session (merchant_id, starts_at) where status in ('SCHEDULED', 'LIVE');
