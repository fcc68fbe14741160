// The demo hall's live room shows a moving picture: the local profile's demo stream (an endless HLS loop served by
// the app at /demo/stream/live.m3u8) plays in the room's <video>, across the loop's wrap, both where the browser
// plays HLS itself (Debian's Chromium 156 does) and through hls.js (browsers without native HLS, simulated here).
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { baseUrl, DESKTOP, hideNativeHls, PHONE, useBrowser } from './support';

const browser = useBrowser();
const DEMO_STREAM = '/demo/stream/live.m3u8';
const LOOP_SECONDS = 12; // infra/demo-stream/make.sh: 6 segments of 2 s
const FPS = 15;

/** The demo hall's live session whose player plays the demo stream. */
async function demoStreamSession(): Promise<number> {
  const res = await fetch(`${baseUrl()}/api/live-sessions?limit=100`, { headers: { Accept: 'application/json' } });
  expect(res.status).toBe(200);
  const page = (await res.json()) as { items: Array<{ id: number; status: string }> };
  for (const s of page.items.filter((i) => i.status === 'LIVE')) {
    const detail = (await (await fetch(`${baseUrl()}/api/live-sessions/${s.id}`)).json()) as {
      streamUrl: string;
      streamKind: string;
    };
    if (detail.streamUrl === DEMO_STREAM) {
      expect(detail.streamKind).toBe('HLS');
      return s.id;
    }
  }
  throw new Error(`No LIVE session plays ${DEMO_STREAM}: the e2e app needs the demo hall (local profile)`);
}

/** The live room in a fresh context; `withoutNativeHls` hides the browser's own HLS so the player loads hls.js. */
async function openRoom(options: BrowserContextOptions, id: number, withoutNativeHls: boolean): Promise<Page> {
  const { context, page } = await browser.openContext(options);
  if (withoutNativeHls) {
    await hideNativeHls(context);
  }
  const response = await page.goto(`/live/${id}`);
  expect(response?.status()).toBe(200);
  await page.getByTestId('live-video').waitFor({ state: 'visible' });
  return page;
}

interface Playback {
  time: number;
  frames: number;
  src: string;
}

const playback = (page: Page): Promise<Playback> =>
  page.getByTestId('live-video').evaluate((v: HTMLVideoElement) => ({
    time: v.currentTime,
    frames: v.getVideoPlaybackQuality().totalVideoFrames,
    src: v.currentSrc,
  }));

/** Waits (polling, no sleeps) until the video has played more than one loop: past at least one wrap. */
async function expectPlaysAcrossTheWrap(page: Page): Promise<Playback> {
  await page.waitForFunction(() => {
    const v = document.querySelector<HTMLVideoElement>('[data-testid="live-video"]');
    return !!v && v.readyState >= 2 && v.currentTime > 0;
  }, null, { polling: 200 });
  const start = await playback(page);
  const wanted = { time: start.time + LOOP_SECONDS + 1, frames: start.frames + Math.floor((LOOP_SECONDS + 1) * FPS * 0.75) };
  try {
    await page.waitForFunction(({ time, frames }) => {
      const v = document.querySelector<HTMLVideoElement>('[data-testid="live-video"]');
      return !!v && !v.paused && v.currentTime >= time && v.getVideoPlaybackQuality().totalVideoFrames >= frames;
    }, wanted, { polling: 500, timeout: 45_000 });
  } catch (e) {
    throw new Error(`the demo stream stopped playing: from ${JSON.stringify(start)} to ${JSON.stringify(await playback(page))}`, { cause: e });
  }
  expect(await page.getByTestId('player-fallback').count()).toBe(0);
  return start;
}

describe('demo stream', () => {
  test('the demo live room plays its stream past the loop wrap, natively and through hls.js', async () => {
    const id = await demoStreamSession();
    const [native, hlsJs] = await Promise.all([openRoom(DESKTOP, id, false), openRoom(PHONE, id, true)]);
    const [, viaHlsJs] = await Promise.all([expectPlaysAcrossTheWrap(native), expectPlaysAcrossTheWrap(hlsJs)]);
    expect(viaHlsJs.src).toMatch(/^blob:/); // hls.js feeds the <video> through Media Source Extensions
  }, 90_000);
});
