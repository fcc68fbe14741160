-- Local profile demo course library 微课 (CourseDemoData runs this once per database, as one implicit transaction):
-- four topics, eight published courses of three to five lessons on the demo loop played on demand
-- (/demo/stream/course-<seconds>.m3u8, DemoCoursePlaylistController), and the demo viewer half-way through two of them.
insert into course_topic (organiser_id, name, position)
select u.id, v.name, v.position from app_user u
 cross join (values ('政策解读', 10), ('数字化转型', 20), ('专精特新', 30), ('财税金融', 40)) as v(name, position)
 where u.username = 'organiser';

with c as (
    insert into course (topic_id, organiser_id, title, summary, lecturer, published, published_at, created_at)
    select t.id, u.id, v.title, v.summary, v.lecturer, true, now() - v.age, now() - v.age
      from app_user u
      join (values
        ('政策解读', '2026 年惠企政策一本通', '梳理中央与地方最新惠企政策：减税降费、稳岗补贴、融资支持，讲清申报条件与流程。', '李静 处长', interval '30 days'),
        ('政策解读', '中小企业促进法实务解读', '结合典型案例解读《中小企业促进法》中的权益保护与公共服务条款。', '赵明 律师', interval '26 days'),
        ('数字化转型', '中小企业数字化转型入门', '从业务痛点出发，选择合适的 SaaS 工具，低成本迈出数字化第一步。', '王立新 教授', interval '22 days'),
        ('数字化转型', '直播电商运营实战', '直播间搭建、选品、话术与复盘：面向县域企业的直播带货实战课。', '孙悦 运营总监', interval '18 days'),
        ('专精特新', '专精特新企业培育与认定', '专精特新“小巨人”认定指标解读、材料准备与常见问题。', '马晓东 研究员', interval '14 days'),
        ('专精特新', '知识产权布局与保护', '专利挖掘、商标布局与维权：为专精特新企业打牢知识产权基础。', '周婷 专利代理师', interval '10 days'),
        ('财税金融', '小微企业财税合规要点', '发票、账务与纳税申报的常见风险，以及小规模纳税人的优惠政策。', '张华 高级会计师', interval '6 days'),
        ('财税金融', '普惠金融与融资对接', '信用贷、政府性融资担保与供应链金融：中小企业融资渠道全解析。', '陈敏 主任', interval '2 days')
      ) as v(topic, title, summary, lecturer, age) on true
      join course_topic t on t.name = v.topic
     where u.username = 'organiser'
    returning id, title
)
insert into course_lesson (course_id, position, title, video_url, duration_seconds)
select c.id, l.n - 1, l.title, '/demo/stream/course-' || l.seconds || '.m3u8', l.seconds
  from c cross join lateral (
    select * from unnest(
        array['第一讲：背景与要点', '第二讲：政策与规则', '第三讲：案例分析', '第四讲：操作实务', '第五讲：答疑与总结'],
        array[180, 240, 300, 240, 180])
        with ordinality as x(title, seconds, n)
     -- three to five lessons, by the course's title
     where x.n <= 3 + (char_length(c.title) % 3)
  ) l;

update course c set lesson_count = (select count(*) from course_lesson l where l.course_id = c.id);

-- the demo viewer: first lesson of 数字化转型入门 done, the second half-way; 一本通 just started
with v as (select id from app_user where username = 'viewer'),
     p as (
    select c.id as course_id, l.id as lesson_id, l.position, l.duration_seconds, c.title
      from course c join course_lesson l on l.course_id = c.id
     where (c.title = '中小企业数字化转型入门' and l.position in (0, 1)) or (c.title = '2026 年惠企政策一本通' and l.position = 0)
)
insert into course_lesson_progress (user_id, course_id, lesson_id, position_seconds, watched_seconds, completed,
                                    completed_at, updated_at)
select v.id, p.course_id, p.lesson_id,
       case when p.title = '中小企业数字化转型入门' and p.position = 0 then p.duration_seconds else p.duration_seconds / 2 - 30 end,
       case when p.title = '中小企业数字化转型入门' and p.position = 0 then p.duration_seconds else p.duration_seconds / 2 - 30 end,
       p.title = '中小企业数字化转型入门' and p.position = 0,
       case when p.title = '中小企业数字化转型入门' and p.position = 0 then now() - interval '2 days' end,
       now() - case when p.title = '中小企业数字化转型入门' then interval '1 day' else interval '3 days' end
  from v cross join p;

insert into course_learner (user_id, course_id, started_at, last_lesson_id, last_activity_at, completed_lessons)
select p.user_id, p.course_id, min(p.updated_at) - interval '1 day',
       (array_agg(p.lesson_id order by p.updated_at desc, p.lesson_id desc))[1], max(p.updated_at),
       count(*) filter (where p.completed)
  from course_lesson_progress p join app_user u on u.id = p.user_id and u.username = 'viewer'
 group by p.user_id, p.course_id;

update course c set learner_count = (select count(*) from course_learner l where l.course_id = c.id);
