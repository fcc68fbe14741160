// Being told and sharing (issue 12, viewer items 3 and 4), on a phone and a desktop: a viewer taps 提醒我 inside a
// scheduled room, then browses the catalogue; when the merchant goes live (through the API, the real path of a
// reminder: LiveReminders claims it in the go-live transaction) the bell's count rises and a toast shows on the
// catalogue page, the room left open turns live by itself, and the list's link opens the room. There the share
// sheet copies the link and makes a poster whose QR code (decoded here with jsqr) is the room's link.
import jsQR from 'jsqr';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { allowDemoMerchantLive, baseUrl, demoPassword, DESKTOP, expectExactText, expectText, PHONE, useBrowser } from './support';

const browser = useBrowser();
const PASSWORD = 'Passw0rd-e2e';
const SESSION_KEY = 'livehall.session'; // src/auth/session.ts

interface Session {
  token: string;
  expiresAt: string;
  user: { id: number; displayName: string };
}

const stamp = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;

async function call(method: string, path: string, body?: unknown, token?: string): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  return fetch(`${baseUrl()}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

async function login(username: string, password: string): Promise<Session> {
  const res = await call('POST', '/api/auth/login', { username, password });
  expect(res.status, await res.clone().text()).toBe(200);
  const r = (await res.json()) as { accessToken: string; expiresAt: string; user: Session['user'] };
  return { token: r.accessToken, expiresAt: r.expiresAt, user: r.user };
}

async function newViewer(): Promise<Session> {
  const username = `e2e_ns_${stamp()}`.slice(0, 32);
  const reg = await call('POST', '/api/auth/register', { username, password: PASSWORD, displayName: `提醒${stamp().slice(-4)}` });
  expect(reg.status, await reg.clone().text()).toBe(201);
  return login(username, PASSWORD);
}

/** The demo merchant schedules a session of one of its products, starting in ten minutes. */
async function scheduleSession(merchant: Session, title: string): Promise<number> {
  const list = await call('GET', '/api/merchant/products?limit=100', undefined, merchant.token);
  expect(list.status).toBe(200);
  const products = ((await list.json()) as { items: Array<{ id: number; status: string }> }).items.filter((p) => p.status === 'ON_SALE');
  expect(products.length).toBeGreaterThan(0);
  const res = await call(
    'POST',
    '/api/merchant/live-sessions',
    {
      title,
      startsAt: new Date(Date.now() + 10 * 60_000).toISOString(),
      streamUrl: `${baseUrl()}/demo/stream/live.m3u8`,
      productIds: [products[0].id],
    },
    merchant.token,
  );
  expect(res.status, await res.clone().text()).toBe(201);
  const created = (await res.json()) as { id: number; merchant: { id: number } };
  // the demo hall's own session stays live: one live session at a time unless the organiser allows more
  await allowDemoMerchantLive(created.merchant.id);
  return created.id;
}

async function signedIn(options: BrowserContextOptions, session: Session) {
  const { context, page } = await browser.openContext(options);
  await context.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [SESSION_KEY, JSON.stringify(session)] as const);
  return { context, page };
}

/** The bell's subscription is live (the connection badge stays hidden on pages without live data of their own). */
async function expectConnected(page: Page) {
  await page.locator('[data-testid="notification-bell"][data-status="connected"]').waitFor({ state: 'attached' });
}

async function expectNoSidewaysScroll(page: Page) {
  const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  expect(scroll).toBeLessThanOrEqual(client);
}

/** The poster's pixels, read back in the page from its PNG, decoded in Node. */
async function decodePoster(page: Page): Promise<string | null> {
  const img = page.getByTestId('share-poster');
  await img.waitFor({ state: 'visible' });
  const { width, height, data } = await img.evaluate(async (el: HTMLImageElement) => {
    await el.decode();
    const canvas = document.createElement('canvas');
    canvas.width = el.naturalWidth;
    canvas.height = el.naturalHeight;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(el, 0, 0);
    const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height);
    return { width: pixels.width, height: pixels.height, data: Array.from(pixels.data) };
  });
  return jsQR(Uint8ClampedArray.from(data), width, height)?.data ?? null;
}

describe.each([
  ['phone', PHONE],
  ['desktop', DESKTOP],
] as const)('notifications and sharing (%s)', (device, options) => {
  test('a reminder arrives as a notification on the catalogue, the room turns live, and its poster QR is the link', async () => {
    const merchant = await login('merchant', demoPassword('merchant'));
    const title = `提醒测试 ${device} ${stamp().slice(-6)}`;
    const id = await scheduleSession(merchant, title);
    try {
      const viewer = await newViewer();
      const { context, page: room } = await signedIn(options, viewer);
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl() });

      // 提醒我 inside the scheduled room
      await room.goto(`/live/${id}`);
      await room.locator('[data-testid="live-room"][data-status="SCHEDULED"]').waitFor({ state: 'visible' });
      await room.getByTestId('room-remind').click();
      await expectExactText(room.getByTestId('room-remind'), '已预约 · 取消');
      expect(await room.getByTestId('live-video').count()).toBe(0);

      // the viewer browses the catalogue in another tab; the bell there has nothing yet
      const catalogue = await context.newPage();
      await catalogue.goto('/products');
      await catalogue.getByTestId('notification-bell').waitFor({ state: 'visible' });
      await expectConnected(catalogue);
      expect(await catalogue.getByTestId('notification-count').count()).toBe(0);
      expect(await catalogue.getByTestId('connection-status').count()).toBe(0); // the page itself has no live data

      // the merchant goes live: the reminder becomes a notification
      const start = await call('POST', `/api/merchant/live-sessions/${id}/start`, undefined, merchant.token);
      expect(start.status, await start.clone().text()).toBe(200);

      await expectExactText(catalogue.getByTestId('notification-count'), '1', 15_000);
      await expectText(catalogue.getByTestId('notification-toast'), `「${title}」开播了`);
      expect(catalogue.url()).toBe(`${baseUrl()}/products`);
      await expectNoSidewaysScroll(catalogue);

      // the room left open turns live by itself: the player starts without a reload
      await room.locator('[data-testid="live-room"][data-status="LIVE"]').waitFor({ state: 'visible' });
      await room.getByTestId('live-video').waitFor({ state: 'visible' });
      expect(await room.getByTestId('room-remind').count()).toBe(0);

      // the list links to the room and marks it read
      await catalogue.getByTestId('notification-bell').click();
      const item = catalogue.getByTestId('notification-item').filter({ hasText: title });
      expect(await item.getAttribute('data-link')).toBe(`/live/${id}`);
      await expectNoSidewaysScroll(catalogue);
      await item.click();
      await catalogue.waitForURL(`${baseUrl()}/live/${id}`);
      await catalogue.locator('[data-testid="live-room"][data-status="LIVE"]').waitFor({ state: 'visible' });
      expect(await catalogue.getByTestId('notification-count').count()).toBe(0);
      const unread = await call('GET', '/api/notifications/unread-count', undefined, viewer.token);
      expect(await unread.json()).toEqual({ unread: 0 });

      // share: copy the link, then the poster, whose QR code is the room's link
      await room.getByTestId('room-share').click();
      await room.getByTestId('share-sheet').waitFor({ state: 'visible' });
      expect(await room.getByTestId('share-link').inputValue()).toBe(`${baseUrl()}/live/${id}`);
      await room.getByTestId('share-copy').click();
      await expectText(room.getByTestId('share-status'), '链接已复制');
      expect(await room.evaluate(() => navigator.clipboard.readText())).toBe(`${baseUrl()}/live/${id}`);
      await room.getByTestId('share-make-poster').click();
      expect(await decodePoster(room)).toBe(`${baseUrl()}/live/${id}`);
      expect(await room.getByTestId('share-download').getAttribute('href')).toMatch(/^data:image\/png;base64,/);
      expect(await room.getByTestId('share-download').getAttribute('download')).toBe(`${title.replace(/\s+/g, '-')}-海报.png`);
      await expectNoSidewaysScroll(room);
    } finally {
      await call('POST', `/api/merchant/live-sessions/${id}/end`, undefined, merchant.token);
      await call('POST', `/api/merchant/live-sessions/${id}/cancel`, undefined, merchant.token);
    }
  }, 180_000); // two tabs, a go-live and a poster: well over a minute on a loaded 2-core machine

  test('a product page shares a poster whose QR code opens the product', async () => {
    const page = await browser.open(options);
    const list = await call('GET', '/api/products?limit=1');
    const product = ((await list.json()) as { items: Array<{ id: number; name: string }> }).items[0];
    await page.goto(`/products/${product.id}`);
    await page.getByTestId('product-share').click();
    await page.getByTestId('share-make-poster').click();
    expect(await decodePoster(page)).toBe(`${baseUrl()}/products/${product.id}`);
    await expectNoSidewaysScroll(page);
  }, 120_000);
});
