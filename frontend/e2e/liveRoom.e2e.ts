// Two users in one live room: presence counts, chat both ways, leaving; a guest; the chat rate limit.
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { baseUrl, DESKTOP, expectExactText, expectText, PHONE, useBrowser } from './support';

const browser = useBrowser();
const PASSWORD = 'Passw0rd-e2e';
const SESSION_KEY = 'livehall.session'; // src/auth/session.ts

interface Session {
  token: string;
  expiresAt: string;
  user: { id: number; displayName: string };
}

const stamp = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;
/**
 * A room where chat is open: chat and likes are refused unless the room's live session is LIVE, so the
 * tests use a live session of the public schedule (the local profile's demo data has one).
 */
async function liveRoom(): Promise<{ room: string; title: string }> {
  const res = await fetch(`${baseUrl()}/api/live-sessions?limit=100`, { headers: { Accept: 'application/json' } });
  expect(res.status).toBe(200);
  const page = (await res.json()) as { items: Array<{ id: number; title: string; status: string }> };
  const live = page.items.find((s) => s.status === 'LIVE');
  if (!live) throw new Error('No LIVE session in /api/live-sessions: the e2e app needs the demo live session (local profile)');
  return { room: String(live.id), title: live.title };
}

async function post(path: string, body: unknown): Promise<Response> {
  return fetch(`${baseUrl()}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
}

/** Register and log in through the API; returns what the app keeps in localStorage. */
async function newAccount(tag: string): Promise<Session> {
  const s = stamp();
  // usernames are ASCII only; the tag shows in the display name
  const username = `e2e_live_${s}_${Math.floor(Math.random() * 1e6)}`.slice(0, 32);
  const displayName = `${tag}用户${s.slice(-4)}`;
  const reg = await post('/api/auth/register', { username, password: PASSWORD, displayName });
  expect(reg.status, await reg.clone().text()).toBe(201);
  const login = await post('/api/auth/login', { username, password: PASSWORD });
  expect(login.status).toBe(200);
  const r = (await login.json()) as { accessToken: string; expiresAt: string; user: Session['user'] };
  return { token: r.accessToken, expiresAt: r.expiresAt, user: r.user };
}

/** A fresh browser context (logged in as `session`, or a guest) showing /live/<room>. */
async function openRoom(options: BrowserContextOptions, room: string, session: Session | null) {
  const { context, page } = await browser.openContext(options);
  if (session) {
    await context.addInitScript(
      ([key, value]) => window.localStorage.setItem(key, value),
      [SESSION_KEY, JSON.stringify(session)] as const,
    );
  }
  const response = await page.goto(`/live/${room}`);
  expect(response?.status()).toBe(200);
  await page.getByTestId('live-room').waitFor({ state: 'visible' });
  return { context, page };
}

async function expectConnected(page: Page) {
  const badge = page.locator('[data-testid="connection-status"][data-status="connected"]');
  await badge.waitFor({ state: 'attached' });
  expect(await badge.textContent()).toBe('实时已连接');
}

// Presence updates are coalesced (≤ 2/s): a few seconds is plenty.
const expectViewers = (page: Page, n: number) => expectExactText(page.getByTestId('viewer-count'), String(n), 10_000);

async function say(page: Page, text: string) {
  await page.getByTestId('chat-input').fill(text);
  await page.getByTestId('chat-send').click(); // auto-waits until enabled (connected, valid text)
}

async function expectChat(page: Page, name: string, text: string) {
  const line = page.getByTestId('chat-message').filter({ hasText: text }).first();
  await line.waitFor({ state: 'visible' });
  expect(await line.locator('.chat-name').textContent()).toBe(name);
}

describe('live room', () => {
  test('two users: viewer count, chat both ways, and the count drops when one leaves', async () => {
    const { room, title } = await liveRoom();
    const [alice, bob] = await Promise.all([newAccount('甲'), newAccount('乙')]);

    const a = await openRoom(PHONE, room, alice);
    await expectConnected(a.page);
    await expectViewers(a.page, 1);
    await expectExactText(a.page.getByRole('heading', { level: 1 }), title);

    const b = await openRoom(DESKTOP, room, bob);
    await expectConnected(b.page);
    await Promise.all([expectViewers(a.page, 2), expectViewers(b.page, 2)]);
    expect(await b.page.getByTestId('connection-status').textContent()).toBe('实时已连接');

    const fromA = `大家好，我是甲 ${stamp()}`;
    await say(a.page, fromA);
    await Promise.all([expectChat(b.page, alice.user.displayName, fromA), expectChat(a.page, alice.user.displayName, fromA)]);
    expect(await a.page.getByTestId('chat-input').inputValue()).toBe('');

    const fromB = `欢迎欢迎 ${stamp()}`;
    await say(b.page, fromB);
    await expectChat(a.page, bob.user.displayName, fromB);

    await b.context.close();
    await expectViewers(a.page, 1);
  });

  test('a guest watches, sees the chat history and is invited to log in', async () => {
    const { room } = await liveRoom();
    const alice = await newAccount('丙');
    const a = await openRoom(DESKTOP, room, alice);
    await expectConnected(a.page);
    const line = `先到一步 ${stamp()}`;
    await say(a.page, line);
    await expectChat(a.page, alice.user.displayName, line);

    const guest = await openRoom(PHONE, room, null);
    await expectConnected(guest.page);
    await expectChat(guest.page, alice.user.displayName, line); // replayed on entry
    await expectViewers(guest.page, 2);
    const login = guest.page.getByTestId('chat-login');
    await expectText(login, '登录后参与聊天');
    expect(await login.getAttribute('href')).toBe(`/login?next=${encodeURIComponent(`/live/${room}`)}`);
    expect(await guest.page.getByTestId('chat-input').count()).toBe(0);
  });

  test('chatting faster than 5 lines in 10 s is refused with a toast', async () => {
    const { room } = await liveRoom();
    const alice = await newAccount('丁');
    const a = await openRoom(PHONE, room, alice);
    await expectConnected(a.page);
    const tag = stamp();
    for (let i = 1; i <= 6; i++) await say(a.page, `第${i}句 ${tag}`);
    await expectText(a.page.getByTestId('toast'), '发言太频繁，请稍后再试');
    await expectChat(a.page, alice.user.displayName, `第5句 ${tag}`);
    expect(await a.page.getByTestId('chat-message').filter({ hasText: `第6句 ${tag}` }).count()).toBe(0);
  });
});
