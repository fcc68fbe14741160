// Training registration in the demo hall: a fresh viewer registers for the Ningxia series (CAPACITY, company and phone
// asked), reads 已报名 and downloads the .ics file; the organiser sees the demo viewer's phone masked in the Ningxia
// list and approves a fresh person who registered for the Guangxi training (APPROVAL). Phone and desktop layouts.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { baseUrl, demoPassword, DESKTOP, expectExactText, expectText, PHONE, useBrowser } from './support';

const browser = useBrowser();
const NINGXIA = '宁夏中小企业高质量发展系列培训';
const GUANGXI = '广西惠企政策直播培训';
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

async function seriesId(title: string): Promise<number> {
  const res = await api('GET', '/api/training/series?limit=100');
  const page = (await res.json()) as { items: Array<{ id: number; title: string }> };
  const found = page.items.find((s) => s.title === title);
  if (!found) throw new Error(`demo series ${title} not found`);
  return found.id;
}

/** A fresh viewer (username, display name, token). */
async function newViewer(tag: string) {
  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const username = `e2e_reg_${stamp}`.slice(0, 32);
  const displayName = `${tag}${stamp.slice(-4)}`;
  const reg = await api('POST', '/api/auth/register', { username, password: PASSWORD, displayName });
  expect(reg.status, await reg.clone().text()).toBe(201);
  const login = await api('POST', '/api/auth/login', { username, password: PASSWORD });
  const token = ((await login.json()) as { accessToken: string }).accessToken;
  return { username, displayName, token };
}

async function logIn(page: Page, username: string, password: string, next: string) {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => url.pathname === next);
}

async function noHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

describe('training registration', () => {
  for (const [device, options] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
    test(`a viewer registers for a capacity series, reads 已报名 and downloads the calendar file (${device})`, async () => {
      const viewer = await newViewer('报名');
      const id = await seriesId(NINGXIA);
      const { page } = await browser.openContext({ ...options, acceptDownloads: true });
      await logIn(page, viewer.username, PASSWORD, `/training/series/${id}`);
      const panel = page.getByTestId('registration-panel');
      await expectText(panel.getByTestId('registration-counts'), '/ 3000 人');
      await panel.getByTestId('register-open').click();
      const dialog = page.getByTestId('register-dialog');
      await dialog.getByLabel(/单位名称/).fill('宁夏示范企业');
      await dialog.getByLabel(/手机号/).fill('13912345678');
      await noHorizontalScroll(page);
      await dialog.getByTestId('register-submit').click();
      await expectExactText(panel.getByTestId('registration-state'), '已报名');

      const [download] = await Promise.all([page.waitForEvent('download'), panel.getByTestId('registration-calendar').click()]);
      expect(download.suggestedFilename()).toBe(`training-series-${id}.ics`);
      const ics = readFileSync((await download.path())!, 'utf8');
      expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
      expect(ics).toContain('TZID:Asia/Shanghai');
      expect(ics).toContain('DTSTART;TZID=Asia/Shanghai:');
      await noHorizontalScroll(page);

      // 我的报名 lists it
      await page.goto('/me/registrations');
      await expectText(page.getByTestId('my-registration').filter({ hasText: NINGXIA }), '已报名');
      await noHorizontalScroll(page);
    });
  }

  test('the organiser sees masked phones and approves a registration of an approval series', async () => {
    const id = await seriesId(NINGXIA);
    const guangxi = await seriesId(GUANGXI);
    const applicant = await newViewer('审核');
    const reg = await api('POST', `/api/training/series/${guangxi}/registration`, { company: '广西示范企业' }, applicant.token);
    expect(reg.status).toBe(200);

    const page = await browser.open(PHONE);
    await logIn(page, 'organiser', demoPassword('organiser'), `/organiser/training/series/${id}`);
    const list = page.getByTestId('registration-list');
    await expectText(list.getByTestId('registration-phone'), '138****1234');
    await expect(list.textContent()).resolves.not.toContain('13800001234');
    await noHorizontalScroll(page);

    await page.goto(`/organiser/training/series/${guangxi}`);
    await page.getByTestId('registration-tab-PENDING').click();
    const row = page.getByTestId('registration-row').filter({ hasText: applicant.displayName });
    await expectText(row, '待审核');
    await row.getByTestId('registration-approve').click();
    await row.waitFor({ state: 'detached' });
    await page.getByTestId('registration-tab-CONFIRMED').click();
    await expectText(page.getByTestId('registration-row').filter({ hasText: applicant.displayName }), '已报名');
    await noHorizontalScroll(page);

    const mine = await api('GET', `/api/training/series/${guangxi}/registration`, undefined, applicant.token);
    expect(((await mine.json()) as { registration: { state: string } }).registration.state).toBe('CONFIRMED');
  });
});
