// The browser's cache and compression as a phone on a repeat visit sees them: the first visit gets the app's
// fingerprinted files Brotli-compressed and marked immutable; the second visit takes every one of them from its cache
// without asking the server, and only revalidates the page itself (index.html, no-cache).
import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { baseUrl, PHONE, useBrowser } from './support';

const browser = useBrowser();

interface Seen {
  url: string;
  status: number;
  fromCache: boolean;
  encoding: string;
  cacheControl: string;
}

async function liveRoom(): Promise<string> {
  const page = (await (await fetch(`${baseUrl()}/api/live-sessions?limit=20`)).json()) as { items: Array<{ id: number; status: string }> };
  const live = page.items.find((s) => s.status === 'LIVE');
  if (!live) throw new Error('No LIVE session: the e2e app needs the demo hall (local profile)');
  return `/live/${live.id}`;
}

/** The document and /assets/* responses of one navigation, as the network layer saw them. */
async function visit(page: Page, cdp: CDPSession, path: string): Promise<Seen[]> {
  const seen: Seen[] = [];
  // Blink's memory cache answers without a network response of its own: Network.requestServedFromCache says so
  const servedFromCache = new Set<string>();
  const cached = (e: { requestId: string }) => servedFromCache.add(e.requestId);
  cdp.on('Network.requestServedFromCache', cached);
  const listener = (e: { requestId: string; type: string; response: { url: string; status: number; fromDiskCache?: boolean; fromMemoryCache?: boolean; headers: Record<string, string> } }) => {
    const url = new URL(e.response.url);
    if (e.type !== 'Document' && !url.pathname.startsWith('/assets/')) return;
    const h = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    seen.push({
      url: url.pathname,
      status: e.response.status,
      fromCache: !!(e.response.fromDiskCache || e.response.fromMemoryCache) || servedFromCache.has(e.requestId),
      encoding: h['content-encoding'] ?? 'identity',
      cacheControl: h['cache-control'] ?? '',
    });
  };
  cdp.on('Network.responseReceived', listener);
  await page.goto(path);
  await page.locator('[data-testid="live-room"] h1').waitFor();
  await page.waitForLoadState('load');
  cdp.off('Network.responseReceived', listener);
  cdp.off('Network.requestServedFromCache', cached);
  return seen;
}

describe('caching and compression of the web app', () => {
  test('a repeat visit to the live room takes every asset from the cache and only revalidates the page', async () => {
    const path = await liveRoom();
    const { context, page } = await browser.openContext(PHONE);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');

    const first = await visit(page, cdp, path);
    const assets = first.filter((s) => s.url.startsWith('/assets/'));
    expect(assets.length).toBeGreaterThan(0);
    for (const a of assets) {
      expect(a.cacheControl, a.url).toContain('immutable');
      expect(a.cacheControl, a.url).toContain('max-age=31536000');
    }
    // the scripts and styles arrive Brotli-compressed (Chromium accepts br)
    expect(assets.filter((a) => /\.(js|css)$/.test(a.url)).map((a) => a.encoding)).toEqual(
      assets.filter((a) => /\.(js|css)$/.test(a.url)).map(() => 'br'),
    );
    const document = first.find((s) => !s.url.startsWith('/assets/'));
    expect(document?.cacheControl).toBe('no-cache');

    await page.goto('about:blank');
    const repeat = await visit(page, cdp, path);
    const repeatAssets = repeat.filter((s) => s.url.startsWith('/assets/'));
    expect(repeatAssets.map((a) => a.url).sort()).toEqual(assets.map((a) => a.url).sort());
    expect(repeatAssets.filter((a) => !a.fromCache)).toEqual([]);
    const page2 = repeat.find((s) => !s.url.startsWith('/assets/'));
    expect(page2?.fromCache).toBe(false); // no-cache: asked again (a 200 or a 304), so a new build shows at once
  }, 60_000);
});
