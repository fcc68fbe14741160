// Layout for every role (issue 12, Everyone 1): at desktop widths the header's items never overlap and nothing
// leaves the viewport (a compact account menu holds 我的订单 / 个人中心 / 退出); at phone widths no main route scrolls
// sideways (document.documentElement.scrollWidth <= innerWidth).
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { baseUrl, demoPassword, useBrowser } from './support';

const browser = useBrowser();
const SESSION_KEY = 'livehall.session'; // src/auth/session.ts

type RoleName = 'guest' | 'viewer' | 'merchant' | 'organiser' | 'admin';
const ROLES: RoleName[] = ['guest', 'viewer', 'merchant', 'organiser', 'admin'];
const DESKTOP_WIDTHS = [1024, 1280, 1440, 1920];
const PHONE_WIDTHS = [360, 375, 414];

let liveId = 0;
let productId = 0;
let trainingSeriesId = 0;
let trainingSessionId = 0;
let courseId = 0;
let fairId = 0;

interface Box {
  name: string;
  l: number;
  r: number;
  t: number;
  b: number;
}

async function json<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(`${baseUrl()}${path}`, {
    ...init,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...(init?.headers ?? {}) },
  });
  expect(res.status, `${path}: ${await res.clone().text()}`).toBeLessThan(300);
  return (await res.json()) as T;
}

async function session(role: RoleName): Promise<string | null> {
  if (role === 'guest') return null;
  const r = await json<{ accessToken: string; expiresAt: string; user: unknown }>('/api/auth/login', {
    method: 'POST',
    body: JSON.stringify({ username: role, password: demoPassword(role) }),
  });
  return JSON.stringify({ token: r.accessToken, expiresAt: r.expiresAt, user: r.user });
}

async function openAs(role: RoleName, width: number, height: number): Promise<Page> {
  const { context, page } = await browser.openContext({ viewport: { width, height } });
  const stored = await session(role);
  if (stored) {
    await context.addInitScript(
      ([key, value]) => window.localStorage.setItem(key, value),
      [SESSION_KEY, stored] as const,
    );
  }
  return page;
}

/** Opens a route and waits for its content (bounded wait for a quiet network: live pages never go idle). */
async function visit(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await page.locator('#main > *').first().waitFor();
  await page.waitForLoadState('networkidle', { timeout: 4_000 }).catch(() => undefined);
}

/** The visible items of the header bar, as boxes. */
function headerBoxes(page: Page): Promise<{ items: Box[]; width: number; barOverflow: boolean }> {
  return page.evaluate(() => {
    const bar = document.querySelector('[data-testid="header-bar"]') as HTMLElement;
    const items: Box[] = [];
    const add = (el: Element | null, name: string) => {
      if (!el) return;
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && style.display !== 'none') {
        items.push({ name, l: r.left, r: r.right, t: r.top, b: r.bottom });
      }
    };
    add(bar.querySelector('.brand'), 'brand');
    bar.querySelectorAll('.nav-sections > *').forEach((e) => add(e, `link ${e.textContent}`));
    bar.querySelectorAll('.header-tools > *').forEach((e) =>
      add(e, `tool ${(e as HTMLElement).dataset.testid ?? e.className}`),
    );
    const account = bar.querySelector('.nav-account');
    if (account && getComputedStyle(account).position !== 'absolute') {
      account.querySelectorAll(':scope > *').forEach((e) => add(e, `account ${e.textContent}`));
    }
    add(bar.querySelector('.menu-toggle'), 'menu-toggle');
    return { items, width: window.innerWidth, barOverflow: bar.scrollWidth > bar.clientWidth + 1 };
  });
}

function overlaps(a: Box, b: Box): boolean {
  return a.l < b.r - 0.5 && b.l < a.r - 0.5 && a.t < b.b - 0.5 && b.t < a.b - 0.5;
}

async function expectCleanHeader(page: Page, label: string): Promise<void> {
  const { items, width, barOverflow } = await headerBoxes(page);
  expect(items.length, label).toBeGreaterThanOrEqual(2);
  expect(barOverflow, `${label}: the header bar overflows`).toBe(false);
  for (const item of items) {
    expect(item.l >= -0.5 && item.r <= width + 0.5, `${label}: ${item.name} leaves the viewport`).toBe(true);
  }
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      expect(overlaps(items[i], items[j]), `${label}: ${items[i].name} overlaps ${items[j].name}`).toBe(false);
    }
  }
}

/** Routes each role can open; ids come from the demo hall. */
function routes(role: RoleName): string[] {
  const everyone = ['/', '/live', `/live/${liveId}`, '/products', `/products/${productId}`, '/training',
    `/training/series/${trainingSeriesId}`, `/training/sessions/${trainingSessionId}`, '/courses', `/courses/${courseId}`,
    '/fairs', `/fairs/${fairId}`, '/no-such-page'];
  switch (role) {
    case 'guest':
      return [...everyone, '/login', '/register'];
    case 'viewer':
      return [...everyone, '/me', '/me/registrations', '/orders', '/quotes', '/apply', '/me/learning',
        `/fairs/${fairId}/register`, `/fairs/${fairId}/directory`];
    case 'merchant':
      return [...everyone, '/me', '/orders', '/quotes', '/merchant', '/merchant/products', '/merchant/products/new',
        '/merchant/live', `/merchant/live/${liveId}`, '/merchant/orders', '/merchant/quotes'];
    case 'organiser':
      return [...everyone, '/me', '/orders', '/organiser', '/organiser/applications', '/organiser/training',
        `/organiser/training/series/${trainingSeriesId}`, `/organiser/training/sessions/${trainingSessionId}/console`,
        '/organiser/courses', `/organiser/courses/${courseId}`, '/organiser/fairs', `/organiser/fairs/${fairId}`];
    case 'admin':
      return [...everyone, '/me', '/orders', '/admin/users'];
  }
}

