-- Local profile demo trainings (TrainingDemoData runs this once per database, as one implicit transaction):
-- the Ningxia four-part series (one session live on the demo stream) and a Guangxi policy training.
with s as (
    insert into training_series (organiser_id, title, audience, tags)
    select u.id, '宁夏中小企业高质量发展系列培训', '宁夏区内中小企业负责人、财务与经营管理人员',
           array['专精特新', '政策解读', '宁夏']
      from app_user u where u.username = 'organiser'
    returning id
)
insert into training_session (series_id, title, lecturer, starts_at, duration_minutes, stream_url, status, started_at, ended_at)
select s.id, v.title, v.lecturer, v.starts_at, v.duration, '/demo/stream/live.m3u8', v.status, v.started_at, v.ended_at
  from s cross join (values
    ('趋势篇：中小企业数字化转型趋势', '王立新 教授', date_trunc('hour', now()) - interval '7 days', 90, 'ENDED',
        date_trunc('hour', now()) - interval '7 days', date_trunc('hour', now()) - interval '7 days' + interval '95 minutes'),
    ('政策篇：惠企政策与申报要点', '李静 处长', date_trunc('minute', now()) - interval '10 minutes', 120, 'LIVE',
        date_trunc('minute', now()) - interval '8 minutes', null::timestamptz),
    ('实务篇：融资、财税与合规实务', '张华 高级会计师', date_trunc('hour', now()) + interval '3 days', 90, 'SCHEDULED',
        null::timestamptz, null::timestamptz),
    ('专精特新篇：专精特新企业培育与认定', '马晓东 研究员', date_trunc('hour', now()) + interval '10 days', 120, 'SCHEDULED',
        null::timestamptz, null::timestamptz)
  ) as v(title, lecturer, starts_at, duration, status, started_at, ended_at);

with s as (
    insert into training_series (organiser_id, title, audience, tags)
    select u.id, '广西惠企政策直播培训', '广西区内中小微企业、个体工商户', array['政策解读', '广西']
      from app_user u where u.username = 'organiser'
    returning id
)
insert into training_session (series_id, title, lecturer, starts_at, duration_minutes, stream_url)
select s.id, '2026 年惠企政策解读与互动答疑', '陈敏 主任', date_trunc('hour', now()) + interval '2 days', 120,
       '/demo/stream/live.m3u8'
  from s;

-- the replay of 趋势篇 (ended a week ago): the demo loop as a 6-minute VOD playlist, with chapters
with t as (
    update training_session t set status = 'REPLAY_AVAILABLE', updated_at = now()
      from training_series s
     where s.id = t.series_id and s.title = '宁夏中小企业高质量发展系列培训' and t.title like '趋势篇%'
    returning t.id
), r as (
    insert into training_replay (session_id, url, kind) select t.id, '/demo/stream/replay.m3u8', 'HLS' from t
    returning session_id
)
insert into training_replay_chapter (session_id, position, start_seconds, title)
select r.session_id, c.position, c.start_seconds, c.title
  from r cross join (values
    (0, 0, '开场与课程介绍'),
    (1, 60, '数字化转型的三大趋势'),
    (2, 150, '中小企业的转型路径'),
    (3, 240, '案例：宁夏一家制造企业的上云之路'),
    (4, 320, '答疑与小结')
  ) as c(position, start_seconds, title);
