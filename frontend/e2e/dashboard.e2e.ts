// The organisers' live dashboard (issue 15): the demo organiser opens 实时看板 for the showcase on a desktop while a
// scripted viewer on a phone joins the demo live room and buys the pinned product in the buy sheet. The dashboard's
// viewers-now figure, today's orders and GMV and the last minute of the live series change within 2 s of each, with
// no reload; then 大屏 mode shows the same figures full screen. The 大屏 fits a wall at 1366×768, 1440×900 and
// 1920×1080 without a page scroll (the charts follow the panels' size), and the normal mode fits a 390×844 phone's width.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { api, demoLiveSession, login, newViewer, openAs } from './hall';
import { demoPassword, DESKTOP, expectText, PHONE, TIMEOUT, useBrowser } from './support';

const browser = useBrowser();
const SHOTS = resolve(dirname(fileURLToPath(import.meta.url)), '../../target/e2e-screenshots');
/** the bound: a change shows on the organiser's screen within 2 s */
const WITHIN_MS = 2_000;


/** A figure's number ("1,234" → 1234). */
async function numberIn(locator: Locator): Promise<number> {
  return Number((await locator.innerText()).replace(/[^\d.-]/g, ''));
}

/**
 * Waits (polling the page every 50 ms) until the element's text — or its attribute `attr` — differs from `before`;
 * answers how long that took after `since` (ms).
 */
async function changeWithin(page: Page, testId: string, attr: string | null, before: string, since: number): Promise<number> {
  await page.waitForFunction(([id, name, old]) => {
    const el = document.querySelector(`[data-testid="${id}"]`);
    const now = el ? (name ? el.getAttribute(name) : el.textContent) : null;
    return now !== null && now !== old;
  }, [testId, attr, before] as const, { polling: 50, timeout: TIMEOUT });
  return Date.now() - since;
}

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

