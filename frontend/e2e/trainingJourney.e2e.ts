// The training journey of issue 13, one attendee and the organiser at once: a fresh viewer registers for a series,
// joins its live session, asks a question that the organiser answers live from the console, checks in with the code
// the console shows, and finds the attendance record on the session page (watch time, 已签到, the question); the
// organiser's attendance page lists them with the check-in and the question.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { baseUrl, demoPassword, DESKTOP, expectExactText, expectText, PHONE, useBrowser } from './support';

const browser = useBrowser();
const PASSWORD = 'Passw0rd-e2e';
const JSON_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json' };

async function post(path: string, token: string | null, body?: unknown): Promise<Response> {
  return fetch(`${baseUrl()}${path}`, {
    method: 'POST',
    headers: { ...JSON_HEADERS, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function created(res: Response): Promise<number> {
  if (!res.ok) throw new Error(`${res.url}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: number }).id;
}

async function token(username: string, password: string): Promise<string> {
  const res = await post('/api/auth/login', null, { username, password });
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function logIn(page: Page, username: string, password: string, next: string) {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => url.pathname === next);
}

describe('a training, from registration to the attendance record', () => {
  test('register, join live, a question answered live, check in, see the attendance record', async () => {
    const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e3)}`;
    // the organiser's series and session (the organiser UI has its own e2e), live on the demo stream
    const organiserToken = await token('organiser', demoPassword('organiser'));
    const seriesId = await created(await post('/api/organiser/training/series', organiserToken,
      { title: `全流程培训 ${stamp}`, audience: '企业负责人', tags: ['专精特新'] }));
    const sessionId = await created(await post(`/api/organiser/training/series/${seriesId}/sessions`, organiserToken, {
      title: `实务篇 ${stamp}`, lecturer: '李老师', startsAt: new Date(Date.now() + 3_600_000).toISOString(),
      durationMinutes: 60, streamUrl: `${baseUrl()}/demo/stream/live.m3u8`, materialFileIds: [],
    }));
    await post(`/api/organiser/training/sessions/${sessionId}/start`, organiserToken);
    // a fresh attendee
    const username = `e2e_trip_${stamp}`.slice(0, 32);
    const displayName = `学员${stamp.slice(-4)}`;
    const reg = await post('/api/auth/register', null, { username, password: PASSWORD, displayName });
    expect(reg.status, await reg.clone().text()).toBe(201);

    const viewer = await browser.open({ ...PHONE, viewport: { width: 390, height: 844 } });
    const organiser = await browser.open({ ...DESKTOP, viewport: { width: 1440, height: 900 } });

    // 1. register on the session page
    await logIn(viewer, username, PASSWORD, `/training/sessions/${sessionId}`);
    await viewer.locator('[data-testid="training-session"][data-status="LIVE"]').waitFor();
    const panel = viewer.getByTestId('registration-panel');
    await panel.getByTestId('register-open').click();
    await viewer.getByTestId('register-dialog').getByTestId('register-submit').click();
    await expectExactText(panel.getByTestId('registration-state'), '已报名');

    // 2. a question, answered live from the console
    await logIn(organiser, 'organiser', demoPassword('organiser'), `/organiser/training/sessions/${sessionId}/console`);
    await organiser.locator('[data-testid="training-console"][data-status="LIVE"]').waitFor();
    await viewer.getByTestId('room-tab-qa').click();
    const question = `结业证书怎么领取？${stamp}`;
    await viewer.getByTestId('qa-input').fill(question);
    await viewer.getByTestId('qa-ask').click();
    const mine = viewer.getByTestId('qa-question').filter({ hasText: question });
    await mine.waitFor();
    const asked = organiser.getByTestId('console-question').filter({ hasText: question });
    await asked.getByTestId('console-answer').click();
    await organiser.getByTestId('console-answer-input').fill('课程结束后在本页下载');
    await organiser.getByTestId('console-answer-save').click();
    await expectText(mine.getByTestId('qa-answered'), '已回答');

    // 3. check in with the code the console shows
    await organiser.getByTestId('checkin-start').click();
    const code = (await organiser.getByTestId('checkin-code-big').textContent())?.trim() ?? '';
    expect(code).toMatch(/^\d{4}$/);
    await viewer.getByTestId('room-tab-poll').click();
    await viewer.getByTestId('checkin-code').fill(code);
    await viewer.getByTestId('checkin-submit').click();
    await expectText(viewer.getByTestId('checkin-done'), '已签到');

    // 4. the attendance record: presence reports every 10 s, slots are 30 s, the card re-reads every 30 s while live
    const card = viewer.getByTestId('my-attendance');
    await card.getByTestId('my-live-watch').filter({ hasNotText: /^0 秒$/ }).waitFor({ timeout: 75_000 });
    await expectText(card.getByTestId('my-live-watch'), /\d+ (秒|分)/);
    expect(await card.getByTestId('my-live-watch').textContent()).not.toBe('0 秒');
    await expectText(card.getByTestId('my-checkin'), '已签到');
    await expectText(card, '1 个');
    await expectText(card.getByTestId('my-stays'), '进出记录：');

    // 5. the organiser's attendance page
    await organiser.goto(`/organiser/training/sessions/${sessionId}/attendance`);
    const row = organiser.getByTestId('attendee-row').filter({ hasText: displayName });
    await row.waitFor();
    await expectText(row, '✓');
    await expectText(organiser.getByTestId('figure-registered'), '报名1');
    await expectText(organiser.getByTestId('figure-checkin-rate'), '签到率100%');
    await expectText(organiser.getByTestId('figure-questions'), '提问1');
  }, 180_000);
});
