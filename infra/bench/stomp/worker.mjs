// Worker process of the STOMP load harness, forked by bench.mjs (child_process.fork, advanced serialization).
// Holds subscriber connections (op "open"), or is the publisher (op "publish"); everything it measures goes
// back to the coordinator on request. It exits when the coordinator goes away and after a hard time limit.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep, setImmediate as yieldLoop } from 'node:timers/promises';
import { StompConnection, assertLoopback, escapeHeader, HIST_BUCKETS } from './stomp.mjs';
import { TrainingMeasure } from './training-measure.mjs';
import { driveTraining, prepareTraining } from './training-driver.mjs';

// One clock for every process on the machine: wall-clock origin of this process + monotonic offset.
const clock = () => performance.timeOrigin + performance.now();

const bucketOf = (us) => (us < 1 ? 0 : Math.min(HIST_BUCKETS - 1, Math.floor(Math.log(us) * 100)));

const MAX_LIFE_MS = Number(process.env.STOMP_BENCH_MAX_LIFE_MS || 30 * 60 * 1000);
setTimeout(() => { console.error(`[worker ${process.pid}] hard time limit reached, exiting`); process.exit(3); }, MAX_LIFE_MS).unref();
process.on('disconnect', () => process.exit(0));

const SAMPLE_LIMIT = 10;
let problems = newProblems();
function newProblems() { return { counts: {}, samples: [] }; }
function problem(kind, detail, phase) {
  if (kind === 'timeout' && phase === 'publish-close') return;
  problems.counts[kind] = (problems.counts[kind] || 0) + 1;
  if (problems.samples.length < SAMPLE_LIMIT) problems.samples.push({ kind, detail: String(detail).slice(0, 400), phase, at: new Date().toISOString() });
}

let phase = 'idle';
/** @type {{conn: StompConnection, bits: Uint8Array|null, last: number}[]} */
let subs = [];
let m = null; // measurement of the current armed tag
let tm = null; // scenario t: measurement of a training room's topics (armed before the subscribers open)

function newMeasurement(tag, t0, slotMs, slots) {
  return {
    tag, t0, slotMs, slots,
    received: 0, unique: 0, duplicates: 0, reordered: 0, foreign: 0, unparsable: 0, negative: 0,
    firstRecv: 0, lastRecv: 0, maxMs: 0, sumMs: 0,
    hist: new Uint32Array(HIST_BUCKETS),
    timeline: new Uint32Array(slots),
    cpu0: process.cpuUsage(),
  };
}

function extract(body) {
  // {"r":tag,"s":seq,"t":ms} — or the same object as a JSON string in a "text" field (a server that wraps SENDs)
  let o;
  try { o = JSON.parse(body.toString('utf8')); } catch { return null; }
  if (o && o.s === undefined && typeof o.text === 'string') { try { o = JSON.parse(o.text); } catch { return null; } }
  if (!o || typeof o.s !== 'number' || typeof o.t !== 'number') return null;
  return o;
}

function onMessage(frame, conn) {
  const now = clock();
  if (tm) {
    const sub = conn.benchSub;
    sub.t ??= TrainingMeasure.subState();
    const p = tm.onMessage(sub.t, frame.headers.destination ?? '', frame.body, now);
    if (p && tm.unparsable <= 3) problem('unparsable-body', p, phase);
    return;
  }
  if (!m) { problem('unexpected-message', `MESSAGE on ${frame.headers.destination} before the measurement was armed`, phase); return; }
  const o = extract(frame.body);
  if (!o) { m.unparsable++; if (m.unparsable <= 3) problem('unparsable-body', frame.body.toString('utf8').slice(0, 200), phase); return; }
  if (o.r !== m.tag) { m.foreign++; return; }
  const sub = conn.benchSub;
  m.received++;
  // exactly-once bookkeeping per subscriber (growable bitset by sequence number)
  const s = o.s;
  if (!sub.bits || (s >> 3) >= sub.bits.length) {
    const nb = new Uint8Array(Math.max(1024, sub.bits ? sub.bits.length * 2 : 0, (s >> 3) + 1));
    if (sub.bits) nb.set(sub.bits);
    sub.bits = nb;
  }
  const byte = s >> 3, bit = 1 << (s & 7);
  if (sub.bits[byte] & bit) { m.duplicates++; return; }
  sub.bits[byte] |= bit;
  m.unique++;
  if (s < sub.last) m.reordered++; else sub.last = s;
  let ms = now - o.t;
  if (ms < 0) { m.negative++; ms = 0; }
  m.hist[bucketOf(ms * 1000)]++;
  m.sumMs += ms;
  if (ms > m.maxMs) m.maxMs = ms;
  if (!m.firstRecv) m.firstRecv = now;
  m.lastRecv = now;
  const slot = Math.floor((now - m.t0) / m.slotMs);
  m.timeline[slot < 0 ? 0 : slot >= m.slots ? m.slots - 1 : slot]++;
}

