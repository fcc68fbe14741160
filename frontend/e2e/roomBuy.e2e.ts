// Buying without leaving the live room (小黄车): in the demo hall's live session (东裕茗茶) the merchant pins a product
// through the API; a viewer on a phone and one on a desktop buy it from the buy sheet, see the confirmation with the
// payment instructions, and are still on /live/{id} with the <video> playing. Then the merchant opens a flash deal
// with a limit of one per buyer: the buyer takes one and the card says 已达限购 (another buyer still sees 立即抢购),
// and once the deal is over the card reads 已结束 · 已售 1 件.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { api, demoLiveSession, login, newViewer, type Session, SESSION_KEY } from './hall';
import { demoPassword, DESKTOP, expectExactText, expectText, PHONE, useBrowser } from './support';

const browser = useBrowser();
const SHOTS = resolve(dirname(fileURLToPath(import.meta.url)), '../../target/e2e-screenshots');

async function openAs(options: BrowserContextOptions, session: Session, path: string): Promise<Page> {
  const { context, page } = await browser.openContext(options);
  await context.addInitScript(
    ([key, value]) => window.localStorage.setItem(key, value),
    [SESSION_KEY, JSON.stringify(session)] as const,
  );
  const response = await page.goto(path);
  expect(response?.status()).toBe(200);
  await page.locator('[data-testid="live-room"][data-status="LIVE"]').waitFor({ state: 'visible' });
  return page;
}

/** Waits (polling, no sleeps) until the room's <video> plays, and answers its current time. */
async function playing(page: Page): Promise<number> {
  await page.waitForFunction(() => {
    const v = document.querySelector<HTMLVideoElement>('[data-testid="live-video"]');
    return !!v && v.readyState >= 2 && !v.paused && v.currentTime > 0;
  }, null, { polling: 200 });
  return page.getByTestId('live-video').evaluate((v: HTMLVideoElement) => v.currentTime);
}

/** Marks the room's <video> element, so a later check can tell it is the same one (never unmounted). */
async function markVideo(page: Page): Promise<void> {
  await page.getByTestId('live-video').evaluate((v: HTMLVideoElement) => v.setAttribute('data-e2e-mark', 'before-buy'));
}

/** The marked <video> is still there, not paused, and its time moves on past `from`. */
async function stillPlaying(page: Page, from: number): Promise<void> {
  await page.waitForFunction((t) => {
    const v = document.querySelector<HTMLVideoElement>('[data-testid="live-video"]');
    return !!v && v.getAttribute('data-e2e-mark') === 'before-buy' && !v.paused && v.currentTime > t + 1;
  }, from, { polling: 200, timeout: 20_000 });
}

