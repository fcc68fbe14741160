#!/bin/bash
# Creates a trading merchant (written into the database, as the tests' fixtures do) and one on-sale product
# with an image through the API; prints the product id. Usage: seed-product.sh BASE_URL DATABASE_URL
set -euo pipefail
BASE=$1
DB=$2
USERNAME=bench$(date +%s)$RANDOM
# a valid 统一社会信用代码 (GB 32100-2015 check character) for the merchant's enterprise
CREDIT_CODE=$(python3 - <<'PY'
import random
chars = '0123456789ABCDEFGHJKLMNPQRTUWXY'
weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
body = '91610100' + ''.join(random.choice('0123456789') for _ in range(9))
check = (31 - sum(chars.index(c) * w for c, w in zip(body, weights)) % 31) % 31
print(body + chars[check])
PY
)
json() { python3 -c "import sys, json; print(json.load(sys.stdin)[sys.argv[1]])" "$1"; }

curl -sf -H 'Content-Type: application/json' "$BASE/api/auth/register" -d "{\"username\":\"$USERNAME\",
  \"password\":\"secret-pass-1\",\"displayName\":\"压测商家\",\"enterprise\":{\"name\":\"压测企业 $USERNAME\",
  \"creditCode\":\"$CREDIT_CODE\",\"region\":\"宝鸡市\",\"industry\":\"食品\",\"size\":\"SMALL\"}}" >/dev/null
psql "$DB" -q -v ON_ERROR_STOP=1 <<SQL
with u as (select id, enterprise_id from app_user where username = '$USERNAME'),
r as (insert into selection_round (name, quota, opens_at, closes_at, created_by)
      select '压测轮次', 20, now() - interval '1 day', now() + interval '30 days', id from u returning id),
a as (insert into merchant_application (round_id, enterprise_id, applicant_id, contact_name, contact_phone, category,
                                        proposed_products, status)
      select r.id, u.enterprise_id, u.id, '联系人', '13800000000', 'FAMOUS_QUALITY', '西凤酒', 'APPROVED' from r, u
      returning id, enterprise_id),
m as (insert into merchant (enterprise_id, application_id, display_name)
      select enterprise_id, id, '西凤酒业旗舰店' from a returning id)
insert into agreement_acceptance (merchant_id, agreement_id, accepted_by, text_sha256)
select m.id, n.id, u.id, n.text_sha256
from m, u, (select distinct on (kind) id, text_sha256 from agreement_version order by kind, version desc) n;
update app_user set roles = array['VIEWER', 'MERCHANT'] where username = '$USERNAME';
SQL
TOKEN=$(curl -sf -H 'Content-Type: application/json' "$BASE/api/auth/login" \
  -d "{\"username\":\"$USERNAME\",\"password\":\"secret-pass-1\"}" | json accessToken)
PNG=$(mktemp --suffix=.png)
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR' > "$PNG"
IMAGE=$(curl -sf -H "Authorization: Bearer $TOKEN" -F "file=@$PNG" -F purpose=IMAGE "$BASE/api/files" | json id)
rm -f "$PNG"
ID=$(curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$BASE/api/merchant/products" -d "{
  \"name\":\"华山论剑西凤酒 52度 500ml\",\"category\":\"FAMOUS_QUALITY\",\"region\":\"宝鸡市\",\"priceFen\":39800,
  \"stock\":120,\"channels\":[\"LIVE_ECOMMERCE\",\"OFFLINE_EXHIBITION\"],\"imageIds\":[$IMAGE],
  \"description\":\"凤香型白酒，醇香典雅，甘润挺爽，诸味协调，尾净悠长。陕西宝鸡凤翔出品，国家地理标志产品。\"}" | json id)
curl -sf -X POST -H "Authorization: Bearer $TOKEN" "$BASE/api/merchant/products/$ID/publish" >/dev/null
echo "$ID"
