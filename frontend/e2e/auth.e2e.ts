// Register → header shows the user → log out → log in → profile, on a phone and a desktop viewport.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { baseUrl, DESKTOP, expectText, openMenuIfCollapsed, PHONE, useBrowser } from './support';

const browser = useBrowser();

async function logIn(page: Page, username: string, password: string) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByTestId('login-submit').click();
}

describe('account flow', () => {
  for (const [device, options] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    test(`register, log out, log in and see the profile (${device})`, async () => {
      const page = await browser.open(options);
      const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
      const username = `e2e_${device}_${stamp}`;
      const password = 'Passw0rd-e2e';
      const displayName = `测试${stamp.slice(-4)}`;

      // Register (which logs in and goes home)
      const response = await page.goto('/register');
      expect(response?.status()).toBe(200);
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码', { exact: true }).fill(password);
      await page.getByLabel('确认密码').fill(password);
      await page.getByLabel('昵称').fill(displayName);
      await page.getByTestId('register-submit').click();
      await page.waitForURL((url) => url.pathname === '/');

      const current = page.getByTestId('current-user');
      await expectText(current, displayName);
      expect(await current.textContent()).toBe(`${displayName} · 观众`);
      // the home page uses no live data, so the header shows no connection badge (ConnectionBadge: idle)
      expect(await page.getByTestId('connection-status').count()).toBe(0);

      // Log out
      await openMenuIfCollapsed(page);
      await page.getByTestId('logout').click();
      await current.waitFor({ state: 'detached' });

      // Log in again through the login page
      await openMenuIfCollapsed(page);
      await page.getByTestId('nav-login').click();
      await page.waitForURL((url) => url.pathname === '/login');
      await logIn(page, username, password);
      await page.waitForURL((url) => url.pathname === '/');
      await expectText(current, `${displayName} · 观众`);

      // Profile (a full page load: the session survives it)
      await page.goto('/me');
      await expectText(page.getByTestId('me-display-name'), displayName);
      await expectText(page.getByTestId('me-username'), username);
      await expectText(page.getByTestId('me-roles'), '观众');
      expect(await page.getByTestId('me-roles').textContent()).toBe('观众');
    });
  }

  test('wrong password shows the server message and keeps the user logged out', async () => {
    const page = await browser.open(DESKTOP);
    await page.goto('/login');
    await logIn(page, `nobody_${Date.now()}`, 'wrong-password');
    await page.getByTestId('form-alert').waitFor({ state: 'visible' });
    expect((await page.getByTestId('form-alert').textContent())?.length).toBeGreaterThan(0);
    expect(await page.getByTestId('current-user').count()).toBe(0);
  });

  test('deep link /live/1 is served by the SPA fallback', async () => {
    const page = await browser.open(PHONE);
    const response = await page.goto('/live/1');
    expect(response?.status()).toBe(200);
    await page.getByTestId('live-room').waitFor({ state: 'visible' });
    const session = (await (await fetch(`${baseUrl()}/api/live-sessions/1`)).json()) as { title: string };
    await expectText(page.getByRole('heading', { level: 1 }), session.title);
    expect(await page.title()).toContain('直播展厅');
  });

  test('unknown client routes show the 404 page', async () => {
    const page = await browser.open(DESKTOP);
    await page.goto('/no/such/page');
    await expectText(page.getByTestId('not-found'), '页面不存在');
  });
});
