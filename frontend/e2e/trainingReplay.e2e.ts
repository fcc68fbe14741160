// Training replays in the demo hall: a visitor opens the replay of 趋势篇 (ended a week ago), jumps to a chapter, the
// recording plays from there with that chapter highlighted, and after 15 s of playing the replay's heartbeat is
// counted: 回看 N 人次 rises. The organiser finds the replay form and its figures from the series they manage.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { demoPassword, DESKTOP, expectText, PHONE, useBrowser } from './support';

const browser = useBrowser();
const NINGXIA = '宁夏中小企业高质量发展系列培训';

async function noHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** From /training to the page of 趋势篇, the demo session with a replay. */
async function openTrendReplay(page: Page) {
  await page.goto('/training');
  await page.getByTestId('series-card').filter({ hasText: NINGXIA }).getByRole('link').first().click();
  const trend = page.getByTestId('series-session').filter({ hasText: '趋势篇' });
  await expectText(trend, '可回看');
  await trend.getByRole('link').click();
  await page.locator('[data-testid="training-session"][data-status="REPLAY_AVAILABLE"]').waitFor();
  await page.getByTestId('replay-player').waitFor();
}

const views = async (page: Page) => Number(await page.getByTestId('replay-views').textContent());

describe('training replay', () => {
  test('a visitor jumps to a chapter of the demo replay and the replay count rises after a heartbeat', async () => {
    const page = await browser.open(DESKTOP);
    await openTrendReplay(page);
    const chapters = page.getByTestId('replay-chapter');
    await expect(chapters.count()).resolves.toBe(5);
    const before = await views(page);

    await chapters.nth(2).click(); // 2:30 中小企业的转型路径
    await page.waitForFunction(() => {
      const v = document.querySelector<HTMLVideoElement>('[data-testid="replay-video"]');
      return !!v && !v.paused && v.currentTime >= 150 && v.readyState >= 3;
    }, null, { polling: 200 });
    await expect(chapters.nth(2).getAttribute('aria-current')).resolves.toBe('true');
    await page.getByTestId('replay-speed').filter({ hasText: '1.5×' }).click();
    await expect(page.evaluate(() => document.querySelector<HTMLVideoElement>('[data-testid="replay-video"]')!.playbackRate))
      .resolves.toBe(1.5);

    // 15 s of playing: one heartbeat, counted as a replay view (the page shows the server's figure)
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="replay-views"]')?.textContent) > n,
      before, { polling: 500, timeout: 40_000 });

    // the position is kept: a reload resumes there
    await page.reload();
    await page.getByTestId('replay-video').waitFor();
    await page.evaluate(() => void document.querySelector<HTMLVideoElement>('[data-testid="replay-video"]')!.play());
    await expectText(page.getByTestId('replay-resumed'), '继续播放');
  }, 90_000);

  test('the replay fits a phone and the organiser reaches its form and figures', async () => {
    const page = await browser.open(PHONE);
    await openTrendReplay(page);
    await noHorizontalScroll(page);

    await page.goto(`/login?next=${encodeURIComponent('/organiser/training')}`);
    await page.getByLabel('用户名').fill('organiser');
    await page.getByLabel('密码', { exact: true }).fill(demoPassword('organiser'));
    await page.getByTestId('login-submit').click();
    await page.getByRole('link', { name: NINGXIA }).first().click();
    await page.getByTestId('manage-session').filter({ hasText: '趋势篇' }).getByTestId('session-replay').click();
    await page.getByTestId('replay-manage-page').waitFor();
    await expectText(page.getByTestId('replay-session-status'), '可回看');
    await expect(page.getByTestId('chapter-row').count()).resolves.toBe(5);
    await page.getByTestId('stat-views').waitFor();
    await noHorizontalScroll(page);
  }, 90_000);
});
