// Repeat visit of the live room on a throttled 4G profile: a first visit (empty cache), then the same page again in the
// same browser profile, for one or more running apps side by side (alternating runs, so both see the same machine).
//
//   node infra/bench/repeat-visit/measure.mjs --app before=http://127.0.0.1:8181 --app after=http://127.0.0.1:8182 --runs 5
//
// Needs the front end's node_modules (playwright-core) and Debian's Chromium (CHROME_PATH to override).
// Network profile (Chrome DevTools "Slow 4G"-like, the same one Lighthouse's mobile preset models):
// 150 ms round trip added to every request, 1.6 Mbit/s down, 750 kbit/s up; CPU not throttled.
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(resolve(here, '../../../frontend/package.json'));
const { chromium } = require('playwright-core');

const PROFILE = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

function args() {
  const apps = [];
  let runs = 5;
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--app') {
      const [name, url] = argv[++i].split('=');
      apps.push({ name, url: url.replace(/\/$/, '') });
    } else if (argv[i] === '--runs') runs = Number(argv[++i]);
  }
  if (apps.length === 0) throw new Error('usage: measure.mjs --app name=http://host:port [--app …] [--runs N]');
  return { apps, runs };
}

async function liveRoomPath(base) {
  const page = await (await fetch(`${base}/api/live-sessions?limit=20`)).json();
  const live = page.items.find((s) => s.status === 'LIVE') ?? page.items[0];
  if (!live) throw new Error(`${base}: no live session to open`);
  return `/live/${live.id}`;
}

/** One visit: navigation to the room shown (title and player present), with what went over the network. */
async function visit(page, cdp, url) {
  const requests = [];
  const onResponse = (e) => requests.push(e);
  cdp.on('Network.responseReceived', onResponse);
  const servedFromCache = new Set();
  const onCached = (e) => servedFromCache.add(e.requestId);
  cdp.on('Network.requestServedFromCache', onCached);
  const finished = new Map();
  const onFinished = (e) => finished.set(e.requestId, e.encodedDataLength);
  cdp.on('Network.loadingFinished', onFinished);
  const started = Date.now();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.locator('[data-testid="live-room"] h1').waitFor();
  await page.locator('[data-testid="live-room"] video').waitFor({ state: 'attached' });
  const shown = Date.now() - started;
  await page.waitForLoadState('load');
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    return { dcl: Math.round(nav.domContentLoadedEventEnd), load: Math.round(nav.loadEventEnd) };
  });
  cdp.off('Network.responseReceived', onResponse);
  cdp.off('Network.loadingFinished', onFinished);
  cdp.off('Network.requestServedFromCache', onCached);
  // the app's own files: the document and /assets/* (not the API, the socket or the stream's segments)
  const shell = requests.filter((r) => {
    const path = new URL(r.response.url).pathname;
    return r.type === 'Document' || path.startsWith('/assets/');
  });
  const overNetwork = shell.filter(
    (r) => !r.response.fromDiskCache && !r.response.fromMemoryCache && !r.response.fromServiceWorker && !servedFromCache.has(r.requestId),
  );
  const bytes = overNetwork.reduce((sum, r) => sum + (finished.get(r.requestId) ?? 0), 0);
  return {
    shownMs: shown,
    dclMs: timing.dcl,
    loadMs: timing.load,
    shellFiles: shell.length,
    shellRequestsOverNetwork: overNetwork.length,
    shellBytesOverNetwork: bytes,
    encodings: [...new Set(overNetwork.map((r) => r.response.headers['content-encoding'] ?? r.response.headers['Content-Encoding'] ?? 'identity'))],
  };
}

async function measure(browser, app, path) {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', PROFILE);
  const first = await visit(page, cdp, app.url + path);
  await page.goto('about:blank');
  const repeat = await visit(page, cdp, app.url + path);
  await context.close();
  return { first, repeat };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

const { apps, runs } = args();
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const paths = Object.fromEntries(await Promise.all(apps.map(async (a) => [a.name, await liveRoomPath(a.url)])));
const results = Object.fromEntries(apps.map((a) => [a.name, []]));
for (let run = 0; run < runs; run++) {
  for (const app of apps) results[app.name].push(await measure(browser, app, paths[app.name]));
}
await browser.close();

console.log(`profile: +${PROFILE.latency} ms RTT, 1.6 Mbit/s down, 750 kbit/s up; ${runs} runs each, medians`);
console.log('app     visit   shown ms  DCL ms  load ms  shell files  over network  bytes over network  encodings');
for (const app of apps) {
  for (const kind of ['first', 'repeat']) {
    const rs = results[app.name].map((r) => r[kind]);
    const m = (k) => median(rs.map((r) => r[k]));
    console.log(
      [app.name.padEnd(7), kind.padEnd(7), String(m('shownMs')).padStart(8), String(m('dclMs')).padStart(7), String(m('loadMs')).padStart(8),
        String(m('shellFiles')).padStart(12), String(m('shellRequestsOverNetwork')).padStart(13), String(m('shellBytesOverNetwork')).padStart(19),
        ' ' + rs[0].encodings.join(',')].join(' '),
    );
  }
}
console.log(JSON.stringify({ date: new Date().toISOString(), profile: PROFILE, results }, null, 0));
