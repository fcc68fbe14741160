// The live session room's interaction, two people at once: a viewer (phone) asks a question, the organiser (desktop,
// the console) marks it answered and the viewer sees it live; the organiser opens a poll, the viewer votes and both
// see the results; the organiser starts a check-in and the viewer enters the code the console shows, 已签到.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { baseUrl, demoPassword, DESKTOP, expectText, PHONE, useBrowser } from './support';

const browser = useBrowser();
const JSON_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json' };

async function api(path: string, token: string, body?: unknown): Promise<{ id: number }> {
  const res = await fetch(`${baseUrl()}${path}`, {
    method: 'POST',
    headers: { ...JSON_HEADERS, Authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: number };
}

/** A new live session of a new series of the demo organiser (over the API: the UI for that has its own e2e). */
async function liveSession(stamp: string): Promise<number> {
  const login = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: JSON_HEADERS,
    body: JSON.stringify({ username: 'organiser', password: demoPassword('organiser') }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const series = await api('/api/organiser/training/series', accessToken, { title: `互动课堂 ${stamp}`, audience: '', tags: [] });
  const session = await api(`/api/organiser/training/series/${series.id}/sessions`, accessToken, {
    title: `问答与签到 ${stamp}`,
    lecturer: '王老师',
    startsAt: new Date(Date.now() + 3_600_000).toISOString(),
    durationMinutes: 60,
    streamUrl: `${baseUrl()}/demo/stream/live.m3u8`,
    materialFileIds: [],
  });
  await api(`/api/organiser/training/sessions/${session.id}/start`, accessToken);
  return session.id;
}

async function logIn(page: Page, username: string, next: string) {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(demoPassword(username));
  await page.getByTestId('login-submit').click();
}

async function noHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

describe('training room', () => {
  test('Q&A answered live, a poll voted and seen by both, a check-in with the code from the console', async () => {
    const stamp = String(Date.now() % 1_000_000);
    const id = await liveSession(stamp);
    const viewer = await browser.open({ ...PHONE, viewport: { width: 390, height: 844 } });
    const organiser = await browser.open({ ...DESKTOP, viewport: { width: 1440, height: 900 } });

    await logIn(viewer, 'viewer', `/training/sessions/${id}`);
    await viewer.locator('[data-testid="training-session"][data-status="LIVE"]').waitFor();
    await logIn(organiser, 'organiser', `/organiser/training/sessions/${id}/console`);
    await organiser.locator('[data-testid="training-console"][data-status="LIVE"]').waitFor();

    // Q&A: the viewer asks, the organiser answers, the viewer sees 已回答 without reloading
    await viewer.getByTestId('room-tab-qa').click();
    const text = `申报材料需要盖章吗？${stamp}`;
    await viewer.getByTestId('qa-input').fill(text);
    await viewer.getByTestId('qa-ask').click();
    const mine = viewer.getByTestId('qa-question').filter({ hasText: text });
    await mine.waitFor();
    const asked = organiser.getByTestId('console-question').filter({ hasText: text });
    await asked.waitFor();
    await asked.getByTestId('console-answer').click();
    await organiser.getByTestId('console-answer-input').fill('需要加盖公章');
    await organiser.getByTestId('console-answer-save').click();
    await expectText(mine.getByTestId('qa-answered'), '已回答');
    await expectText(mine.getByTestId('qa-answer'), '答：需要加盖公章');
    await noHorizontalScroll(viewer);

    // a poll: written and opened on the console, voted on the phone, results on both
    await organiser.getByTestId('poll-question').fill(`本节课难度如何？${stamp}`);
    const options = organiser.getByTestId('poll-option-input');
    await options.nth(0).fill('简单');
    await options.nth(1).fill('适中');
    await organiser.getByTestId('poll-create').click();
    const draft = organiser.getByTestId('console-poll').filter({ hasText: stamp });
    await draft.getByTestId('poll-open').click();
    await organiser.locator('[data-testid="console-poll"][data-status="OPEN"]').filter({ hasText: stamp }).waitFor();

    await viewer.getByTestId('room-tab-poll').click();
    await viewer.locator('[data-testid="poll-card"][data-status="OPEN"]').waitFor();
    await viewer.getByTestId('poll-option').nth(1).check();
    await viewer.getByTestId('poll-submit').click();
    await expectText(viewer.getByTestId('poll-result').nth(1), '1 票 · 100%');
    await expectText(organiser.getByTestId('console-poll').filter({ hasText: stamp }), '1 人参与');
    await expectText(organiser.getByTestId('console-poll').filter({ hasText: stamp }).getByTestId('poll-result').nth(1), '1 票 · 100%');

    // a check-in: the code is shown big on the console only; the viewer types it in
    await organiser.getByTestId('checkin-start').click();
    const code = (await organiser.getByTestId('checkin-code-big').textContent())?.trim() ?? '';
    expect(code).toMatch(/^\d{4}$/);
    await expectText(viewer.getByTestId('checkin-remaining'), /签到进行中，剩余 0\d:\d\d/);
    expect(await viewer.content()).not.toContain(`>${code}<`);
    await viewer.getByTestId('checkin-code').fill(code);
    await viewer.getByTestId('checkin-submit').click();
    await expectText(viewer.getByTestId('checkin-done'), '已签到');
    await expectText(organiser.getByTestId('checkin-count'), '1');
    await noHorizontalScroll(viewer);
    await noHorizontalScroll(organiser);
  });
});