function connOptions(cfg) {
  return {
    url: cfg.url, host: cfg.host, login: cfg.login, passcode: cfg.passcode,
    extraConnectHeaders: cfg.connectHeaders, heartBeat: '0,0', timeoutMs: cfg.timeoutMs,
    onMessage, onProblem: (kind, detail) => problem(kind, detail, phase),
  };
}

async function openSubscribers({ cfg, count, concurrency, idBase }) {
  assertLoopback(cfg.url);
  phase = 'open';
  const t0 = clock();
  let ok = 0, failed = 0;
  for (let i = 0; i < count; i += concurrency) {
    const n = Math.min(concurrency, count - i);
    const batch = [];
    for (let j = 0; j < n; j++) {
      const conn = new StompConnection(connOptions(cfg));
      const sub = { conn, bits: null, last: -1, idx: idBase + i + j };
      conn.benchSub = sub;
      // scenario t subscribes each connection to several destinations (a training room's topics), one after another
      const dests = cfg.destinations ?? [cfg.destination];
      batch.push(conn.connect()
        .then(() => dests.reduce((p, d, k) => p.then(() => conn.subscribe(d, `sub-${k}`, cfg.subscribeHeaders || {})), Promise.resolve()))
        .then(() => { subs.push(sub); ok++; })
        .catch(() => { failed++; conn.terminate(); }));
    }
    await Promise.all(batch);
  }
  phase = 'hold';
  return { ok, failed, ms: clock() - t0 };
}

async function closeAll({ concurrency }) {
  phase = 'close';
  const list = subs; subs = [];
  for (let i = 0; i < list.length; i += concurrency) {
    await Promise.all(list.slice(i, i + concurrency).map((s) => s.conn.close({ graceful: false, timeoutMs: 5000 })));
  }
  phase = 'idle';
  return { closed: list.length };
}

function stats() {
  return {
    received: m ? m.received : 0, unique: m ? m.unique : 0,
    open: subs.reduce((n, s) => n + (s.conn.isOpen ? 1 : 0), 0), held: subs.length,
    problems: Object.values(problems.counts).reduce((a, b) => a + b, 0),
  };
}

const cpuStart = process.cpuUsage();
function cpuMsSince() { const c = process.cpuUsage(cpuStart); return (c.user + c.system) / 1000; }

function report() {
  const cpu = m ? process.cpuUsage(m.cpu0) : { user: 0, system: 0 };
  const r = m ? { ...m } : null;
  if (r) delete r.cpu0;
  return { measurement: r, cpuMs: (cpu.user + cpu.system) / 1000, problems, stats: stats(), rssBytes: process.memoryUsage().rss };
}

