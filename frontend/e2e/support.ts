// Shared helpers for browser tests: launch Chromium, one page per test, screenshot on failure.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';

const SCREENSHOTS = resolve(dirname(fileURLToPath(import.meta.url)), '../../target/e2e-screenshots');
export const TIMEOUT = 30_000;

export const PHONE: BrowserContextOptions = {
  viewport: { width: 375, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };

export function baseUrl(): string {
  return inject('baseUrl');
}

/** The generated password of a demo account (local profile: admin, organiser, merchant, viewer). */
export function demoPassword(username: string): string {
  const password = inject('demoPasswords')[username];
  if (!password) throw new Error(`No demo password for ${username}: the e2e app must run the local profile`);
  return password;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

const safeName = (s: string) => s.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 120);

/**
 * Registers hooks for a test file: one browser per file, and `open()` for a fresh context per test
 * (`openContext()` when a test needs several users at once, or the context itself).
 * A failing test leaves a full-page screenshot of each of its pages in
 * target/e2e-screenshots/<test-name>[-<n>].png.
 */
export function useBrowser() {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pages: Page[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') {
      mkdirSync(SCREENSHOTS, { recursive: true });
      for (const [i, page] of pages.entries()) {
        if (page.isClosed()) continue;
        const suffix = pages.length > 1 ? `-${i + 1}` : '';
        const path = join(SCREENSHOTS, `${safeName(task.name)}${suffix}.png`);
        await page.screenshot({ path, fullPage: true }).catch(() => undefined);
      }
    }
    for (const c of contexts.splice(0)) await c.close().catch(() => undefined);
    pages.length = 0;
  });

  async function openContext(options: BrowserContextOptions): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ ...options, baseURL: baseUrl(), locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    context.setDefaultTimeout(TIMEOUT);
    contexts.push(context);
    const page = await context.newPage();
    pages.push(page);
    return { context, page };
  }

  return {
    openContext,
    async open(options: BrowserContextOptions): Promise<Page> {
      return (await openContext(options)).page;
    },
  };
}

/** Wait until `locator` is visible and contains `text` (auto-waiting, no sleeps). */
export async function expectText(locator: Locator, text: string | RegExp): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor({ state: 'visible' });
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Wait until `locator` is visible and its whole text is exactly `text` (auto-waiting, no sleeps). */
export async function expectExactText(locator: Locator, text: string, timeout = TIMEOUT): Promise<void> {
  const exact = new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`);
  try {
    await locator.filter({ hasText: exact }).first().waitFor({ state: 'visible', timeout });
  } catch (e) {
    const last = await locator.first().textContent({ timeout: 1_000 }).catch(() => null);
    throw new Error(`expected ${String(locator)} to read "${text}", last read ${JSON.stringify(last)}`, { cause: e });
  }
}

/**
 * On phones the nav lives behind the menu button, and on wide screens a signed-in user's account links
 * (我的订单, 个人中心, 退出) drop down from the user chip: open whichever is shown and closed.
 */
export async function openMenuIfCollapsed(page: Page): Promise<void> {
  const toggle = page.getByTestId('nav-toggle');
  const chip = page.getByTestId('current-user');
  const opener = (await toggle.isVisible()) ? toggle : (await chip.isVisible()) ? chip : null;
  if (opener && (await opener.getAttribute('aria-expanded')) !== 'true') {
    await opener.click();
    await page.locator('[data-testid="nav-menu"].open').waitFor({ state: 'attached' });
  }
}

/** Hides the browser's own HLS player in this context, so the live room plays through hls.js (blob: media). */
export async function hideNativeHls(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const canPlayType = HTMLMediaElement.prototype.canPlayType;
    HTMLMediaElement.prototype.canPlayType = function (type: string) {
      return /mpegurl/i.test(type) ? '' : canPlayType.call(this, type);
    };
  });
}

/**
 * Lets the demo merchant have `count` sessions live at once (a merchant may have one by default, and the demo
 * hall's own session stays live while tests start theirs): the organiser sets the allowance over the API. The
 * default is the most an organiser may allow, since rooms other test files started may still be live.
 */
export async function allowDemoMerchantLive(merchantId: number, count = 10): Promise<void> {
  const json = { 'Content-Type': 'application/json', Accept: 'application/json' };
  const login = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ username: 'organiser', password: demoPassword('organiser') }),
  });
  if (login.status !== 200) throw new Error(`organiser login: ${login.status}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const allowed = await fetch(`${baseUrl()}/api/organiser/merchants/${merchantId}/live-allowance`, {
    method: 'PUT',
    headers: { ...json, Authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ liveAllowance: count }),
  });
  if (allowed.status !== 200) throw new Error(`live allowance: ${allowed.status} ${await allowed.text()}`);
}
