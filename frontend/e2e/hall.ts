// The demo hall through its HTTP API, for browser tests that prepare or drive what a page shows: requests with a
// token, logging in, a fresh viewer account, the demo merchant's live session.
import { expect } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { baseUrl, type useBrowser } from './support';

export const SESSION_KEY = 'livehall.session'; // src/auth/session.ts

/** What the app keeps in localStorage under SESSION_KEY. */
export interface Session {
  token: string;
  expiresAt: string;
  user: { id: number; displayName: string };
}

export interface LineupItem {
  productId: number;
  name: string;
  priceFen: number;
  onSale: boolean;
}

export async function api(path: string, init: { method?: string; body?: unknown; token?: string; headers?: Record<string, string> } = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...(init.headers ?? {}) };
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  return fetch(`${baseUrl()}${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

export async function login(username: string, password: string): Promise<Session> {
  const res = await api('/api/auth/login', { method: 'POST', body: { username, password } });
  expect(res.status, await res.clone().text()).toBe(200);
  const r = (await res.json()) as { accessToken: string; expiresAt: string; user: Session['user'] };
  return { token: r.accessToken, expiresAt: r.expiresAt, user: r.user };
}

/** A viewer account of its own, logged in. */
export async function newViewer(prefix = 'e2e_room'): Promise<Session> {
  const username = `${prefix}_${Date.now()}${Math.floor(Math.random() * 1e6)}`.slice(0, 32);
  const reg = await api('/api/auth/register', { method: 'POST', body: { username, password: 'Passw0rd-e2e', displayName: '李小龙' } });
  expect(reg.status, await reg.clone().text()).toBe(201);
  return login(username, 'Passw0rd-e2e');
}

/** The demo merchant's (东裕茗茶) live session and the products of its lineup on sale. */
export async function demoLiveSession(): Promise<{ id: number; lineup: LineupItem[] }> {
  const res = await api('/api/live-sessions?limit=100');
  const page = (await res.json()) as { items: Array<{ id: number; status: string; merchant: { name: string } }> };
  const live = page.items.find((s) => s.status === 'LIVE' && s.merchant.name === '东裕茗茶');
  if (!live) throw new Error('The demo hall has no live session of 东裕茗茶 (local profile demo data)');
  const detail = (await (await api(`/api/live-sessions/${live.id}`)).json()) as { lineup: LineupItem[] };
  return { id: live.id, lineup: detail.lineup.filter((p) => p.onSale) };
}

/** A page of a fresh context signed in as `session` (its localStorage set before any script runs), at `path`. */
export async function openAs(browser: ReturnType<typeof useBrowser>, options: BrowserContextOptions, session: Session,
                             path: string): Promise<Page> {
  const { context, page } = await browser.openContext(options);
  await context.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [SESSION_KEY, JSON.stringify(session)] as const);
  const response = await page.goto(path);
  expect(response?.status()).toBe(200);
  return page;
}