async function publish({ cfg, tag, mode, rate, durationMs, maxMessages, maxBuffered, pad, closeTimeoutMs }) {
  assertLoopback(cfg.url);
  phase = 'publish';
  const conn = new StompConnection({ ...connOptions(cfg), onMessage: () => problem('unexpected-message', 'publisher got a MESSAGE', phase) });
  await conn.connect();
  const padding = pad > 0 ? ',"p":"' + 'x'.repeat(pad) + '"' : '';
  const head = `SEND\ndestination:${escapeHeader(cfg.sendDestination)}\ncontent-type:application/json\n`;
  const bodyOf = (s) => `{"r":"${tag}","s":${s},"t":${clock().toFixed(3)}${padding}}`; // ASCII: length in chars = bytes
  const frame = (s) => { const body = bodyOf(s); return `${head}content-length:${body.length}\n\n${body}\0`; };
  // The last message carries a receipt: its RECEIPT says the server has read (and routed) every SEND before it.
  // "Written to the socket" overstates what a server took in: the loopback socket buffers hold MBs. (A RECEIPT for
  // DISCONNECT would do too, but RabbitMQ Web-STOMP often closes the socket before that RECEIPT is out.)
  const lastWithReceipt = (s) => {
    const p = conn.request('SEND', { destination: cfg.sendDestination, 'content-type': 'application/json' }, bodyOf(s), closeTimeoutMs);
    p.catch(() => {}); // awaited below; reported through onProblem
    return p;
  };
  let sent = 0, bufferWaits = 0, skipped = 0, receiptP = null;
  const cpu0 = process.cpuUsage();
  const tStart = clock();
  const end = tStart + durationMs;
  if (mode === 'fast') {
    for (;;) {
      if (sent >= maxMessages - 1 || !conn.isOpen || clock() >= end) break;
      if (conn.bufferedAmount >= maxBuffered) { bufferWaits++; await sleep(1); continue; }
      for (let k = 0; k < 64 && sent < maxMessages - 1 && conn.bufferedAmount < maxBuffered; k++) conn.sendRaw(frame(sent++));
      await yieldLoop();
    }
    if (conn.isOpen) receiptP = lastWithReceipt(sent++);
  } else {
    const total = Math.min(maxMessages, Math.round((rate * durationMs) / 1000));
    const gap = 1000 / rate;
    for (let i = 0; i < total; i++) {
      if (!conn.isOpen) break;
      const wait = tStart + i * gap - clock();
      if (wait > 0) await sleep(wait);
      if (!conn.isOpen) break;
      if (conn.bufferedAmount >= maxBuffered) { skipped++; continue; } // never queue without bound (counted, reported)
      if (i === total - 1) receiptP = lastWithReceipt(sent++);
      else conn.sendRaw(frame(sent++));
    }
  }
  const tLastSend = clock();
  phase = 'publish-close'; // a RECEIPT that takes longer than closeTimeoutMs gives tAccepted = null, not a problem
  let tAccepted = null;
  if (receiptP) { try { await receiptP; tAccepted = clock(); } catch { /* null */ } }
  const connOpenAtEnd = conn.isOpen;
  await conn.close({ graceful: true, timeoutMs: 5000, receiptTimeoutMs: 2000 });
  const receiptAfterLastSendMs = tAccepted ? tAccepted - tLastSend : null;
  const cpu = process.cpuUsage(cpu0);
  phase = 'idle';
  return { sent, tStart, tLastSend, tAccepted, tEnd: clock(), bufferWaits, skipped, connOpenAtEnd, receiptAfterLastSendMs, cpuMs: (cpu.user + cpu.system) / 1000, problems };
}

process.on('message', async (msg) => {
  try {
    let out;
    switch (msg.op) {
      case 'open': out = await openSubscribers(msg); break;
      case 'arm': m = newMeasurement(msg.tag, msg.t0, msg.slotMs, msg.slots); phase = 'measure'; out = {}; break;
      case 'stats': out = stats(); break;
      case 'report': out = report(); break;
      case 'close': out = await closeAll(msg); m = null; tm = null; break;
      case 'arm-training': tm = new TrainingMeasure({ t0: msg.t0, maxQuestions: msg.maxQuestions, histBuckets: HIST_BUCKETS }); phase = 'measure'; out = {}; break;
      case 'expect-viewers': tm.expectViewers(subs.map((s) => (s.t ??= TrainingMeasure.subState())), msg.count, msg.since); out = {}; break;
      case 'training-stats': out = { ...stats(), qaAtLeast: subs.reduce((n, s) => n + ((s.t?.seenTotal ?? 0) >= msg.total ? 1 : 0), 0) }; break;
      case 'training-report': out = { training: tm.report(subs.map((s) => (s.t ??= TrainingMeasure.subState())), msg.answered), cpuMs: cpuMsSince(), problems, stats: stats(), rssBytes: process.memoryUsage().rss }; break;
      case 'prepare-training': out = await prepareTraining(msg); break;
      case 'drive-training': problems = newProblems(); out = { ...(await driveTraining(msg, (kind, detail) => problem(kind, detail, 'drive'))), problems }; break;
      case 'reset-problems': problems = newProblems(); out = {}; break;
      case 'publish': problems = newProblems(); out = await publish(msg); break;
      case 'exit': process.exit(0); break;
      default: throw new Error(`unknown op ${msg.op}`);
    }
    process.send({ rid: msg.rid, ok: true, ...out });
  } catch (e) {
    problem('worker-failure', e.message, phase);
    process.send({ rid: msg.rid, ok: false, error: e.message, problems });
  }
});
