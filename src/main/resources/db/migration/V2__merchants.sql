-- Showcase (进展厅上平台) onboarding: selection rounds, merchant applications with their documents and status
-- history, merchants, and the entry agreement / quality commitment they accept. Uploaded files live in
-- stored_file (content in PostgreSQL, behind the FileStorage interface).

create table stored_file (
    id            bigint generated always as identity primary key,
    owner_id      bigint      not null references app_user (id),
    purpose       text        not null check (purpose in ('DOCUMENT', 'IMAGE')),
    original_name text        not null check (char_length(original_name) between 1 and 200),
    content_type  text        not null,
    size_bytes    bigint      not null check (size_bytes > 0),
    sha256        char(64)    not null,
    created_at    timestamptz not null default now()
);

create table stored_file_content (
    file_id bigint primary key references stored_file (id) on delete cascade,
    content bytea  not null
);

create table selection_round (
    id          bigint generated always as identity primary key,
    name        text        not null check (char_length(name) between 1 and 100),
    quota       int         not null check (quota > 0),
    opens_at    timestamptz not null,
    closes_at   timestamptz not null,
    created_by  bigint      not null references app_user (id),
    created_at  timestamptz not null default now(),
    check (closes_at > opens_at)
);

create table merchant_application (
    id               bigint generated always as identity primary key,
    round_id         bigint      not null references selection_round (id),
    enterprise_id    bigint      not null references enterprise (id),
    applicant_id     bigint      not null references app_user (id),
    contact_name     text        not null check (char_length(contact_name) between 1 and 40),
    contact_phone    text        not null check (contact_phone ~ '^1[3-9][0-9]{9}$'),
    category         text        not null
                                 check (category in ('FAMOUS_QUALITY', 'CULTURAL_CREATIVE', 'INTANGIBLE_HERITAGE', 'TOURISM_SOUVENIR')),
    proposed_products text       not null check (char_length(proposed_products) between 1 and 2000),
    status           text        not null default 'SUBMITTED'
                                 check (status in ('SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED', 'REJECTED')),
    decision_reason  text        check (char_length(decision_reason) <= 500),
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    constraint merchant_application_round_enterprise_key unique (round_id, enterprise_id),
    -- a refusal or a request for changes always says why
    constraint merchant_application_reason_check
        check (status not in ('REJECTED', 'CHANGES_REQUESTED') or decision_reason is not null)
);
create index merchant_application_round_status_idx on merchant_application (round_id, status, id);
create index merchant_application_round_id_idx on merchant_application (round_id, id);
create index merchant_application_applicant_idx on merchant_application (applicant_id);
create index merchant_application_enterprise_idx on merchant_application (enterprise_id, id);

create table application_document (
    application_id bigint not null references merchant_application (id),
    file_id        bigint not null references stored_file (id),
    kind           text   not null
                          check (kind in ('BUSINESS_LICENSE', 'PRODUCT_QUALIFICATION', 'QUALITY_CERTIFICATE', 'TRADEMARK', 'OTHER')),
    primary key (application_id, file_id)
);

create table application_status_change (
    id             bigint generated always as identity primary key,
    application_id bigint      not null references merchant_application (id),
    from_status    text        check (from_status in ('SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED', 'REJECTED')),
    to_status      text        not null
                               check (to_status in ('SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED', 'REJECTED')),
    reason         text        check (char_length(reason) <= 500),
    actor_id       bigint      not null references app_user (id),
    changed_at     timestamptz not null default now()
);
create index application_status_change_app_idx on application_status_change (application_id, id);

create table merchant (
    id             bigint generated always as identity primary key,
    enterprise_id  bigint      not null references enterprise (id),
    application_id bigint      not null references merchant_application (id),
    display_name   text        not null check (char_length(display_name) between 1 and 100),
    status         text        not null default 'ACTIVE' check (status in ('ACTIVE', 'SUSPENDED')),
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    constraint merchant_enterprise_key unique (enterprise_id)
);

create table agreement_version (
    id           bigint generated always as identity primary key,
    kind         text        not null check (kind in ('ENTRY_AGREEMENT', 'QUALITY_COMMITMENT')),
    version      int         not null check (version > 0),
    title        text        not null check (char_length(title) between 1 and 100),
    body         text        not null check (char_length(body) between 1 and 20000),
    text_sha256  char(64)    not null,
    published_by bigint      references app_user (id),
    published_at timestamptz not null default now(),
    constraint agreement_version_kind_version_key unique (kind, version)
);

create table agreement_acceptance (
    merchant_id  bigint      not null references merchant (id),
    agreement_id bigint      not null references agreement_version (id),
    accepted_by  bigint      not null references app_user (id),
    text_sha256  char(64)    not null,
    accepted_at  timestamptz not null default now(),
    primary key (merchant_id, agreement_id)
);
create index merchant_status_idx on merchant (status, id);

-- the first versions of the two documents every merchant accepts before listing products or going live;
-- organisers publish newer versions through the API, and a merchant must accept the newest of each kind
insert into agreement_version (kind, version, title, body, text_sha256)
select kind, 1, title, body, encode(sha256(convert_to(body, 'UTF8')), 'hex')
from (values
    ('ENTRY_AGREEMENT', '进场协议（第 1 版）',
     E'一、入驻企业经组织方审核通过后进入“名优产品进展厅上平台”，通过线下展销、社区团购、社群分销、电商直播和渠道输出等方式展示和销售产品。\n'
     '二、入驻企业保证所提交的企业信息、资质文件和产品信息真实、合法、有效，并在信息变更时及时更新。\n'
     '三、入驻企业遵守平台的直播、价格、订单和发货规则，按约定时间发货并提供售后服务。\n'
     '四、平台按公开规则展示入驻企业及其产品，对违反本协议或质量服务承诺的企业，组织方可下架产品、暂停直播直至终止入驻。\n'
     '五、本协议自入驻企业在线确认之日起生效；新版本发布后，入驻企业确认新版本后方可继续上架和直播。'),
    ('QUALITY_COMMITMENT', '质量服务承诺（第 1 版）',
     E'一、所售产品符合国家及行业质量标准，来源可追溯，不销售假冒伪劣、过期或不合格产品。\n'
     '二、产品描述、规格、价格和产地信息与实物一致，不作虚假或夸大宣传。\n'
     '三、按订单约定及时发货，提供不低于国家规定的退换货和售后服务，及时处理消费者投诉。\n'
     '四、直播讲解内容真实准确，秒杀和优惠活动按公布的价格、数量和时间执行。\n'
     '五、如违反上述承诺，愿意接受平台的处理并依法承担相应责任。')
) as v(kind, title, body);
