// After the live and the home page (issue 12, Viewer 5 and 6, Everyone 4): the demo merchant ends a session and
// publishes its replay from the console; a viewer finds it under 往期直播 with its figures, and its ended room offers
// the merchant's next session and products; the home page shows what is live, what is coming (with a ticking
// countdown) and products with their real pictures, on a phone and on a desktop, without sideways scrolling.
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { allowDemoMerchantLive, baseUrl, demoPassword, DESKTOP, expectExactText, PHONE, useBrowser } from './support';

const browser = useBrowser();
const SESSION_KEY = 'livehall.session'; // src/auth/session.ts

interface Session {
  token: string;
  expiresAt: string;
  user: { id: number; displayName: string };
}

async function api(path: string, token: string | null, method = 'GET', body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return fetch(`${baseUrl()}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

async function login(username: string, password: string): Promise<Session> {
  const res = await api('/api/auth/login', null, 'POST', { username, password });
  expect(res.status, await res.clone().text()).toBe(200);
  const r = (await res.json()) as { accessToken: string; expiresAt: string; user: Session['user'] };
  return { token: r.accessToken, expiresAt: r.expiresAt, user: r.user };
}

/** Schedules a session of the demo merchant (东裕茗茶) with its on-sale products; answers its id. */
async function schedule(token: string, title: string, startsInMinutes: number): Promise<number> {
  const products = (await (await api('/api/merchant/live-sessions/products', token)).json()) as Array<{ id: number }>;
  expect(products.length).toBeGreaterThan(0);
  const res = await api('/api/merchant/live-sessions', token, 'POST', {
    title,
    startsAt: new Date(Date.now() + startsInMinutes * 60_000).toISOString(),
    streamUrl: 'https://cdn.example.com/live/e2e.m3u8',
    productIds: products.slice(0, 2).map((p) => p.id),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

async function openAs(options: BrowserContextOptions, session: Session | null, path: string): Promise<Page> {
  const { context, page } = await browser.openContext(options);
  if (session) {
    await context.addInitScript(
      ([key, value]) => window.localStorage.setItem(key, value),
      [SESSION_KEY, JSON.stringify(session)] as const,
    );
  }
  const response = await page.goto(path);
  expect(response?.status()).toBe(200);
  return page;
}

/** Nothing wider than the viewport: the page does not scroll sideways. */
async function expectNoSidewaysScroll(page: Page) {
  const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scroll, 'page scrolls sideways').toBeLessThanOrEqual(width);
}

/** At least `atLeast` pictures under `selector` have loaded real pixels from the files API. */
async function expectPicturesLoaded(page: Page, selector: string, atLeast: number) {
  await page.waitForFunction(
    ([sel, n]) =>
      Array.from(document.querySelectorAll<HTMLImageElement>(`${sel} img`)).filter(
        (i) => i.complete && i.naturalWidth > 0 && i.src.includes('/api/files/'),
      ).length >= n,
    [selector, atLeast] as const,
  );
}

const stamp = () => `${Date.now()}`.slice(-6);

describe('after the live, and the home page', () => {
  test('an ended session is listed under 往期直播 with its replay; its room offers the next session and products', async () => {
    const merchant = await login('merchant', demoPassword('merchant'));
    const title = `品鉴回顾 ${stamp()}`;
    const ended = await schedule(merchant.token, title, 60);
    const next = await schedule(merchant.token, `下周新茶 ${stamp()}`, 7 * 24 * 60);
    // the demo hall's own session stays live: one live session at a time unless the organiser allows more
    const mine = (await (await api('/api/merchant/live-sessions?limit=1', merchant.token)).json()) as { items: Array<{ merchant: { id: number } }> };
    await allowDemoMerchantLive(mine.items[0].merchant.id);
    const started = await api(`/api/merchant/live-sessions/${ended}/start`, merchant.token, 'POST');
    expect(started.status, await started.clone().text()).toBe(200);
    expect((await api(`/api/merchant/live-sessions/${ended}/end`, merchant.token, 'POST')).status).toBe(200);

    // the merchant publishes the replay from the console's list (desktop)
    const console = await openAs(DESKTOP, merchant, '/merchant/live');
    const row = console.getByTestId('console-session').filter({ hasText: title });
    await row.getByTestId('replay-edit').click();
    await row.getByLabel('回放地址').fill('ftp://replay.example.com/x');
    await row.getByTestId('replay-save').click();
    await expectExactText(row.getByTestId(`error-replay-${ended}`), '回放地址需为 http:// 或 https:// 开头的完整网址');
    const replay = `https://replay.example.com/live/${ended}`;
    await row.getByLabel('回放地址').fill(replay);
    await row.getByTestId('replay-save').click();
    await row.getByTestId('replay-current').waitFor({ state: 'visible' });
    expect(await row.getByTestId('replay-current').getAttribute('href')).toBe(replay);

    // a viewer on a phone finds it under 往期直播, with its figures and the replay link
    const phone = await openAs(PHONE, null, '/live');
    const card = phone.getByTestId('past-card').filter({ hasText: title });
    await card.waitFor({ state: 'visible' });
    await expectExactText(card.getByTestId('past-orders'), '0');
    expect(await card.getByTestId('past-gmv').count()).toBe(0); // turnover is the merchant's, not the public's
    expect(await card.getByTestId('past-replay').getAttribute('href')).toBe(replay);
    await expectNoSidewaysScroll(phone);

    // its room says it has ended and offers what comes next: the demo live session first, and products with pictures
    await card.getByRole('link', { name: title, exact: true }).click();
    await phone.waitForURL(`**/live/${ended}`);
    const after = phone.getByTestId('after-live');
    await after.waitFor({ state: 'visible' });
    expect(await after.getByTestId('after-replay').getAttribute('href')).toBe(replay);
    await expectExactText(after.locator('.after-next-label'), '正在直播');
    await expectPicturesLoaded(phone, '[data-testid="after-products"]', 1);
    await expectNoSidewaysScroll(phone);
    expect(next).toBeGreaterThan(ended);
  });

  for (const [name, device] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    test(`the home page shows what is live, what is coming with a countdown, and products with pictures (${name})`, async () => {
      const merchant = await login('merchant', demoPassword('merchant'));
      await schedule(merchant.token, `即将开播 ${stamp()}`, 90);
      const page = await openAs(device, null, '/');

      const live = page.getByTestId('home-live');
      await live.getByTestId('home-session').first().waitFor({ state: 'visible' });
      const demo = live.getByTestId('home-session').filter({ hasText: '开馆首播' });
      expect(await demo.textContent()).toContain('直播中');
      await expectPicturesLoaded(page, '[data-testid="home-live"]', 1); // the demo session's cover

      const countdown = page.getByTestId('home-upcoming').getByTestId('home-countdown').first();
      await countdown.waitFor({ state: 'visible' });
      const first = await countdown.textContent();
      expect(first).toMatch(/^倒计时 (\d+天 )?\d\d:\d\d:\d\d$/);
      await page.waitForFunction(
        ([sel, before]) => document.querySelector(sel)?.textContent !== before,
        ['[data-testid="home-upcoming"] [data-testid="home-countdown"]', first] as const,
      );

      await page.getByTestId('home-products').locator('.product-card').first().waitFor({ state: 'visible' });
      await expectPicturesLoaded(page, '[data-testid="home-products"]', 4);
      await expectNoSidewaysScroll(page);
    });
  }
});
