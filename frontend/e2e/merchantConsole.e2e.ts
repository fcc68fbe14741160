// Issue 12, merchant console: order actions are real dialogs (a dismissed cancel dialog changes nothing, a
// confirmed one cancels with its reason) and the live console uses a wide screen's columns (phone: one column).
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { api, login, openAs, type Session } from './hall';
import { demoPassword, expectExactText, PHONE, useBrowser } from './support';

const browser = useBrowser();
const WIDE: BrowserContextOptions = { viewport: { width: 1440, height: 900 } };

async function newBuyer(): Promise<Session> {
  const username = `e2e_console_${Date.now()}${Math.floor(Math.random() * 1000)}`.slice(0, 32);
  const reg = await api('/api/auth/register', { method: 'POST', body: { username, password: 'Passw0rd-e2e', displayName: '李四' } });
  expect(reg.status, await reg.clone().text()).toBe(201);
  return login(username, 'Passw0rd-e2e');
}

/** The demo merchant's (东裕茗茶) live session and one of its lineup products. */
async function demoLive(): Promise<{ sessionId: number; productId: number }> {
  const res = await api('/api/live-sessions?limit=100');
  const page = (await res.json()) as { items: Array<{ id: number; status: string; merchant: { name: string } }> };
  const live = page.items.find((s) => s.status === 'LIVE' && s.merchant.name === '东裕茗茶');
  if (!live) throw new Error('The demo hall has no live session of 东裕茗茶 (local profile demo data)');
  const detail = (await (await api(`/api/live-sessions/${live.id}`)).json()) as { lineup: Array<{ productId: number; onSale: boolean }> };
  return { sessionId: live.id, productId: detail.lineup.find((p) => p.onSale)!.productId };
}


async function orderStatus(token: string, id: number): Promise<{ status: string; cancelReason: string | null }> {
  const res = await api(`/api/merchant/orders/${id}`, { token });
  expect(res.status).toBe(200);
  return (await res.json()) as { status: string; cancelReason: string | null };
}

describe('merchant console', () => {
  test('a dismissed cancel dialog leaves the order as it was; a confirmed one cancels it with the reason', async () => {
    const { productId } = await demoLive();
    const buyer = await newBuyer();
    const placed = await api('/api/orders', {
      method: 'POST',
      token: buyer.token,
      headers: { 'Idempotency-Key': crypto.randomUUID() },
      body: { productId, quantity: 1, recipient: { name: '李四', phone: '13800138000', address: '西安市雁塔区科技路 1 号' } },
    });
    expect(placed.status, await placed.clone().text()).toBe(201);
    const orderId = ((await placed.json()) as { id: number }).id;
    const merchant = await login('merchant', demoPassword('merchant'));

    const page = await openAs(browser, WIDE, merchant, '/merchant/orders');
    const row = page.getByTestId('merchant-order-row').filter({ hasText: `#${orderId} ` });
    await row.waitFor({ state: 'visible' });

    // Esc, then the dialog's own "不取消": nothing is sent, the order stays unpaid
    await row.getByTestId('cancel-order').click();
    const dialog = page.getByRole('dialog', { name: '取消订单' });
    await dialog.waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await row.getByTestId('cancel-order').click();
    await dialog.getByTestId('dialog-cancel').click();
    await dialog.waitFor({ state: 'detached' });
    await page.reload();
    await row.waitFor({ state: 'visible' });
    await expectExactText(row.locator('.status'), '待付款');
    expect((await orderStatus(merchant.token, orderId)).status).toBe('CREATED');

    // now with a reason
    await row.getByTestId('cancel-order').click();
    await dialog.getByLabel('取消原因（选填）').fill('买家要求取消');
    await dialog.getByTestId('dialog-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await expectExactText(row.locator('.status'), '已取消');
    expect(await orderStatus(merchant.token, orderId)).toMatchObject({ status: 'CANCELLED', cancelReason: '买家要求取消' });
  });

  test('the console shows stage, lineup and chat side by side at 1440 px and stacked on a phone', async () => {
    const { sessionId } = await demoLive();
    const merchant = await login('merchant', demoPassword('merchant'));
    const wide = await openAs(browser, WIDE, merchant, `/merchant/live/${sessionId}`);
    await wide.locator('[data-testid="live-console"][data-status="LIVE"]').waitFor({ state: 'visible' });
    const box = async (p: Page, id: string) => {
      const b = await p.getByTestId(id).boundingBox();
      if (!b) throw new Error(`${id} has no box`);
      return b;
    };
    const [stage, lineup, chat] = [await box(wide, 'console-stage'), await box(wide, 'console-lineup'), await box(wide, 'console-chat')];
    expect(stage.x + stage.width).toBeLessThanOrEqual(lineup.x);
    expect(lineup.x + lineup.width).toBeLessThanOrEqual(chat.x);
    expect(Math.abs(stage.y - lineup.y)).toBeLessThan(4);
    expect(Math.abs(lineup.y - chat.y)).toBeLessThan(4);
    expect(chat.x + chat.width).toBeLessThanOrEqual(1440);
    // pin buttons at hand: in the lineup column, inside the first screen
    const pin = await wide.getByTestId('console-lineup').getByTestId('console-product').first().boundingBox();
    expect(pin!.y + pin!.height).toBeLessThan(900);

    const phone = await openAs(browser, PHONE, merchant, `/merchant/live/${sessionId}`);
    await phone.locator('[data-testid="live-console"][data-status="LIVE"]').waitFor({ state: 'visible' });
    const [pStage, pLineup, pChat] = [await box(phone, 'console-stage'), await box(phone, 'console-lineup'), await box(phone, 'console-chat')];
    expect(pLineup.y).toBeGreaterThanOrEqual(pStage.y + pStage.height - 1);
    expect(pChat.y).toBeGreaterThanOrEqual(pLineup.y + pLineup.height - 1);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
