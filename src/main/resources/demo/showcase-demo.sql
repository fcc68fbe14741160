-- Demo data of the showcase (local profile only; run once, by ShowcaseDemoData, after the demo accounts exist):
-- the first selection round of the 陕西名优产品“进展厅上平台”, its selected merchants with products, a few
-- applications still waiting for review, one session live now (东裕茗茶, the demo "merchant" account) and one
-- scheduled for tomorrow evening. Seed enterprises other than 东裕 get accounts that cannot log in (their
-- password hash is a well-formed bcrypt value of no known password).

insert into enterprise (name, credit_code, region, industry, size, tier) values
    ('陕西西凤酒股份有限公司', '91610300220602911F', '陕西省宝鸡市', '白酒', 'LARGE', 'SINGLE_CHAMPION'),
    ('宝鸡西凤375酒业有限公司', '91610300MA6X8Y301D', '陕西省宝鸡市', '白酒', 'MEDIUM', 'SPECIALISED'),
    ('西安格兰纳生物科技有限公司', '91610100MA6U2M7K1Q', '陕西省西安市', '日化护肤', 'SMALL', 'INNOVATIVE_SME'),
    ('西安秦绣工坊文化传播有限公司', '91610100MA6W0QLR2L', '陕西省西安市', '文化创意', 'MICRO', 'NONE'),
    ('凤翔泥塑艺术品有限公司', '91610322MA6XDA9R4L', '陕西省宝鸡市', '工艺美术', 'MICRO', 'NONE'),
    ('长安礼物文旅商贸有限公司', '91610100MA6TXH5N38', '陕西省西安市', '旅游商品', 'SMALL', 'NONE'),
    ('榆林塞上农产品有限公司', '91610800MA70B2PL65', '陕西省榆林市', '农产品', 'SMALL', 'NONE'),
    ('咸阳茯茶文化有限公司', '91610400MA6XLT417U', '陕西省咸阳市', '茶叶', 'SMALL', 'INNOVATIVE_SME'),
    ('渭南华州皮影文化有限公司', '91610500MA6Y0K2H8E', '陕西省渭南市', '非遗文创', 'MICRO', 'NONE'),
    ('汉中仙毫茶业有限公司', '91610700MA6YW6C09X', '陕西省汉中市', '茶叶', 'SMALL', 'NONE')
on conflict (credit_code) do nothing;

insert into app_user (username, password_hash, display_name, phone, roles, enterprise_id)
select 'seed-' || lower(substr(e.credit_code, 9, 9)), '{bcrypt}$2a$10$LockedAccountLockedAccountLockedAccountLockedAccount1', e.name || '联系人', null, array['VIEWER'], e.id
from enterprise e
where e.credit_code in ('91610300220602911F', '91610300MA6X8Y301D', '91610100MA6U2M7K1Q', '91610100MA6W0QLR2L',
                        '91610322MA6XDA9R4L', '91610100MA6TXH5N38', '91610800MA70B2PL65', '91610400MA6XLT417U',
                        '91610500MA6Y0K2H8E', '91610700MA6YW6C09X')
  and not exists (select 1 from app_user u where u.enterprise_id = e.id);

insert into selection_round (name, quota, opens_at, closes_at, created_by)
select '第一批陕西名优产品进展厅上平台', 20, now() - interval '30 days', now() + interval '30 days', u.id
from app_user u where u.username = 'organiser';

