// Content-Security-Policy in a real browser: the web app (a live room playing the demo stream through hls.js over a
// STOMP WebSocket, the catalogue with product images, the admin users page) and Swagger UI work without a single
// violation of the policies the server sends.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { baseUrl, DESKTOP, demoPassword, hideNativeHls, PHONE, useBrowser } from './support';

const browser = useBrowser();

/** Collects the page's CSP violations (the browser's event) and console errors that mention the policy. */
async function watchViolations(context: BrowserContext, page: Page): Promise<string[]> {
  const seen: string[] = [];
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content.Security.Policy|CSP violation/i.test(m.text())) seen.push(m.text());
  });
  return seen;
}

async function liveDemoSession(): Promise<number> {
  const res = await fetch(`${baseUrl()}/api/live-sessions?limit=100`, { headers: { Accept: 'application/json' } });
  const page = (await res.json()) as { items: Array<{ id: number; status: string }> };
  for (const s of page.items.filter((i) => i.status === 'LIVE')) {
    const detail = (await (await fetch(`${baseUrl()}/api/live-sessions/${s.id}`)).json()) as { streamUrl: string };
    if (detail.streamUrl === '/demo/stream/live.m3u8') return s.id;
  }
  throw new Error('No LIVE demo session: the e2e app needs the demo hall (local profile)');
}

describe('content security policy', () => {
  test('a live room plays through hls.js and connects over STOMP without a violation', async () => {
    const id = await liveDemoSession();
    const { context, page } = await browser.openContext(PHONE);
    const violations = await watchViolations(context, page);
    await hideNativeHls(context); // the player loads hls.js (blob: media, a blob: worker)
    const response = await page.goto(`/live/${id}`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.locator('[data-testid="connection-status"][data-status="connected"]').waitFor({ state: 'attached' });
    await page.waitForFunction(() => {
      const v = document.querySelector<HTMLVideoElement>('[data-testid="live-video"]');
      return !!v && v.currentTime > 1 && v.currentSrc.startsWith('blob:');
    }, null, { polling: 200 });
    expect(violations).toEqual([]);
  }, 60_000);

  test('the catalogue and the admin users page render without a violation', async () => {
    const { context, page } = await browser.openContext(DESKTOP);
    const violations = await watchViolations(context, page);
    await page.goto('/products');
    await page.locator('.product-card, [data-testid^="product-card"]').first().waitFor({ state: 'visible' });
    await page.goto('/login?next=/admin/users');
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码', { exact: true }).fill(demoPassword('admin'));
    await page.getByTestId('login-submit').click();
    await page.locator('[data-testid^="user-row-"]').first().waitFor({ state: 'visible' });
    await page.getByRole('button', { name: '解除登录锁定' }).first().waitFor({ state: 'visible' });
    expect(violations).toEqual([]);
  });

  test('Swagger UI renders under its own policy', async () => {
    const { context, page } = await browser.openContext(DESKTOP);
    const violations = await watchViolations(context, page);
    const response = await page.goto('/swagger-ui.html');
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.locator('.swagger-ui .opblock').first().waitFor({ state: 'visible' });
    expect(await page.locator('.swagger-ui .info .title').textContent()).toBeTruthy();
    expect(violations).toEqual([]);
  });
});
