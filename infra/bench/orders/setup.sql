-- Data for one benchmark run (psql -v run=<tag> -v buyers=<n> -f setup.sql): a trading merchant with one
-- MERCHANT user, a product with plenty of stock, two LIVE sessions (the accepted phase and the sold-out phase),
-- and <buyers> buyer accounts (no password: the harness mints their tokens with the app's signing key).
-- Prints the ids as name=value lines for the harness.
\set ON_ERROR_STOP on
\pset tuples_only on
\pset format unaligned

insert into enterprise (name, credit_code, region, industry, size)
values ('压测企业 ' || :'run', upper(substr(md5(:'run'), 1, 18)), '西安市', '食品', 'SMALL')
returning id as enterprise_id \gset
insert into app_user (username, password_hash, display_name, roles, enterprise_id)
values ('bench-merchant-' || :'run', '{noop}unused', '压测商家', array['VIEWER', 'MERCHANT'], :enterprise_id)
returning id as merchant_user_id \gset
insert into selection_round (name, quota, opens_at, closes_at, created_by)
values ('压测轮次', 20, now() - interval '1 day', now() + interval '1 day', :merchant_user_id)
returning id as round_id \gset
insert into merchant_application (round_id, enterprise_id, applicant_id, contact_name, contact_phone, category,
                                  proposed_products, status)
values (:round_id, :enterprise_id, :merchant_user_id, '联系人', '13800000000', 'FAMOUS_QUALITY', '压测', 'APPROVED')
returning id as application_id \gset
insert into merchant (enterprise_id, application_id, display_name)
values (:enterprise_id, :application_id, '压测商家') returning id as merchant_id \gset
insert into agreement_acceptance (merchant_id, agreement_id, accepted_by, text_sha256)
select :merchant_id, id, :merchant_user_id, text_sha256
from (select distinct on (kind) id, text_sha256 from agreement_version order by kind, version desc) newest;
insert into product (merchant_id, name, category, region, price_fen, stock, status)
values (:merchant_id, '压测茶叶', 'FAMOUS_QUALITY', '西安市', 9900, 2000000, 'ON_SALE') returning id as product_id \gset
insert into live_session (merchant_id, title, starts_at, stream_url, status, started_at)
values (:merchant_id, '压测直播', now(), 'https://live.example.com/bench.flv', 'LIVE', now()) returning id as session_id \gset
insert into live_session (merchant_id, title, starts_at, stream_url, status, started_at)
values (:merchant_id, '压测直播（售罄）', now(), 'https://live.example.com/bench2.flv', 'LIVE', now())
returning id as soldout_session_id \gset
with b as (
    insert into app_user (username, password_hash, display_name, roles)
    select 'bench-' || :'run' || '-' || i, '{noop}unused', '买家' || i, array['VIEWER'] from generate_series(1, :buyers) i
    returning id)
select min(id) as first_buyer, max(id) as last_buyer from b \gset

select 'MERCHANT_USER_ID=' || :merchant_user_id;
select 'PRODUCT_ID=' || :product_id;
select 'SESSION_ID=' || :session_id;
select 'SOLDOUT_SESSION_ID=' || :soldout_session_id;
select 'FIRST_BUYER=' || :first_buyer;
select 'LAST_BUYER=' || :last_buyer;
