// The course library 微课 in the demo hall: the demo viewer opens a course, watches a bit of its first lesson, leaves,
// comes back through 我的学习 and the lesson resumes where they stopped. On a phone viewport (the desktop layout is in
// the screenshots of docs), without horizontal scrolling.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { demoPassword, expectText, PHONE, TIMEOUT, useBrowser } from './support';

const browser = useBrowser();
const COURSE = '直播电商运营实战';

async function noHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

const videoTime = (page: Page) =>
  page.getByTestId('lesson-video').evaluate((v: HTMLVideoElement) => v.currentTime);

describe('course library', () => {
  test('a viewer watches a bit of a lesson, leaves, and resumes from 我的学习', async () => {
    const page = await browser.open(PHONE);
    await page.goto(`/login?next=${encodeURIComponent('/courses')}`);
    await page.getByLabel('用户名').fill('viewer');
    await page.getByLabel('密码', { exact: true }).fill(demoPassword('viewer'));
    await page.getByTestId('login-submit').click();
    await page.getByTestId('course-library').waitFor();
    const card = page.getByTestId('course-card').filter({ hasText: COURSE });
    await card.waitFor();
    await noHorizontalScroll(page);
    await card.getByRole('link').click();
    await page.getByTestId('course-page').waitFor();
    await noHorizontalScroll(page);

    // play the lesson the page opened (muted, as a page may without a tap) from its start for a few seconds
    await page.getByTestId('lesson-video').evaluate(async (v: HTMLVideoElement) => {
      v.muted = true;
      if (v.readyState < 1) await new Promise((r) => v.addEventListener('loadedmetadata', r, { once: true }));
      v.currentTime = 0;
      await v.play();
    });
    await page.waitForFunction(() => {
      const v = document.querySelector<HTMLVideoElement>('[data-testid="lesson-video"]');
      return !!v && v.currentTime >= 6;
    }, null, { polling: 200, timeout: TIMEOUT });
    const reported = page.waitForResponse((r) => r.url().includes('/progress') && r.request().method() === 'PUT');
    await page.getByTestId('lesson-video').evaluate((v: HTMLVideoElement) => v.pause());
    const answer = await (await reported).json();
    const stoppedAt = answer.lesson.positionSeconds as number;
    expect(stoppedAt).toBeGreaterThanOrEqual(6);
    expect(answer.lesson.watchedSeconds).toBeGreaterThanOrEqual(5);
    const lessonTitle = await page.getByTestId('current-lesson').textContent();

    // leave, then come back through 我的学习: the course is there, latest first, and continue resumes the lesson
    await page.goto('/');
    await page.goto('/me/learning');
    const item = page.getByTestId('learning-item').first();
    await expectText(item, COURSE);
    await noHorizontalScroll(page);
    await item.getByTestId('continue').click();
    await page.getByTestId('course-page').waitFor();
    await expectText(page.getByTestId('current-lesson'), lessonTitle ?? '');
    await page.waitForFunction((at) => {
      const v = document.querySelector<HTMLVideoElement>('[data-testid="lesson-video"]');
      return !!v && v.readyState >= 1 && Math.abs(v.currentTime - at) <= 2;
    }, stoppedAt, { polling: 200, timeout: TIMEOUT });
    expect(Math.abs((await videoTime(page)) - stoppedAt)).toBeLessThanOrEqual(2);
  });
});