beforeAll(async () => {
  const sessions = await json<{ items: Array<{ id: number; status: string }> }>('/api/live-sessions?limit=100');
  liveId = (sessions.items.find((s) => s.status === 'LIVE') ?? sessions.items[0]).id;
  const products = await json<{ items: Array<{ id: number }> }>('/api/products?limit=1');
  courseId = (await json<{ items: Array<{ id: number }> }>('/api/courses?limit=1')).items[0].id;
  // the fair demo data is seeded after the app is ready: wait for the Anhui fair
  for (let i = 0; i < 120 && !fairId; i++) {
    const fairs = await json<{ items: Array<{ id: number }> }>('/api/fairs?kind=PROCUREMENT&region=%E5%AE%89%E5%BE%BD%E7%9C%81');
    if (fairs.items.length) fairId = fairs.items[0].id;
    else await new Promise((r) => setTimeout(r, 500));
  }
  productId = products.items[0].id;
  // the demo training series with a session live (its page shows the player and the viewers badge)
  const series = await json<{ items: Array<{ id: number }> }>('/api/training/series?status=live&limit=1');
  trainingSeriesId = series.items[0].id;
  const detail = await json<{ sessions: Array<{ id: number; status: string }> }>(`/api/training/series/${trainingSeriesId}`);
  trainingSessionId = (detail.sessions.find((s) => s.status === 'LIVE') ?? detail.sessions[0]).id;
});

describe('layout for every role', () => {
  for (const role of ROLES) {
    test(`${role}: the header's items do not overlap at 1024–1920 px`, async () => {
      const page = await openAs(role, DESKTOP_WIDTHS[0], 800);
      // the home page, and a live room (where the connection badge joins the header)
      for (const path of ['/', `/live/${liveId}`]) {
        await visit(page, path);
        for (const width of DESKTOP_WIDTHS) {
          await page.setViewportSize({ width, height: 800 });
          await expectCleanHeader(page, `${role} ${path} @${width}`);
          if (role !== 'guest') {
            // the account menu opens from the chip, inside the viewport, with 我的订单 / 个人中心 / 退出
            await page.getByTestId('current-user').click();
            const account = page.getByTestId('nav-account');
            await page.getByTestId('nav-orders').waitFor({ state: 'visible' });
            const box = (await account.boundingBox())!;
            expect(box.x >= 0 && box.x + box.width <= width + 0.5, `${role} account menu @${width}`).toBe(true);
            expect(await page.getByTestId('nav-me').isVisible()).toBe(true);
            expect(await page.getByTestId('logout').isVisible()).toBe(true);
            await page.keyboard.press('Escape');
            await page.getByTestId('nav-orders').waitFor({ state: 'hidden' });
          }
        }
        await page.setViewportSize({ width: DESKTOP_WIDTHS[0], height: 800 });
      }
    });

    test(`${role}: no route scrolls sideways at 360–414 px`, async () => {
      const page = await openAs(role, PHONE_WIDTHS[0], 740);
      const problems: string[] = [];
      for (const path of routes(role)) {
        await page.setViewportSize({ width: PHONE_WIDTHS[0], height: 740 });
        await visit(page, path);
        for (const width of PHONE_WIDTHS) {
          await page.setViewportSize({ width, height: 740 });
          const m = await page.evaluate(() => {
            const inner = window.innerWidth;
            const wide = Array.from(document.querySelectorAll('body *'))
              .filter((e) => e.getBoundingClientRect().right > inner + 1 && e.getClientRects().length > 0)
              .slice(0, 3)
              .map((e) => `${e.tagName.toLowerCase()}.${(e as HTMLElement).className}`);
            return { scroll: document.documentElement.scrollWidth, inner, wide };
          });
          if (m.scroll > m.inner) problems.push(`${path} @${width}: ${m.scroll} > ${m.inner} (${m.wide.join(', ')})`);
          await expectCleanHeader(page, `${role} ${path} @${width}`);
        }
      }
      if (role === 'organiser') {
        // every tab of the onboarding review (the review page was 677 px wide on a phone)
        await page.setViewportSize({ width: PHONE_WIDTHS[0], height: 740 });
        await visit(page, '/organiser/applications');
        const tabs = page.getByRole('tab');
        for (let i = 0; i < (await tabs.count()); i++) {
          await tabs.nth(i).click();
          await page.waitForLoadState('networkidle', { timeout: 4_000 }).catch(() => undefined);
          const m = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
          if (m.scroll > m.inner) problems.push(`/organiser/applications tab ${i} @360: ${m.scroll} > ${m.inner}`);
        }
      }
      expect(problems, problems.join('\n')).toEqual([]);
    }, 240_000);
  }

  test('a field error takes its reserved line: nothing under the pointer moves (phone and desktop)', async () => {
    for (const width of [375, 1280]) {
      const page = await openAs('viewer', width, 800);
      await visit(page, '/me');
      const form = page.getByTestId('password-form');
      const submit = form.getByRole('button', { name: '修改密码' });
      await submit.scrollIntoViewIfNeeded();
      const before = await form.evaluate((f) =>
        Array.from(f.querySelectorAll('input, button')).map((e) => Math.round(e.getBoundingClientRect().top)),
      );
      await submit.click();
      await page.getByTestId('error-newPassword').waitFor();
      expect(await page.getByTestId('error-currentPassword').textContent()).toMatch(/当前密码/);
      const after = await form.evaluate((f) =>
        Array.from(f.querySelectorAll('input, button')).map((e) => Math.round(e.getBoundingClientRect().top)),
      );
      expect(after, `@${width}`).toEqual(before);
    }
  });
});