async function fillRecipient(page: Page) {
  const form = page.getByTestId('buy-sheet').getByTestId('buy-form');
  await form.locator('#recipient-name').fill('李小龙');
  await form.locator('#recipient-phone').fill('13800138000');
  await form.locator('#recipient-address').fill('陕西省西安市雁塔区科技路 1 号');
}

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** Opens a flash deal; while another deal of the session runs (another test's), waits for it to end first. */
async function openDeal(token: string, body: Record<string, unknown>): Promise<{ id: number; endsAt: string }> {
  const deadline = Date.now() + 200_000;
  for (;;) {
    const res = await api('/api/merchant/flash-deals', { method: 'POST', token, body });
    if (res.status === 201) return (await res.json()) as { id: number; endsAt: string };
    const text = await res.text();
    if (res.status !== 409 || !text.includes('deal-active') || Date.now() > deadline) {
      throw new Error(`opening the deal answered ${res.status}: ${text}`);
    }
    await new Promise((r) => setTimeout(r, 2_000)); // polling the server for the other deal's end
  }
}

describe('buying in the live room', () => {
  for (const [device, options] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
    test(`on a ${device}: buy the pinned product in the sheet, stay on /live/{id} with the video playing`, async () => {
      const room = await demoLiveSession();
      const merchant = await login('merchant', demoPassword('merchant'));
      const product = room.lineup[device === 'phone' ? 0 : room.lineup.length - 1];
      const pin = await api(`/api/merchant/live-sessions/${room.id}/pinned`, {
        method: 'PUT', token: merchant.token, body: { productId: product.productId },
      });
      expect(pin.status, await pin.clone().text()).toBe(200);

      const viewer = await openAs(options, await newViewer(), `/live/${room.id}`);
      await expectText(viewer.getByTestId('pinned-name'), product.name);
      await playing(viewer);
      await markVideo(viewer);

      await viewer.getByTestId('pinned-buy').click();
      const sheet = viewer.getByTestId('buy-sheet');
      await expectExactText(sheet.getByTestId('buy-sheet-name'), product.name);
      await expectText(sheet.getByTestId('buy-sheet-stock'), /库存 \d+ 件/);
      await fillRecipient(viewer);
      await shot(viewer, `room-buy-${device}-sheet`);
      await sheet.getByTestId('buy-submit').click();

      const done = sheet.getByTestId('buy-sheet-done');
      await expectText(done, '下单成功，待付款');
      await expectText(sheet.getByTestId('buy-sheet-payment'), /付款/);
      await viewer.locator('[data-testid="buy-sheet-payment"] h3').waitFor({ state: 'visible' });
      const orderLink = sheet.getByTestId('buy-sheet-order-link');
      expect(await orderLink.getAttribute('href')).toMatch(/^\/orders\/\d+$/);
      await shot(viewer, `room-buy-${device}-done`);

      // still in the room, and the stream never stopped
      expect(new URL(viewer.url()).pathname).toBe(`/live/${room.id}`);
      const t = await viewer.getByTestId('live-video').evaluate((v: HTMLVideoElement) => v.currentTime);
      await stillPlaying(viewer, t);

      // no sideways scroll with the sheet open
      const overflow = await viewer.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);

      await sheet.getByTestId('buy-sheet-back').click();
      await sheet.waitFor({ state: 'detached' });
      expect(new URL(viewer.url()).pathname).toBe(`/live/${room.id}`);
    }, 120_000);
  }

  test('a buyer at the per-person limit sees 已达限购; another buyer does not; the ended deal says how many sold', async () => {
    const room = await demoLiveSession();
    const merchant = await login('merchant', demoPassword('merchant'));
    const product = room.lineup[0];
    const deal = await openDeal(merchant.token, {
      sessionId: room.id, productId: product.productId, priceFen: Math.max(1, product.priceFen - 100), quantity: 5,
      perBuyerLimit: 1, durationSeconds: 40,
    });

    const [buyer, other] = await Promise.all([newViewer(), newViewer()]);
    const phone = await openAs(PHONE, buyer, `/live/${room.id}`);
    const desktop = await openAs(DESKTOP, other, `/live/${room.id}`);
    const card = phone.getByTestId('deal-card');
    await expectText(card.getByTestId('deal-stock'), '剩余 5 / 5 件');
    await card.getByTestId('deal-buy').click();
    await fillRecipient(phone);
    await phone.getByTestId('buy-sheet').getByTestId('buy-submit').click();
    await expectText(phone.getByTestId('buy-sheet-done'), '下单成功');
    await phone.getByTestId('buy-sheet-back').click();

    await expectExactText(card.getByTestId('deal-limit'), '已达限购');
    expect(await card.getByTestId('deal-buy').count()).toBe(0);
    await shot(phone, 'room-buy-phone-limit');
    // the other buyer's card is theirs: still 立即抢购, with the stock the first one took
    await expectText(desktop.getByTestId('deal-card').getByTestId('deal-stock'), '剩余 4 / 5 件');
    await desktop.getByTestId('deal-buy').waitFor({ state: 'visible' });
    // a reload asks the server again: still at the limit
    await phone.reload();
    await expectExactText(phone.getByTestId('deal-card').getByTestId('deal-limit'), '已达限购');

    // when the deal is over the card reads 已结束 · 已售 1 件 (not 剩余 4 / 5)
    const endsIn = Date.parse(deal.endsAt) - Date.now();
    await expectExactText(phone.getByTestId('deal-card').getByTestId('deal-stock'), '已结束 · 已售 1 件', endsIn + 20_000);
    await shot(phone, 'room-buy-phone-ended');
  }, 300_000);
});
