-- A live session's stream may also be a path on the platform's own host, such as the local profile's demo loop
-- (/demo/stream/live.m3u8, DemoStreamController): the platform cannot know under which host it is reached, and
-- browsers resolve the path against the page. Protocol-relative "//host/..." stays refused. Merchants still
-- enter complete http(s)://, ws(s):// or webrtc:// addresses (ScheduleRequest): only the platform writes paths.
alter table live_session drop constraint live_session_stream_url_check;
alter table live_session add constraint live_session_stream_url_check check (
    char_length(stream_url) <= 500
    and stream_url ~ '^((https?|wss?|webrtc)://[^[:space:]]+|/[^/[:space:]][^[:space:]]*)$');