describe('organisers\' live dashboard', () => {
  test('a viewer joining and buying in a live room shows on the organiser\'s dashboard within 2 s', async () => {
    const room = await demoLiveSession();
    const merchant = await login('merchant', demoPassword('merchant'));
    const product = room.lineup[0];
    const pin = await api(`/api/merchant/live-sessions/${room.id}/pinned`, {
      method: 'PUT', token: merchant.token, body: { productId: product.productId },
    });
    expect(pin.status, await pin.clone().text()).toBe(200);

    const organiser = await openAs(browser, DESKTOP, await login('organiser', demoPassword('organiser')), '/organiser/dashboard?scope=showcase');
    await organiser.locator('[data-testid="dash-connection"][data-status="connected"]').waitFor({ state: 'visible' });
    await expectText(organiser.getByRole('heading', { level: 1 }), '实时看板');
    const viewersNow = organiser.getByTestId('fig-viewersNow-value');
    const gmv = organiser.getByTestId('fig-gmvToday');
    const orders = organiser.getByTestId('fig-ordersPerMinute');
    const viewersBefore = await numberIn(viewersNow);
    const viewersText = await viewersNow.textContent() ?? '';
    await shot(organiser, 'dashboard-desktop-before');

    // a viewer on a phone joins the room: counted by presence, the organiser's figure moves
    const viewer = await openAs(browser, PHONE, await newViewer('e2e_dash'), `/live/${room.id}`);
    await viewer.locator('[data-testid="live-room"][data-status="LIVE"]').waitFor({ state: 'visible' });
    const joined = Date.now();
    const viewerShown = await changeWithin(organiser, 'fig-viewersNow-value', null, viewersText, joined);
    expect(await numberIn(viewersNow)).toBeGreaterThan(viewersBefore);
    expect(viewerShown, `the viewer showed after ${viewerShown} ms`).toBeLessThanOrEqual(WITHIN_MS);

    // the viewer buys the pinned product in the buy sheet: orders, GMV and the series' last minute move
    const gmvBefore = (await gmv.getAttribute('title')) ?? '';
    const ordersBefore = await orders.innerText();
    const seriesBefore = await organiser.getByTestId('series-caption').textContent() ?? '';
    await viewer.getByTestId('pinned-buy').click();
    const form = viewer.getByTestId('buy-sheet').getByTestId('buy-form');
    await form.locator('#recipient-name').fill('李小龙');
    await form.locator('#recipient-phone').fill('13800138000');
    await form.locator('#recipient-address').fill('陕西省西安市雁塔区科技路 1 号');
    await viewer.getByTestId('buy-sheet').getByTestId('buy-submit').click();
    await expectText(viewer.getByTestId('buy-sheet-done'), '下单成功');
    const bought = Date.now();
    const gmvShown = await changeWithin(organiser, 'fig-gmvToday', 'title', gmvBefore, bought);
    expect(gmvShown, `the order's GMV showed after ${gmvShown} ms`).toBeLessThanOrEqual(WITHIN_MS);
    expect(await orders.innerText()).not.toBe(ordersBefore);
    const seriesShown = await changeWithin(organiser, 'series-caption', null, seriesBefore, bought);
    expect(seriesShown, `the series moved after ${seriesShown} ms`).toBeLessThanOrEqual(WITHIN_MS);
    await organiser.getByTestId('series-chart').locator('canvas').first().waitFor({ state: 'visible' });
    await shot(organiser, 'dashboard-desktop-after');

    // 大屏: the same figures full screen, without the site's header
    await organiser.getByTestId('screen-toggle').click();
    await organiser.locator('[data-testid="dashboard-page"][data-screen="1"]').waitFor({ state: 'visible' });
    expect(await numberIn(organiser.getByTestId('fig-viewersNow-value'))).toBeGreaterThan(viewersBefore);
    await shot(organiser, 'dashboard-big-screen');
  }, 120_000);

  test('大屏 fits 1366×768, 1440×900 and 1920×1080 without a scroll, the charts sized to their panels', async () => {
    const session = await login('organiser', demoPassword('organiser'));
    const chartHeights: number[] = [];
    for (const [width, height] of [[1366, 768], [1440, 900], [1920, 1080]] as const) {
      const page = await openAs(browser, { viewport: { width, height } }, session, '/organiser/dashboard?scope=showcase&screen=1');
      await page.locator('[data-testid="dashboard-page"][data-screen="1"]').waitFor({ state: 'visible' });
      await page.getByTestId('dash-figures').waitFor({ state: 'visible' });
      await page.getByTestId('series-chart').locator('canvas').first().waitFor({ state: 'visible' });
      // ECharts redraws on its box's resize (a ResizeObserver): wait for the canvas to take the box's height
      await page.waitForFunction(() => {
        const box = document.querySelector('[data-testid="series-chart"]');
        const canvas = box?.querySelector('canvas');
        return !!box && !!canvas && Math.abs(canvas.getBoundingClientRect().height - box.getBoundingClientRect().height) < 2;
      }, undefined, { timeout: TIMEOUT });
      const fit = await page.evaluate(() => {
        const screen = document.querySelector('[data-testid="dashboard-page"]') as HTMLElement;
        const panels = [...document.querySelectorAll('.dash-panel')].map((p) => p.getBoundingClientRect());
        const chart = document.querySelector('[data-testid="series-chart"]')!.getBoundingClientRect();
        return {
          scroll: screen.scrollHeight - screen.clientHeight,
          sideways: screen.scrollWidth - screen.clientWidth,
          page: document.documentElement.scrollHeight - window.innerHeight,
          lowest: Math.max(...panels.map((p) => p.bottom)),
          rightmost: Math.max(...panels.map((p) => p.right)),
          panels: panels.length,
          chart: chart.height,
        };
      });
      const where = `${width}×${height}: ${JSON.stringify(fit)}`;
      expect(fit.panels, where).toBe(5);
      expect(fit.scroll, where).toBeLessThanOrEqual(0);
      expect(fit.sideways, where).toBeLessThanOrEqual(0);
      expect(fit.page, where).toBeLessThanOrEqual(0);
      expect(fit.lowest, where).toBeLessThanOrEqual(height);
      expect(fit.rightmost, where).toBeLessThanOrEqual(width);
      expect(fit.chart, where).toBeGreaterThanOrEqual(150);
      chartHeights.push(fit.chart);
      await shot(page, `dashboard-big-screen-${width}x${height}`);
    }
    // the charts grow with the screen
    expect(chartHeights[2]).toBeGreaterThan(chartHeights[0]);

    // the normal mode on a phone: nothing leaves the width, the figures two a row
    const phone = await openAs(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }, session, '/organiser/dashboard?scope=showcase');
    await phone.getByTestId('dash-figures').waitFor({ state: 'visible' });
    const narrow = await phone.evaluate(() => ({
      sideways: document.documentElement.scrollWidth - window.innerWidth,
      columns: getComputedStyle(document.querySelector('[data-testid="dash-figures"]')!).gridTemplateColumns.split(' ').length,
    }));
    expect(narrow.sideways, JSON.stringify(narrow)).toBeLessThanOrEqual(0);
    expect(narrow.columns).toBe(2);
    await shot(phone, 'dashboard-phone-390x844');
  }, 120_000);
});
