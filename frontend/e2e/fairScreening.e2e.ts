// Fair screening in the demo hall: the demo organiser creates a fair (desktop) and publishes it; a fresh enterprise
// registers with the questionnaire (phone); the organiser approves it from the screening queue; the enterprise then
// reads the participant directory. Phone and desktop layouts without sideways scrolling.
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

/** A fresh account with a fresh enterprise (a well-formed, unused credit code). */
async function newEnterprise() {
  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const username = `e2e_fair_${stamp}`.slice(0, 32);
  const serial = String(Date.now() % 1e7).padStart(7, '0');
  const first17 = `91340100MA${serial}`;
  const name = `合肥测试精密制造${stamp.slice(-4)}有限公司`;
  const reg = await api('POST', '/api/auth/register', {
    username, password: PASSWORD, displayName: '测试联系人',
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

async function noHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** Beijing wall time `days` from now at 09:00, as a datetime-local value. */
function beijingDay(days: number, hour: number): string {
  const d = new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000);
  return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00`;
}

describe('fair screening', () => {
  test('an organiser publishes a fair, an enterprise registers, is approved and reads the directory', async () => {
    const enterprise = await newEnterprise();
    const title = `e2e 采购对接会 ${Date.now().toString(36)}`;

    // the organiser creates and publishes the fair (desktop)
    const organiser = await browser.open(DESKTOP);
    await logIn(organiser, 'organiser', demoPassword('organiser'), '/organiser/fairs');
    const form = organiser.getByTestId('fair-form');
    await form.getByLabel('名称').fill(title);
    await form.getByLabel('开始时间（北京时间）').fill(beijingDay(10, 9));
    await form.getByLabel('结束时间（北京时间）').fill(beijingDay(11, 17));
    await form.getByLabel('地区').fill('安徽省合肥市');
    await form.getByLabel('会场').fill('合肥滨湖国际会展中心');
    await form.getByLabel('名额（家）').fill('50');
    await form.getByTestId('agenda-add').click();
    await form.getByLabel('议程', { exact: true }).fill('开幕式');
    await form.getByTestId('fair-submit').click();
    await organiser.waitForURL(/\/organiser\/fairs\/\d+$/);
    const fairId = Number(new URL(organiser.url()).pathname.split('/').pop());
    await expectExactText(organiser.getByTestId('organiser-fair-title'), title);
    await organiser.getByTestId('fair-publish').click();
    await expectExactText(organiser.getByTestId('fair-status'), '已发布');
    await noHorizontalScroll(organiser);

    // the enterprise registers on a phone
    const { page } = await browser.openContext(PHONE);
    await logIn(page, enterprise.username, PASSWORD, `/fairs/${fairId}`);
    await expectExactText(page.getByTestId('fair-title'), title);
    await expectText(page.getByTestId('fair-agenda'), '开幕式');
    await page.getByTestId('fair-register').click();
    const questionnaire = page.getByTestId('questionnaire');
    await questionnaire.getByTestId('role-SUPPLIER').click();
    await questionnaire.getByLabel(/可提供的产品或服务/).fill('铝合金压铸件、转向节');
    await questionnaire.getByLabel(/金额下限/).fill('10');
    await questionnaire.getByLabel(/金额上限/).fill('200');
    await questionnaire.getByLabel('联系人').fill('张经理');
    await questionnaire.getByLabel('联系电话').fill('13955001234');
    await noHorizontalScroll(page);
    await questionnaire.getByTestId('questionnaire-submit').click();
    await expectExactText(page.getByTestId('registration-status'), '待审核');

    // the organiser approves it from the queue
    await organiser.reload();
    const row = organiser.getByTestId('queue-row').filter({ hasText: enterprise.name });
    await expectText(row, '13955001234');
    await row.getByTestId('decide-approve').click();
    await expectText(row, '已通过');
    await expectText(organiser.getByTestId('screening-capacity'), '已通过 1 / 名额 50 家');

    // the enterprise sees the directory
    await page.reload();
    await expectExactText(page.getByTestId('registration-status'), '已通过');
    await page.getByTestId('to-directory').click();
    await page.waitForURL(`**/fairs/${fairId}/directory`);
    const entry = page.getByTestId('directory-entry').filter({ hasText: enterprise.name });
    await expectText(entry, '本企业');
    await expectText(entry, '10万元–200万元');
    await noHorizontalScroll(page);
  });
});
