// The matchmaking journey of issue 14 in the demo hall: two enterprises register for a fair (a supplier on a phone,
// a buyer on a desktop) and are approved by the organiser; each publishes a listing; the supplier sees the buyer's
// demand as a scored match and asks for a meeting from it; the buyer accepts a slot; the supplier records an
// intention and then the signed deal; the organiser's pipeline page, open all along, shows the deal signed live.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { creditCodeCheckChar } from '../src/lib/creditCode';
import { baseUrl, demoPassword, DESKTOP, expectExactText, expectText, PHONE, useBrowser } from './support';

const browser = useBrowser();
const PASSWORD = 'Passw0rd-e2e';

async function api(method: string, path: string, body?: unknown, token?: string): Promise<Response> {
  return fetch(`${baseUrl()}${path}`, {
    method,
    headers: {
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function ok<T>(response: Promise<Response>): Promise<T> {
  const r = await response;
  expect(r.status, await r.clone().text()).toBeLessThan(300);
  return (await r.json()) as T;
}

async function token(username: string, password: string): Promise<string> {
  return (await ok<{ accessToken: string }>(api('POST', '/api/auth/login', { username, password }))).accessToken;
}

let serial = 0;

/** A fresh account with a fresh enterprise in 合肥 (a well-formed, unused credit code). */
async function newEnterprise(label: string) {
  const stamp = `${Date.now().toString(36)}${serial++}`;
  const username = `e2e_fj_${stamp}`.slice(0, 32);
  const digits = String((Date.now() + serial * 7919) % 1e7).padStart(7, '0');
  const first17 = `91340100MA${digits}`;
  const name = `合肥${label}${stamp.slice(-4)}有限公司`;
  const reg = await api('POST', '/api/auth/register', {
    username, password: PASSWORD, displayName: `${label}联系人`,
    enterprise: { name, creditCode: first17 + creditCodeCheckChar(first17), region: '安徽省合肥市', industry: '汽车零部件', size: 'SMALL' },
  });
  expect(reg.status, await reg.clone().text()).toBe(201);
  return { username, name };
}

async function logIn(page: Page, username: string, password: string, next: string) {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => url.pathname + url.search === next);
}

async function register(page: Page, fairId: number, role: 'SUPPLIER' | 'BUYER', phone: string) {
  await page.goto(`/fairs/${fairId}/register`);
  const questionnaire = page.getByTestId('questionnaire');
  await questionnaire.getByTestId(`role-${role}`).click();
  if (role === 'SUPPLIER') await questionnaire.getByLabel(/可提供的产品或服务/).fill('铝合金压铸件、转向节');
  else await questionnaire.getByLabel(/采购或合作需求/).fill('新能源汽车铝合金压铸壳体');
  await questionnaire.getByLabel('联系人').fill('张经理');
  await questionnaire.getByLabel('联系电话').fill(phone);
  await questionnaire.getByTestId('questionnaire-submit').click();
  await expectExactText(page.getByTestId('registration-status'), '待审核');
}

/** Beijing date `days` from now (YYYY-MM-DD). */
function beijingDate(days: number): string {
  return new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
}

describe('fair journey', () => {
  test('register, approve, match, meet, intention, signed — the organiser sees it live', async () => {
    const supplier = await newEnterprise('精铸');
    const buyer = await newEnterprise('整车');
    const organiserToken = await token('organiser', demoPassword('organiser'));

    // a published fair two days from now with slots and tables (the fair's set-up is the organiser's, by API)
    const day = beijingDate(2);
    const fair = await ok<{ fair: { id: number } }>(api('POST', '/api/organiser/fairs', {
      title: `e2e 汽车零部件对接会 ${Date.now().toString(36)}`, kind: 'PROCUREMENT', mode: 'OFFLINE', visibility: 'PUBLIC',
      startsAt: `${day}T09:00:00+08:00`, endsAt: `${beijingDate(3)}T17:00:00+08:00`, region: '安徽省合肥市',
      venue: '合肥滨湖国际会展中心', summary: '', capacity: 20, coverFileId: null, agenda: [],
    }, organiserToken));
    const fairId = fair.fair.id;
    await ok(api('POST', `/api/organiser/fairs/${fairId}/publish`, undefined, organiserToken));
    await ok(api('POST', `/api/organiser/fairs/${fairId}/slots`,
      { date: day, from: '09:00', until: '11:00', minutes: 30, breakMinutes: 0 }, organiserToken));
    await ok(api('POST', `/api/organiser/fairs/${fairId}/places`, { kind: 'TABLE', count: 4 }, organiserToken));

    // the organiser's pipeline page stays open (desktop): its KPI cards update live
    const organiser = await browser.open(DESKTOP);
    await logIn(organiser, 'organiser', demoPassword('organiser'), `/organiser/fairs/${fairId}`);

    // both enterprises register; the organiser approves them from the screening queue
    const { page: s } = await browser.openContext(PHONE);
    await logIn(s, supplier.username, PASSWORD, `/fairs/${fairId}`);
    await register(s, fairId, 'SUPPLIER', '13955001234');
    const { page: b } = await browser.openContext(DESKTOP);
    await logIn(b, buyer.username, PASSWORD, `/fairs/${fairId}`);
    await register(b, fairId, 'BUYER', '13955005678');
    await organiser.reload();
    for (const name of [supplier.name, buyer.name]) {
      const row = organiser.getByTestId('queue-row').filter({ hasText: name });
      await row.getByTestId('decide-approve').click();
      await expectText(row, '已通过');
    }

    // each publishes a listing (the listing form has its own tests; here the API)
    const validUntil = new Date(Date.now() + 90 * 86_400_000).toISOString();
    for (const [who, side, title] of [[supplier, 'SUPPLY', '铝合金压铸件批量供应'], [buyer, 'DEMAND', '采购新能源汽车铝合金压铸壳体']] as const) {
      await ok(api('POST', '/api/me/listings', {
        side, title, description: '铝合金压铸，年产能 50 万件', category: 'C367', keywords: ['铝合金', '压铸'],
        region: '安徽省合肥市', validUntil,
      }, await token(who.username, PASSWORD)));
    }

    // the organiser watches the pipeline's KPIs
    await organiser.goto(`/organiser/fairs/${fairId}/pipeline`);
    await expectText(organiser.getByTestId('kpi-SIGNED'), '0');

    // the supplier sees the buyer's demand as a scored match (matching runs after the listings commit; one matching job
    // runs at a time, and the demo fair's full run at start-up takes half a minute or more on a busy machine)
    await s.goto(`/fairs/${fairId}/matches`);
    const match = s.getByTestId('match').filter({ hasText: buyer.name });
    await expect.poll(async () => {
      if (await match.count() > 0) return true;
      await s.reload();
      return false;
    }, { timeout: 150_000, interval: 2_000 }).toBe(true);
    await expectText(match, '同属汽车零部件及配件制造');
    await expectText(match, '同在合肥');

    // …and asks for a meeting from the match
    await match.getByTestId('match-meet').click();
    await s.waitForURL(`**/fairs/${fairId}/meetings**`);
    await s.getByLabel(/留言/).fill('想了解贵司的压铸壳体需求');
    await s.getByTestId('meeting-request-send').click();
    await expectText(s.getByTestId('meeting-outgoing'), buyer.name);

    // the buyer accepts a slot
    await b.goto(`/fairs/${fairId}/meetings`);
    const incoming = b.getByTestId('incoming-item').filter({ hasText: supplier.name });
    await incoming.getByRole('button', { name: '接受' }).click();
    await b.getByTestId('meeting-accept-send').click();
    await expectText(b.getByTestId('meeting-agenda'), supplier.name);

    // the supplier records an intention, then the signed deal
    await s.goto(`/fairs/${fairId}/pipeline`);
    const pair = s.getByTestId('pair-card').filter({ hasText: buyer.name });
    await expectText(pair, '已联系');
    await pair.locator('button').first().click();
    const editor = s.getByTestId('pair-editor');
    await editor.getByTestId('stage-INTENTION').click();
    await editor.getByTestId('pair-intended').fill('120');
    await editor.getByTestId('pair-save').click();
    await expectText(s.getByTestId('pair-intended-amount'), '120');
    await editor.getByTestId('stage-SIGNED').click();
    await editor.getByTestId('pair-signed').fill('100');
    await editor.getByTestId('pair-signed-on').fill(beijingDate(0));
    await editor.getByTestId('pair-save').click();
    await expectText(s.getByTestId('pair-signed-amount'), '100');

    // the organiser's open page shows it without a reload
    await expectExactText(organiser.getByTestId('kpi-SIGNED').locator('strong'), '1', 2_000 + 3_000);
    await expectText(organiser.getByTestId('kpi-SIGNED_AMOUNT_FEN'), '100');
    await expectText(organiser.getByTestId('kpi-INTENTIONS'), '1');
  }, 300_000);
});
