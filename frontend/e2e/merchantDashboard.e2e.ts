// The dashboard by merchant (issue 15 item 2): the demo merchant (东裕茗茶) opens 商家中心 → 经营数据 on a phone and
// sees its own report and history, and its live figures; the demo organiser picks the same merchant by name with
// 按商家查看 on a desktop and a phone. Screenshots at 390×844, 1366×768 and 1440×900 in target/e2e-screenshots/.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { login, openAs } from './hall';
import { demoPassword, expectText, PHONE, useBrowser } from './support';

const browser = useBrowser();
const SHOTS = resolve(dirname(fileURLToPath(import.meta.url)), '../../target/e2e-screenshots');
const PHONE_390: BrowserContextOptions = { ...PHONE, viewport: { width: 390, height: 844 } };
const LAPTOP: BrowserContextOptions = { viewport: { width: 1366, height: 768 } };
const WIDE: BrowserContextOptions = { viewport: { width: 1440, height: 900 } };


async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** The page is no wider than its viewport (nothing to scroll sideways on a phone). */
async function fitsWidth(page: Page) {
  const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  expect(scroll, 'the page scrolls sideways').toBeLessThanOrEqual(client);
}

describe('dashboard by merchant', () => {
  test('the merchant opens 经营数据 on a phone: its own report, history and live figures', async () => {
    const merchant = await login('merchant', demoPassword('merchant'));
    const page = await openAs(browser, PHONE_390, merchant, '/merchant');
    await page.getByTestId('merchant-dashboard-link').click();
    await page.waitForURL(/\/merchant\/dashboard\/report\?scope=merchant-\d+/);
    await expectText(page.getByRole('heading', { level: 1 }), '数据报表：东裕茗茶');
    await page.getByTestId('report-orders-value').waitFor({ state: 'visible' });
    expect(await page.getByTestId('report-meetings').count()).toBe(0);
    expect(await page.getByTestId('merchant-search-open').count()).toBe(0);
    await fitsWidth(page);
    await shot(page, 'merchant-report-phone');

    await page.getByTestId('link-live').click();
    await page.waitForURL(/\/merchant\/dashboard\?scope=merchant-\d+/);
    await expectText(page.getByRole('heading', { level: 1 }), '实时看板：东裕茗茶');
    await page.locator('[data-testid="dash-connection"][data-status="connected"]').waitFor({ state: 'visible' });
    await expectText(page.getByTestId('link-home'), '商家中心');
    await page.getByTestId('fig-gmvToday').waitFor({ state: 'visible' });
    expect(await page.getByTestId('fig-meetings').count()).toBe(0);
    await fitsWidth(page);
    await shot(page, 'merchant-dashboard-phone');
  }, 90_000);

  test('an organiser picks the merchant by name on a desktop and on a phone', async () => {
    const organiser = await login('organiser', demoPassword('organiser'));
    for (const [options, name] of [[LAPTOP, '1366'], [WIDE, '1440'], [PHONE_390, 'phone']] as const) {
      const page = await openAs(browser, options, organiser, '/organiser/dashboard/report?scope=showcase');
      await page.getByTestId('merchant-search-open').click();
      await page.getByTestId('merchant-search-input').fill('东裕');
      const option = page.locator('[data-testid^="merchant-option-merchant-"]', { hasText: '东裕茗茶' });
      await option.waitFor({ state: 'visible' });
      await fitsWidth(page);
      await shot(page, `merchant-search-${name}`);
      await option.click();
      await page.waitForURL(/scope=merchant-\d+/);
      await expectText(page.getByRole('heading', { level: 1 }), '数据报表：东裕茗茶');
      await page.getByTestId('report-gmv-value').waitFor({ state: 'visible' });
      await fitsWidth(page);
      await shot(page, `merchant-report-${name}`);
    }
  }, 90_000);
});
