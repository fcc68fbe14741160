// Trainings in the demo hall: a visitor finds the live demo session in /training (list and calendar), opens it, the
// player plays the demo stream and the viewer count shows; an organiser creates a series and a session in the UI
// (and edits the session), and the series appears in the public list. On a phone and a desktop viewport.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { demoPassword, DESKTOP, expectText, PHONE, useBrowser } from './support';

const browser = useBrowser();
const NINGXIA = '宁夏中小企业高质量发展系列培训';

async function noHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

async function logIn(page: Page, username: string, next: string) {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(demoPassword(username));
  await page.getByTestId('login-submit').click();
}

describe('trainings', () => {
  for (const [device, options] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    test(`a visitor finds the live demo session, it plays and counts viewers (${device})`, async () => {
      const page = await browser.open(options);
      const response = await page.goto('/training');
      expect(response?.status()).toBe(200);
      await page.getByTestId('status-live').click();
      const card = page.getByTestId('series-card').filter({ hasText: NINGXIA });
      await expectText(card, '直播中');
      await noHorizontalScroll(page);
      await card.getByRole('link').click();
      await page.getByTestId('series-page').waitFor();
      const live = page.getByTestId('series-session').filter({ hasText: '政策篇' });
      await expectText(live, '直播中');
      await expect(page.getByTestId('series-session').count()).resolves.toBe(4);
      await live.getByRole('link').click();

      await page.locator('[data-testid="training-session"][data-status="LIVE"]').waitFor();
      await page.waitForFunction(() => {
        const v = document.querySelector<HTMLVideoElement>('[data-testid="live-video"]');
        return !!v && v.readyState >= 2 && v.currentTime > 0;
      }, null, { polling: 200 });
      // this page itself watches: the room counts at least one viewer
      await page.waitForFunction(() => Number(document.querySelector('[data-testid="viewer-count"]')?.textContent) >= 1,
        null, { polling: 200 });
      await page.getByTestId('share-button').waitFor({ state: 'visible' });
      await noHorizontalScroll(page);

      // the calendar lists it on today's date too
      await page.goto('/training');
      await page.getByTestId('view-calendar').click();
      await expectText(page.getByTestId('calendar-session'), '政策篇');
      await noHorizontalScroll(page);
    });

    test(`an organiser creates a series and a session, edits it, and the public list shows it (${device})`, async () => {
      const page = await browser.open(options);
      const stamp = `${Date.now() % 1_000_000}${device === 'phone' ? 'P' : 'D'}`;
      const title = `e2e 培训系列 ${stamp}`;
      await logIn(page, 'organiser', '/organiser/training');
      await page.getByTestId('training-manage').waitFor();
      await page.getByLabel('系列名称').fill(title);
      await page.getByLabel(/面向对象/).fill('外贸企业负责人');
      await page.getByLabel(/标签/).fill('专精特新，外贸');
      await page.getByTestId('series-submit').click();

      await page.getByTestId('manage-series-page').waitFor();
      await expectText(page.getByRole('heading', { level: 1 }), title);
      await page.getByLabel('课程标题').fill('第一课：出海合规');
      await page.getByLabel('讲师').fill('周老师');
      await page.getByLabel('直播流地址').fill('https://cdn.example.com/e2e/live.m3u8');
      await page.getByTestId('session-submit').click();
      await expectText(page.getByTestId('manage-session'), '第一课：出海合规');
      await noHorizontalScroll(page);
      // edit it: the edit form takes the new-session form's place, prefilled
      await page.getByTestId('session-edit').click();
      await page.getByTestId('session-edit-form').waitFor();
      await page.getByLabel('课程标题').fill('第一课：出海合规与风控');
      await page.getByTestId('session-submit').click();
      await page.getByTestId('session-form').waitFor();
      await expectText(page.getByTestId('manage-session'), '第一课：出海合规与风控');

      await page.goto('/training');
      await page.getByTestId('status-upcoming').click();
      const card = page.getByTestId('series-card').filter({ hasText: title });
      await expectText(card, '1 节课');
      await card.getByRole('link').click();
      await expectText(page.getByTestId('series-session'), '第一课：出海合规与风控');
    });
  }
});
