// The showcase end to end: in the demo hall's live session the merchant pins a product and opens a flash deal;
// a viewer on a phone sees both arrive live, buys, and the merchant's console shows the order and the GMV.
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { baseUrl, demoPassword, DESKTOP, expectExactText, expectText, PHONE, useBrowser } from './support';

const browser = useBrowser();
const SESSION_KEY = 'livehall.session'; // src/auth/session.ts

interface Session {
  token: string;
  expiresAt: string;
  user: { id: number; displayName: string };
}

async function post(path: string, body: unknown): Promise<Response> {
  return fetch(`${baseUrl()}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
}

async function login(username: string, password: string): Promise<Session> {
  const res = await post('/api/auth/login', { username, password });
  expect(res.status, await res.clone().text()).toBe(200);
  const r = (await res.json()) as { accessToken: string; expiresAt: string; user: Session['user'] };
  return { token: r.accessToken, expiresAt: r.expiresAt, user: r.user };
}

async function newViewer(): Promise<Session> {
  const username = `e2e_buyer_${Date.now()}${Math.floor(Math.random() * 1000)}`.slice(0, 32);
  const reg = await post('/api/auth/register', { username, password: 'Passw0rd-e2e', displayName: '张三丰' });
  expect(reg.status, await reg.clone().text()).toBe(201);
  return login(username, 'Passw0rd-e2e');
}

/** The demo merchant's (东裕茗茶) live session, from the public schedule. */
async function demoLiveSession(): Promise<number> {
  const res = await fetch(`${baseUrl()}/api/live-sessions?limit=100`, { headers: { Accept: 'application/json' } });
  const page = (await res.json()) as { items: Array<{ id: number; status: string; merchant: { name: string } }> };
  const live = page.items.find((s) => s.status === 'LIVE' && s.merchant.name === '东裕茗茶');
  if (!live) throw new Error('The demo hall has no live session of 东裕茗茶 (local profile demo data)');
  return live.id;
}

/** The session's order count and GMV as the merchant's console shows them. */
async function salesFigures(token: string, sessionId: number): Promise<{ orders: number; gmvFen: number }> {
  const res = await fetch(`${baseUrl()}/api/merchant/orders/figures?sessionId=${sessionId}`, {
    headers: { Accept: 'application/json', Authorization: `Bearer ${token}` },
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as { orders: number; gmvFen: number };
}

async function openAs(options: BrowserContextOptions, session: Session, path: string): Promise<Page> {
  const { context, page } = await browser.openContext(options);
  await context.addInitScript(
    ([key, value]) => window.localStorage.setItem(key, value),
    [SESSION_KEY, JSON.stringify(session)] as const,
  );
  const response = await page.goto(path);
  expect(response?.status()).toBe(200);
  return page;
}

describe('showcase', () => {
  test('merchant pins and opens a flash deal, a viewer buys it, the console shows the order and GMV', async () => {
    const sessionId = await demoLiveSession();
    const merchantSession = await login('merchant', demoPassword('merchant'));
    // other browser tests may have bought in the demo session before: the figures must grow by this order
    const before = await salesFigures(merchantSession.token, sessionId);
    const merchant = await openAs(DESKTOP, merchantSession, `/merchant/live/${sessionId}`);
    await merchant.locator('[data-testid="live-console"][data-status="LIVE"]').waitFor({ state: 'visible' });
    await expectExactText(merchant.getByTestId('sales-orders'), String(before.orders));

    const viewer = await openAs(PHONE, await newViewer(), `/live/${sessionId}`);
    await viewer.locator('[data-testid="live-room"][data-status="LIVE"]').waitFor({ state: 'visible' });

    // pin a product that is not pinned yet: the viewer's card follows
    const toPin = merchant.getByTestId('console-product').filter({ has: merchant.getByTestId('pin') }).first();
    const name = ((await toPin.locator('.console-product-name').textContent()) ?? '').replace(/¥[\d.]+/, '').trim();
    await toPin.getByTestId('pin').click();
    await expectText(viewer.getByTestId('pinned-name'), name);

    // a flash deal: ¥99.00, 5 pieces, 1 per buyer, for 2 minutes
    const form = merchant.getByTestId('open-deal-form');
    await form.locator('#deal-priceFen').fill('99');
    await form.locator('#deal-quantity').fill('5');
    await form.locator('#deal-perBuyerLimit').fill('1');
    await form.locator('#deal-startsIn').fill('0');
    await form.locator('#deal-durationSeconds').fill('120');
    await merchant.getByTestId('open-deal-submit').click();

    const card = viewer.getByTestId('deal-card');
    await expectExactText(card.getByTestId('deal-price'), '¥99.00');
    await expectText(card.getByTestId('deal-stock'), '5');
    await expectText(card.getByTestId('deal-countdown'), /\d/);

    await card.getByTestId('deal-buy').click();
    const buy = viewer.getByTestId('buy-form');
    await buy.locator('#recipient-name').fill('张三丰');
    await buy.locator('#recipient-phone').fill('13800138000');
    await buy.locator('#recipient-address').fill('陕西省西安市雁塔区科技路 1 号');
    await viewer.getByTestId('buy-submit').click();
    // the order is confirmed in the room's buy sheet; its page is one tap away
    await expectText(viewer.getByTestId('buy-sheet-done'), '下单成功');
    await viewer.getByTestId('buy-sheet-order-link').click();

    await expectExactText(viewer.getByTestId('order-status'), '待付款');
    await expectText(viewer.getByTestId('order-detail'), '¥99.00');

    await expectExactText(merchant.getByTestId('sales-orders'), String(before.orders + 1), 10_000);
    await expectExactText(merchant.getByTestId('sales-gmv'), `¥${((before.gmvFen + 9900) / 100).toFixed(2)}`, 10_000);
    // the console shows the running deal as viewers see it, and no second deal can be opened meanwhile
    await expectExactText(merchant.getByTestId('deal-card').getByTestId('deal-stock'), '剩余 4 / 5 件', 10_000);
    await expectExactText(merchant.getByTestId('deal-note'), '秒杀进行中，已售 1 件');
    expect(await merchant.getByTestId('open-deal-form').count()).toBe(0);
  });
});