-- applications: the selected ones (东裕茗茶 = the demo merchant's enterprise) and some still under review
insert into merchant_application (round_id, enterprise_id, applicant_id, contact_name, contact_phone, category,
                                  proposed_products, status, created_at, updated_at)
select r.id, e.id, u.id, v.contact, v.phone, v.category, v.products, v.status,
       now() - interval '20 days', now() - interval '10 days'
from (values
    ('91610000MA6TG00007', '李经理', '13891000001', 'FAMOUS_QUALITY', '秦岭雾毫、汉中仙毫礼盒、紫阳富硒茶', 'APPROVED'),
    ('91610300220602911F', '王经理', '13891000002', 'FAMOUS_QUALITY', '华山论剑西凤酒系列', 'APPROVED'),
    ('91610300MA6X8Y301D', '赵经理', '13891000003', 'FAMOUS_QUALITY', '西凤酒375系列', 'APPROVED'),
    ('91610100MA6U2M7K1Q', '陈经理', '13891000004', 'FAMOUS_QUALITY', '格兰纳保湿护肤系列', 'APPROVED'),
    ('91610100MA6W0QLR2L', '刘老师', '13891000005', 'INTANGIBLE_HERITAGE', '秦绣团扇、秦绣挂画', 'APPROVED'),
    ('91610322MA6XDA9R4L', '胡师傅', '13891000006', 'INTANGIBLE_HERITAGE', '凤翔泥塑生肖摆件', 'APPROVED'),
    ('91610100MA6TXH5N38', '孙经理', '13891000007', 'TOURISM_SOUVENIR', '兵马俑微缩摆件、唐风书签', 'APPROVED'),
    ('91610800MA70B2PL65', '高经理', '13891000008', 'FAMOUS_QUALITY', '榆林小米、横山羊肉', 'SUBMITTED'),
    ('91610400MA6XLT417U', '吴经理', '13891000009', 'FAMOUS_QUALITY', '泾阳茯茶', 'SUBMITTED'),
    ('91610500MA6Y0K2H8E', '郭老师', '13891000010', 'CULTURAL_CREATIVE', '华州皮影书签、皮影摆件', 'SUBMITTED'),
    ('91610700MA6YW6C09X', '周经理', '13891000011', 'FAMOUS_QUALITY', '汉中仙毫', 'SUBMITTED')
) as v(code, contact, phone, category, products, status)
join enterprise e on e.credit_code = v.code
join lateral (select id from app_user where enterprise_id = e.id order by id limit 1) u on true
cross join (select id from selection_round where name = '第一批陕西名优产品进展厅上平台') r;

insert into application_status_change (application_id, from_status, to_status, reason, actor_id, changed_at)
select a.id, null, 'SUBMITTED', null, a.applicant_id, a.created_at from merchant_application a;

insert into application_status_change (application_id, from_status, to_status, reason, actor_id, changed_at)
select a.id, 'SUBMITTED', 'APPROVED', '资质齐全，产品符合名优产品入驻标准', o.id, a.updated_at
from merchant_application a cross join (select id from app_user where username = 'organiser') o
where a.status = 'APPROVED';

insert into merchant (enterprise_id, application_id, display_name, created_at)
select a.enterprise_id, a.id, v.display_name, a.updated_at
from (values ('91610000MA6TG00007', '东裕茗茶'), ('91610300220602911F', '华山论剑西凤酒'),
             ('91610300MA6X8Y301D', '西凤酒375'), ('91610100MA6U2M7K1Q', '格兰纳护肤'),
             ('91610100MA6W0QLR2L', '秦绣工坊'), ('91610322MA6XDA9R4L', '凤翔泥塑'),
             ('91610100MA6TXH5N38', '长安礼物')) as v(code, display_name)
join enterprise e on e.credit_code = v.code
join merchant_application a on a.enterprise_id = e.id and a.status = 'APPROVED'
on conflict (enterprise_id) do nothing;

insert into agreement_acceptance (merchant_id, agreement_id, accepted_by, text_sha256, accepted_at)
select m.id, newest.id, a.applicant_id, newest.text_sha256, now() - interval '9 days'
from merchant m join merchant_application a on a.id = m.application_id
cross join (select distinct on (kind) id, text_sha256 from agreement_version order by kind, version desc) newest
on conflict do nothing;

insert into product (merchant_id, name, category, region, description, price_fen, stock, channels, status)
select m.id, v.name, v.category, v.region, v.description, v.price_fen, v.stock, v.channels::text[], 'ON_SALE'
from (values
    ('东裕茗茶', '东裕茶 秦岭雾毫 绿茶 250g', 'FAMOUS_QUALITY', '西安市', '秦岭南麓高山茶园明前采摘，栗香浓郁，汤色嫩绿明亮。', 16800, 500, '{LIVE_ECOMMERCE,OFFLINE_EXHIBITION,COMMUNITY_GROUP_BUY}'),
    ('东裕茗茶', '东裕茶 汉中仙毫 礼盒装 2×125g', 'FAMOUS_QUALITY', '汉中市', '国家地理标志产品，外形微扁挺秀，适合商务馈赠。', 29800, 300, '{LIVE_ECOMMERCE,CHANNEL_EXPORT}'),
    ('东裕茗茶', '紫阳富硒茶 200g', 'FAMOUS_QUALITY', '安康市', '天然富硒茶区出品，回甘持久。', 12800, 800, '{LIVE_ECOMMERCE,SOCIAL_DISTRIBUTION}'),
    ('华山论剑西凤酒', '华山论剑西凤酒 20年 52度 500ml', 'FAMOUS_QUALITY', '宝鸡市', '凤香型白酒代表，醇香典雅，甘润挺爽。', 59800, 200, '{OFFLINE_EXHIBITION,LIVE_ECOMMERCE,CHANNEL_EXPORT}'),
    ('西凤酒375', '西凤375 凤香型 52度 500ml', 'FAMOUS_QUALITY', '宝鸡市', '经典375系列，宴请佳选。', 23800, 400, '{LIVE_ECOMMERCE,COMMUNITY_GROUP_BUY}'),
    ('格兰纳护肤', '格兰纳 玻尿酸保湿面霜 50g', 'FAMOUS_QUALITY', '西安市', '西安本土研发，温和保湿，适合干性及混合性肌肤。', 15900, 600, '{LIVE_ECOMMERCE,SOCIAL_DISTRIBUTION}'),
    ('秦绣工坊', '秦绣 牡丹团扇', 'INTANGIBLE_HERITAGE', '西安市', '省级非遗秦绣传承人手工绣制，每件略有不同。', 8800, 60, '{OFFLINE_EXHIBITION,LIVE_ECOMMERCE}'),
    ('凤翔泥塑', '凤翔泥塑 生肖马 摆件', 'INTANGIBLE_HERITAGE', '宝鸡市', '国家级非遗凤翔泥塑，手工彩绘。', 6600, 120, '{OFFLINE_EXHIBITION,LIVE_ECOMMERCE,CHANNEL_EXPORT}'),
    ('长安礼物', '兵马俑微缩摆件 套装', 'TOURISM_SOUVENIR', '西安市', '1:30 微缩复刻，附收藏证书。', 4500, 1000, '{OFFLINE_EXHIBITION,CHANNEL_EXPORT}'),
    ('长安礼物', '唐风书签 文创套装', 'CULTURAL_CREATIVE', '西安市', '金属镂空书签 6 枚，大唐纹样。', 3900, 1500, '{LIVE_ECOMMERCE,SOCIAL_DISTRIBUTION}')
) as v(merchant, name, category, region, description, price_fen, stock, channels)
join merchant m on m.display_name = v.merchant;

-- 东裕茗茶 is live now; 格兰纳护肤 goes live tomorrow at 20:00 (Asia/Shanghai). Both play the demo loop served by
-- this app (DemoStreamController, local profile): a path on the app's own host, which the app cannot name here.
insert into live_session (merchant_id, title, starts_at, stream_url, status, started_at)
select m.id, '东裕茗茶 开馆首播：秦岭好茶品鉴', now() - interval '10 minutes',
       '/demo/stream/live.m3u8', 'LIVE', now() - interval '10 minutes'
from merchant m where m.display_name = '东裕茗茶';

insert into live_session (merchant_id, title, starts_at, stream_url, status)
select m.id, '格兰纳护肤 冬季保湿专场',
       (date_trunc('day', now() at time zone 'Asia/Shanghai') + interval '1 day 20 hours') at time zone 'Asia/Shanghai',
       '/demo/stream/live.m3u8', 'SCHEDULED'
from merchant m where m.display_name = '格兰纳护肤';

-- only the two sessions above: a database that already holds other sessions (tests share one) keeps them as they are
insert into live_session_product (session_id, product_id, position)
select s.id, p.id, row_number() over (partition by s.id order by p.id) - 1
from live_session s join product p on p.merchant_id = s.merchant_id
where s.merchant_id in (select m.id from merchant m where m.display_name in ('东裕茗茶', '格兰纳护肤'))
  and not exists (select 1 from live_session_product l where l.session_id = s.id);

update live_session s set pinned_product_id = (select min(p.id) from product p where p.merchant_id = s.merchant_id)
where s.status = 'LIVE' and s.pinned_product_id is null
  and s.merchant_id in (select m.id from merchant m where m.display_name = '东裕茗茶');
