-- The course library at the issue's scale, for infra/bench/courses and CourseScaleTest (which runs this file with its
-- own values). psql variables: run (a tag in every name), courses, lessons, learners, and template: the username of
-- an account whose password hash every seeded account gets (so they can log in with its password).
-- N courses in 4 topics (every 40th by the rare lecturer 罕见讲师<run>), each of `lessons` lessons of 600 s; each
-- learner in three courses ((7g + 61k) mod N), lessons 1–2 completed and 3–4 started, last activity a few minutes apart.
insert into app_user (username, password_hash, display_name, roles)
select 'scale-' || :'run' || '-org', password_hash, '规模主办方', array['VIEWER', 'ORGANISER']
  from app_user where username = :'template';

insert into course_topic (organiser_id, name, position)
select u.id, '规模' || :'run' || '-' || t, 900 + t
  from app_user u cross join generate_series(1, 4) t where u.username = 'scale-' || :'run' || '-org';

insert into course (topic_id, organiser_id, title, summary, lecturer, published, published_at, lesson_count, created_at)
select tp.id, u.id,
       '规模' || :'run' || ' 第' || g || '门 ' || (array['政策解读', '数字化转型', '专精特新', '财税金融'])[1 + g % 4] || '实务课',
       '面向中小企业的第' || g || '门点播课程：'
           || (array['讲清申报条件与流程', '从业务痛点出发选择工具', '认定指标解读与材料准备', '发票账务与纳税申报'])[1 + g % 4]
           || '，配套案例与练习。',
       case when g % 40 = 0 then '罕见讲师' || :'run' else (array['李静', '王立新', '马晓东', '张华', '陈敏'])[1 + g % 5] || ' 老师' end,
       true, now() - make_interval(hours => g), :lessons, now() - make_interval(hours => g)
  from generate_series(1, :courses) g
  join app_user u on u.username = 'scale-' || :'run' || '-org'
  join course_topic tp on tp.name = '规模' || :'run' || '-' || (1 + g % 4);

insert into course_lesson (course_id, position, title, video_url, duration_seconds)
select c.id, p, '第' || (p + 1) || '讲', '/demo/stream/course-600.m3u8', 600
  from course c
  join app_user u on u.id = c.organiser_id and u.username = 'scale-' || :'run' || '-org'
 cross join generate_series(0, :lessons - 1) p;

insert into app_user (username, password_hash, display_name)
select 'scale-' || :'run' || '-' || g, t.password_hash, '学员' || g
  from generate_series(1, :learners) g
 cross join (select password_hash from app_user where username = :'template') t;

with cs as (
    select c.id, row_number() over (order by c.id) - 1 as i
      from course c join app_user u on u.id = c.organiser_id and u.username = 'scale-' || :'run' || '-org'
)
insert into course_learner (user_id, course_id, started_at, last_lesson_id, last_activity_at, completed_lessons)
select u.id, cs.id, now() - interval '30 days', l.id, now() - make_interval(mins => g * 3 + k), 2
  from generate_series(1, :learners) g
 cross join generate_series(0, 2) k
  join app_user u on u.username = 'scale-' || :'run' || '-' || g
  join cs on cs.i = (g * 7 + k * 61) % :courses
  join course_lesson l on l.course_id = cs.id and l.position = 3;

insert into course_lesson_progress (user_id, course_id, lesson_id, position_seconds, watched_seconds, completed,
                                    completed_at, updated_at)
select cl.user_id, cl.course_id, l.id,
       case when l.position < 2 then 600 else 120 end, case when l.position < 2 then 600 else 120 end,
       l.position < 2, case when l.position < 2 then cl.started_at end, cl.last_activity_at
  from course_learner cl
  join course c on c.id = cl.course_id
  join app_user u on u.id = c.organiser_id and u.username = 'scale-' || :'run' || '-org'
  join course_lesson l on l.course_id = cl.course_id and l.position < 4;

update course c set learner_count = x.n
  from (select course_id, count(*) as n from course_learner group by course_id) x
 where x.course_id = c.id
   and c.organiser_id = (select id from app_user where username = 'scale-' || :'run' || '-org');
