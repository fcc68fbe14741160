#!/usr/bin/env node
// STOMP-over-WebSocket fan-out benchmark (issue 4): Live Hall /ws vs RabbitMQ Web-STOMP, same client, same run.
//
//   ulimit -n 20000 && node bench.mjs --target both --scenario all
//
// Scenarios (defaults; every one is bounded in connections, messages and time, and ends by itself):
//   a  100 subscribers, one publisher as fast as the socket allows (bufferedAmount < 1 MiB) for 10 s:
//      deliveries/s at the subscribers over the 10 s window, published msgs/s, loss after a bounded drain
//   b  1,000 subscribers, 10 msg/s for 20 s: p50/p95/p99/max latency (publisher timestamp → subscriber), loss
//   c  5,000 idle connections (CONNECT + one SUBSCRIBE each, opened 200 at a time): server VmRSS before and
//      after, (after − before) / connections
//   t  training room (issue 13; only when asked for, not in "all"): Live Hall: 10,000 viewers subscribed to a
//      session's /viewers, /qa and /poll while a driver posts 20 questions/s, 200 upvotes/s and 2,000 poll votes in
//      10 s; question delivery latency, updates/s per topic, time until the viewer count is right, RSS and CPU.
//      RabbitMQ: the same number of subscribers of one topic, 20 msg/s of a question's size (see training-*.mjs)
// With --scenario all the order is c, b, a: c first, so the RSS delta is taken on a server that has not yet grown
// its allocators for the others; a last, because a saturated server may need long to work off its backlog.
// Before each run the harness waits (bounded) until the servers and the rest of the machine are idle.
// With --target both each scenario runs on RabbitMQ, then on Live Hall.
// Only loopback targets are accepted. See README.md.
import { parseArgs } from 'node:util';
import { fork, execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync, unlinkSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import os from 'node:os';
import { assertLoopback, HIST_BUCKETS } from './stomp.mjs';
import { mergeTrainingReports } from './training-measure.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const clock = () => performance.timeOrigin + performance.now();

// ---------------------------------------------------------------- options
const OPTIONS = {
    target: { type: 'string', default: 'both' },
    scenario: { type: 'string', default: 'all' },
    destination: { type: 'string', default: '/topic/bench' },
    'livehall-url': { type: 'string', default: 'ws://127.0.0.1:8080/ws' },
    'livehall-destination': { type: 'string' },
    'livehall-send-destination': { type: 'string' },
    'livehall-host': { type: 'string', default: '127.0.0.1' },
    'livehall-login': { type: 'string' },
    'livehall-passcode': { type: 'string' },
    'livehall-token': { type: 'string' },
    'livehall-pub-token': { type: 'string' },
    'livehall-pid': { type: 'string' },
    'rabbitmq-url': { type: 'string', default: 'ws://127.0.0.1:15674/ws' },
    'rabbitmq-destination': { type: 'string' },
    'rabbitmq-send-destination': { type: 'string' },
    'rabbitmq-host': { type: 'string', default: '/' },
    'rabbitmq-login': { type: 'string', default: 'guest' },
    'rabbitmq-passcode': { type: 'string', default: 'guest' },
    'rabbitmq-pid': { type: 'string' },
    workers: { type: 'string', default: '3' },
    batch: { type: 'string', default: '200' },
    'a-subscribers': { type: 'string', default: '100' },
    'a-seconds': { type: 'string', default: '10' },
    'a-max-messages': { type: 'string', default: '3000000' },
    'b-subscribers': { type: 'string', default: '1000' },
    'b-rate': { type: 'string', default: '10' },
    'b-seconds': { type: 'string', default: '20' },
    'c-connections': { type: 'string', default: '5000' },
    't-subscribers': { type: 'string', default: '10000' },
    't-seconds': { type: 'string', default: '30' },
    't-question-rate': { type: 'string', default: '20' },
    't-upvote-rate': { type: 'string', default: '200' },
    't-poll-votes': { type: 'string', default: '2000' },
    't-poll-seconds': { type: 'string', default: '10' },
    't-poll-at-seconds': { type: 'string', default: '5' },
    't-message-bytes': { type: 'string', default: '320' },
    't-max-in-flight': { type: 'string', default: '128' },
    't-session': { type: 'string' },
    't-organiser': { type: 'string' },
    't-users': { type: 'string' },
    't-key-file': { type: 'string' },
    't-http-url': { type: 'string' },
    'max-buffered': { type: 'string', default: String(1024 * 1024) },
    pad: { type: 'string', default: '0' },
    'drain-seconds': { type: 'string', default: '30' },
    'idle-seconds': { type: 'string', default: '3' },
    'settle-seconds': { type: 'string', default: '5' },
    'pause-seconds': { type: 'string', default: '2' },
    'quiet-seconds': { type: 'string', default: '120' },
    'timeout-seconds': { type: 'string', default: '15' },
    'max-run-minutes': { type: 'string', default: '30' },
    out: { type: 'string', default: join(here, '..', 'results') },
    help: { type: 'boolean', short: 'h', default: false },
};
const { values: opt } = parseArgs({ options: OPTIONS });

if (opt.help) {
  console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 16).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
  console.log('Options (defaults), see README.md:');
  for (const [k, v] of Object.entries(OPTIONS)) console.log(`  --${k}${v.type === 'string' ? ' <value>' : ''}${v.default !== undefined && v.type === 'string' ? `  (${v.default})` : ''}`);
  process.exit(0);
}

const num = (k) => { const v = Number(opt[k]); if (!Number.isFinite(v) || v < 0) throw new Error(`--${k} must be a number ≥ 0`); return v; };
const WORKERS = Math.max(1, Math.min(8, Math.round(num('workers'))));
const BATCH = Math.max(1, num('batch'));
const TIMEOUT_MS = num('timeout-seconds') * 1000;
const SCEN = {
  a: { name: 'a', kind: 'fanout', subs: num('a-subscribers'), mode: 'fast', rate: 0, durationMs: num('a-seconds') * 1000, maxMessages: num('a-max-messages') },
  b: { name: 'b', kind: 'fanout', subs: num('b-subscribers'), mode: 'rate', rate: num('b-rate'), durationMs: num('b-seconds') * 1000, maxMessages: 1e6 },
  c: { name: 'c', kind: 'idle', conns: num('c-connections') },
  t: {
    name: 't', kind: 'training', subs: num('t-subscribers'), durationMs: num('t-seconds') * 1000, qRate: num('t-question-rate'),
    upRate: num('t-upvote-rate'), pollVotes: num('t-poll-votes'), pollSeconds: num('t-poll-seconds'), pollAtMs: num('t-poll-at-seconds') * 1000,
    messageBytes: num('t-message-bytes'), maxInFlight: Math.max(1, num('t-max-in-flight')),
  },
};
const scenarios = opt.scenario === 'all' ? ['c', 'b', 'a'] : opt.scenario.split(',').map((s) => s.trim());
for (const s of scenarios) if (!SCEN[s]) throw new Error(`--scenario: unknown ${s} (a|b|c|t|all)`);
const targetNames = opt.target === 'both' ? ['rabbitmq', 'livehall'] : [opt.target];
for (const t of targetNames) if (t !== 'rabbitmq' && t !== 'livehall') throw new Error(`--target: unknown ${t} (livehall|rabbitmq|both)`);
if (SCEN.a.subs * SCEN.a.durationMs === 0 || SCEN.b.subs * SCEN.b.rate * SCEN.b.durationMs === 0) throw new Error('scenario sizes must be > 0');
if (SCEN.a.durationMs > 120000 || SCEN.b.durationMs > 120000 || SCEN.c.conns > 20000 || SCEN.b.subs > 20000 || SCEN.a.subs > 20000)
  throw new Error('bounds: at most 120 s per scenario and 20,000 connections');
if (scenarios.includes('t')) {
  const t = SCEN.t;
  if (t.durationMs > 120000 || t.subs > 20000 || t.subs === 0 || t.qRate <= 0 || t.qRate * t.durationMs === 0) throw new Error('scenario t: 1..20,000 subscribers, at most 120 s, a question rate > 0');
  if (t.pollAtMs + t.pollSeconds * 1000 > t.durationMs) throw new Error('scenario t: the poll must end within --t-seconds');
  if (targetNames.includes('livehall')) {
    for (const k of ['t-session', 't-organiser', 't-users', 't-key-file']) if (!opt[k]) throw new Error(`scenario t on Live Hall needs --${k} (see training-setup.sql / training-run.sh)`);
    const m = /^(\d+)-(\d+)$/.exec(opt['t-users']);
    if (!m || Number(m[2]) < Number(m[1])) throw new Error('--t-users: first-last account ids, e.g. 1001-3000');
    t.users = Array.from({ length: Number(m[2]) - Number(m[1]) + 1 }, (_, i) => Number(m[1]) + i);
    if (t.users.length < t.pollVotes) throw new Error(`--t-users: ${t.pollVotes} poll votes need as many accounts (one vote per account), got ${t.users.length}`);
    t.httpUrl = opt['t-http-url'] ?? opt['livehall-url'].replace(/^ws/, 'http').replace(/\/ws$/, '');
  }
}

function targetConfig(name) {
  const dest = opt[`${name}-destination`] ?? opt.destination;
  const cfg = {
    name, label: name === 'rabbitmq' ? 'RabbitMQ Web-STOMP' : 'Live Hall',
    url: opt[`${name}-url`], host: opt[`${name}-host`], destination: dest,
    sendDestination: opt[`${name}-send-destination`] ?? dest, timeoutMs: TIMEOUT_MS,
    login: opt[`${name}-login`], passcode: opt[`${name}-passcode`], connectHeaders: {},
  };
  if (name === 'livehall' && opt['livehall-token']) cfg.connectHeaders.Authorization = `Bearer ${opt['livehall-token']}`;
  cfg.pubConnectHeaders = name === 'livehall' && opt['livehall-pub-token'] ? { Authorization: `Bearer ${opt['livehall-pub-token']}` } : cfg.connectHeaders;
  assertLoopback(cfg.url);
  return cfg;
}
const targets = Object.fromEntries(targetNames.map((t) => [t, targetConfig(t)]));

// ---------------------------------------------------------------- safety net: the whole run is bounded
const MAX_RUN_MS = num('max-run-minutes') * 60000;
const watchdog = setTimeout(() => {
  console.error(`\n!! run exceeded --max-run-minutes=${opt['max-run-minutes']}; stopping workers and exiting`);
  for (const w of workers) w.kill();
  process.exit(2);
}, MAX_RUN_MS);
watchdog.unref();

// ---------------------------------------------------------------- machine / server probes
const sh = (cmd, args, timeout = 30000) => { try { return execFileSync(cmd, args, { encoding: 'utf8', timeout, stdio: ['ignore', 'pipe', 'ignore'] }).trim(); } catch { return null; } };

function detectPid(name) {
  if (opt[`${name}-pid`]) return { pid: Number(opt[`${name}-pid`]), how: 'given' };
  const pattern = name === 'rabbitmq' ? 'beam.smp' : 'livehall.jar';
  const out = sh('pgrep', ['-f', pattern]);
  if (!out) return { pid: null, how: `no process matches pgrep -f ${pattern}` };
  const cands = out.split(/\s+/).map(Number).filter((p) => p && p !== process.pid).filter((p) => {
    let cmd = '';
    try { cmd = readFileSync(`/proc/${p}/cmdline`, 'utf8').replace(/\0/g, ' '); } catch { return false; }
    return name === 'rabbitmq' ? /beam\.smp/.test(cmd) && /rabbit/.test(cmd) : /java/.test(cmd) && /livehall\.jar/.test(cmd);
  });
  if (cands.length === 0) return { pid: null, how: `no matching process for ${pattern}` };
  if (cands.length > 1) return { pid: null, how: `several candidates (${cands.join(', ')}): pass --${name}-pid` };
  return { pid: cands[0], how: `pgrep -f ${pattern}` };
}
function procStatusKb(pid, field) {
  try {
    const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
    return m ? Number(m[1]) : null;
  } catch { return null; }
}
function procFdLimit(pid) {
  try { const m = readFileSync(`/proc/${pid}/limits`, 'utf8').match(/^Max open files\s+(\d+|unlimited)\s+(\d+|unlimited)/m); return m ? { soft: m[1], hard: m[2] } : null; } catch { return null; }
}
function procFdCount(pid) { try { return readdirSync(`/proc/${pid}/fd`).length; } catch { return null; } }
const CLK_TCK = Number(sh('getconf', ['CLK_TCK'])) || 100;
function procCpuMs(pid) {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / CLK_TCK; // utime + stime
  } catch { return null; }
}
function machineCpuMs() {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const total = f.slice(0, 8).reduce((a, b) => a + b, 0);
    // irq + softirq: mostly the loopback TCP traffic of the run itself, charged to no process
    return { busy: ((total - f[3] - f[4]) * 1000) / CLK_TCK, irq: ((f[5] + f[6]) * 1000) / CLK_TCK, total: (total * 1000) / CLK_TCK };
  } catch { return null; }
}
/** CPU of the server, of the harness (coordinator + workers) and of everything else on the machine */
function cpuSnapshot(srvPid) {
  return {
    wall: clock(), machine: machineCpuMs(), server: srvPid ? procCpuMs(srvPid) : null,
    client: [process.pid, ...workers.map((w) => w.child.pid)].reduce((a, p) => a + (procCpuMs(p) || 0), 0),
  };
}
function cpuDiff(a, b) {
  if (!a || !b || !a.machine || !b.machine) return null;
  const wall = b.wall - a.wall;
  const busy = b.machine.busy - a.machine.busy;
  const server = a.server !== null && b.server !== null ? b.server - a.server : null;
  const client = b.client - a.client;
  const irq = b.machine.irq - a.machine.irq;
  const cores = (x) => (x === null ? null : r2(x / wall));
  return { seconds: r2(wall / 1000), machineBusyCores: cores(busy), serverCores: cores(server), harnessCores: cores(client),
    irqCores: cores(irq), otherCores: server === null ? null : cores(Math.max(0, busy - server - client - irq)) };
}
async function sampleRssKb(pid, n = 3, gapMs = 500) {
  const xs = [];
  for (let i = 0; i < n; i++) { const v = procStatusKb(pid, 'VmRSS'); if (v !== null) xs.push(v); if (i < n - 1) await sleep(gapMs); }
  xs.sort((x, y) => x - y);
  return xs.length ? { medianKb: xs[Math.floor(xs.length / 2)], samplesKb: xs } : null;
}

/** waits, at most quiet-seconds, until for 2 s in a row every server under test uses < 0.15 core (the last run is
 *  worked off, and the other server does not steal CPU from this one) and the rest of the machine, the harness
 *  aside, < 0.3 core (say a build or test run elsewhere on the machine) */
async function waitQuiet() {
  const pids = Object.values(serverInfo).map((x) => x.pid).filter(Boolean);
  const t0 = clock(), bound = num('quiet-seconds') * 1000;
  if (bound === 0) return null;
  const snap = () => {
    const own = [process.pid, ...workers.map((w) => w.child.pid)].reduce((a, p) => a + (procCpuMs(p) || 0), 0);
    const srv = pids.reduce((a, p) => a + (procCpuMs(p) ?? 0), 0);
    const mc = machineCpuMs();
    return { srv, other: (mc?.busy ?? 0) - (mc?.irq ?? 0) - own - srv };
  };
  let prev = snap(), calm = 0, last = null;
  while (clock() - t0 < bound) {
    await sleep(1000);
    const cur = snap();
    last = { serverCores: r2((cur.srv - prev.srv) / 1000), otherCores: r2((cur.other - prev.other) / 1000) };
    calm = cur.srv - prev.srv < 150 && cur.other - prev.other < 300 ? calm + 1 : 0;
    prev = cur;
    if (calm >= 2) return { seconds: r2((clock() - t0) / 1000), quiet: true, last };
  }
  return { seconds: r2((clock() - t0) / 1000), quiet: false, last };
}

// ---------------------------------------------------------------- workers
class Worker {
  constructor(idx, role) {
    this.idx = idx; this.role = role; this.rid = 0; this.pending = new Map(); this.dead = false;
    this.child = fork(join(here, 'worker.mjs'), [], {
      serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, STOMP_BENCH_MAX_LIFE_MS: String(MAX_RUN_MS + 60000) },
    });
    this.child.on('message', (msg) => {
      const p = this.pending.get(msg.rid);
      if (!p) return;
      this.pending.delete(msg.rid); clearTimeout(p.timer);
      msg.ok ? p.resolve(msg) : p.reject(Object.assign(new Error(`worker ${idx}: ${msg.error}`), { problems: msg.problems }));
    });
    this.child.on('exit', (code, sig) => {
      this.dead = true;
      for (const p of this.pending.values()) { clearTimeout(p.timer); p.reject(new Error(`worker ${idx} exited (${code ?? sig})`)); }
      this.pending.clear();
    });
  }
  call(op, args = {}, timeoutMs = 60000) {
    if (this.dead) return Promise.reject(new Error(`worker ${this.idx} is dead`));
    const rid = ++this.rid;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => { this.pending.delete(rid); reject(new Error(`worker ${this.idx}: ${op} timed out after ${timeoutMs} ms`)); }, timeoutMs);
      this.pending.set(rid, { resolve, reject, timer });
      this.child.send({ ...args, op, rid });
    });
  }
  kill() { try { this.child.kill('SIGKILL'); } catch { /* gone */ } }
}
const workers = [];

// ---------------------------------------------------------------- helpers
const split = (n, k) => Array.from({ length: k }, (_, i) => Math.floor(n / k) + (i < n % k ? 1 : 0));
const openTimeout = (n) => Math.ceil(n / BATCH + 1) * (2 * TIMEOUT_MS + 5000);
function mergeProblems(list) {
  const counts = {}; const samples = [];
  for (const p of list) {
    if (!p) continue;
    for (const [k, v] of Object.entries(p.counts)) counts[k] = (counts[k] || 0) + v;
    for (const s of p.samples) if (samples.length < 20) samples.push(s);
  }
  return { counts, total: Object.values(counts).reduce((a, b) => a + b, 0), samples };
}
function percentile(hist, total, q) {
  if (!total) return null;
  const rank = Math.ceil(q * total);
  let acc = 0;
  for (let i = 0; i < hist.length; i++) { acc += hist[i]; if (acc >= rank) return Math.exp((i + 0.5) / 100) / 1000; } // ms
  return null;
}
const r2 = (x) => (x === null || x === undefined || !Number.isFinite(x) ? null : Math.round(x * 100) / 100);

async function openSubs(cfg, n) {
  const parts = split(n, WORKERS);
  const per = Math.max(1, Math.ceil(BATCH / WORKERS));
  let base = 0;
  const res = await Promise.all(parts.map((cnt, i) => {
    const idBase = base; base += cnt;
    return cnt ? workers[i].call('open', { cfg, count: cnt, concurrency: per, idBase }, openTimeout(cnt)) : { ok: 0, failed: 0, ms: 0 };
  }));
  return { ok: res.reduce((a, r) => a + r.ok, 0), failed: res.reduce((a, r) => a + r.failed, 0), ms: Math.max(...res.map((r) => r.ms)) };
}
async function closeSubs() {
  await Promise.all(workers.slice(0, WORKERS).map((w) => w.call('close', { concurrency: Math.max(1, Math.ceil(BATCH / WORKERS)) }, 120000).catch(() => null)));
}
const subWorkers = () => workers.slice(0, WORKERS);
async function allStats() {
  // a worker swamped with deliveries may answer late: count it as "no news" rather than fail the run
  const st = await Promise.all(subWorkers().map((w) => w.call('stats', {}, 30000).catch(() => ({ received: 0, unique: 0, open: 0, held: 0, problems: 0, late: true }))));
  if (st.some((x) => x.late)) return null;
  return st.reduce((a, s) => ({ received: a.received + s.received, unique: a.unique + s.unique, open: a.open + s.open, held: a.held + s.held, problems: a.problems + s.problems }),
    { received: 0, unique: 0, open: 0, held: 0, problems: 0 });
}

// ---------------------------------------------------------------- scenario a / b
async function runFanout(tname, sc) {
  const cfg = targets[tname];
  const srv = serverInfo[tname];
  const result = { target: tname, scenario: sc.name, subscribers: sc.subs, mode: sc.mode, rate: sc.rate || null, seconds: sc.durationMs / 1000, problems: null, valid: false, notes: [] };
  await Promise.all(subWorkers().map((w) => w.call('reset-problems')));
  log(`[${tname}/${sc.name}] opening ${sc.subs} subscribers on ${cfg.destination} …`);
  const opened = await openSubs(cfg, sc.subs);
  result.opened = opened;
  log(`[${tname}/${sc.name}] ${opened.ok} subscribed, ${opened.failed} failed (${(opened.ms / 1000).toFixed(1)} s)`);
  if (opened.ok === 0) {
    result.problems = mergeProblems((await Promise.all(subWorkers().map((w) => w.call('report')))).map((r) => r.problems));
    await closeSubs();
    result.notes.push('no subscriber could connect');
    return result;
  }
  const tag = `${tname}-${sc.name}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const slotMs = 100;
  const t0 = clock();
  const slots = Math.ceil((sc.durationMs + num('drain-seconds') * 1000 + 20000) / slotMs);
  await Promise.all(subWorkers().map((w) => w.call('arm', { tag, t0, slotMs, slots })));
  const cpu0 = srv.pid ? procCpuMs(srv.pid) : null;
  const snap0 = cpuSnapshot(srv.pid);
  let snapWin = null;
  const winTimer = setTimeout(() => { snapWin = cpuSnapshot(srv.pid); }, sc.durationMs);
  log(`[${tname}/${sc.name}] publishing ${sc.mode === 'fast' ? 'as fast as possible' : sc.rate + ' msg/s'} for ${sc.durationMs / 1000} s …`);
  let pub;
  try {
    pub = await workers[WORKERS].call('publish', {
      cfg: { ...cfg, connectHeaders: cfg.pubConnectHeaders }, tag, mode: sc.mode, rate: sc.rate, durationMs: sc.durationMs,
      maxMessages: sc.maxMessages, maxBuffered: num('max-buffered'), pad: sc.pad ?? num('pad'), closeTimeoutMs: num('drain-seconds') * 1000,
    }, sc.durationMs + num('drain-seconds') * 1000 + 2 * TIMEOUT_MS + 30000);
  } catch (e) {
    pub = { sent: 0, failed: e.message, problems: e.problems };
    result.notes.push(`publisher failed: ${e.message}`);
  }
  // drain: until every expected delivery arrived, or nothing new for idle-seconds, bounded by drain-seconds
  const expected = pub.sent * opened.ok;
  const drainEnd = (pub.tLastSend || clock()) + num('drain-seconds') * 1000; // the drain bound counts from the last SEND
  let last = -1, lastChange = clock(), st, drainEndedBy;
  for (;;) {
    const cur = await allStats();
    if (!cur) { if (clock() >= drainEnd) { drainEndedBy = 'bound'; break; } await sleep(250); continue; }
    st = cur;
    if (st.unique !== last) { last = st.unique; lastChange = clock(); }
    if (st.unique >= expected) { drainEndedBy = 'complete'; break; }
    if (clock() - lastChange >= num('idle-seconds') * 1000) { drainEndedBy = 'idle'; break; } // nothing more comes: loss
    if (clock() >= drainEnd) { drainEndedBy = 'bound'; break; } // still arriving: backlog, not loss
    await sleep(250);
  }
  const cpu1 = srv.pid ? procCpuMs(srv.pid) : null;
  clearTimeout(winTimer);
  const snap1 = cpuSnapshot(srv.pid);
  snapWin ??= snap1; // everything was delivered before the window's timer fired (b: the last SEND is at 19.9 s)
  const reps = await Promise.all(subWorkers().map((w) => w.call('report', {}, 60000)));
  await closeSubs();
  st ??= { open: 0, held: 0 };

  // merge
  const hist = new Uint32Array(HIST_BUCKETS);
  let timeline = null;
  const agg = { received: 0, unique: 0, duplicates: 0, reordered: 0, foreign: 0, unparsable: 0, negative: 0, sumMs: 0, maxMs: 0, lastRecv: 0 };
  let clientCpuMs = 0;
  for (const r of reps) {
    clientCpuMs += r.cpuMs;
    const mm = r.measurement;
    if (!mm) continue;
    for (let i = 0; i < HIST_BUCKETS; i++) hist[i] += mm.hist[i];
    if (!timeline) timeline = new Float64Array(mm.timeline.length);
    for (let i = 0; i < mm.timeline.length; i++) timeline[i] += mm.timeline[i];
    for (const k of ['received', 'unique', 'duplicates', 'reordered', 'foreign', 'unparsable', 'negative', 'sumMs']) agg[k] += mm[k];
    agg.maxMs = Math.max(agg.maxMs, mm.maxMs); agg.lastRecv = Math.max(agg.lastRecv, mm.lastRecv);
  }
  const problems = mergeProblems([...reps.map((r) => r.problems), pub.problems]);
  result.problems = problems;

  // deliveries within [tStart, tStart + duration] (fractional overlap of 100 ms slots)
  let inWindow = 0;
  if (pub.tStart && timeline) {
    const ws = (pub.tStart - t0) / slotMs, we = ws + sc.durationMs / slotMs;
    for (let i = Math.floor(ws); i < Math.ceil(we) && i < timeline.length; i++) {
      const ov = Math.min(i + 1, we) - Math.max(i, ws);
      if (ov > 0) inWindow += timeline[i] * ov;
    }
  }
  const pct = (q) => { const v = percentile(hist, agg.unique, q); return v === null ? null : Math.min(v, agg.maxMs); };
  const pubSecs = pub.tLastSend && pub.tStart ? (pub.tLastSend - pub.tStart) / 1000 : null;
  Object.assign(result, {
    published: pub.sent, publishSeconds: r2(pubSecs), publishedPerSec: pubSecs ? Math.round(pub.sent / pubSecs) : null,
    acceptedPerSec: pub.tAccepted ? Math.round(pub.sent / ((pub.tAccepted - pub.tStart) / 1000)) : null,
    publisherBufferWaits: pub.bufferWaits ?? null, publisherSkipped: pub.skipped ?? null,
    publisherReceiptAfterLastSendMs: r2(pub.receiptAfterLastSendMs ?? null),
    expected, delivered: agg.unique, duplicates: agg.duplicates, reordered: agg.reordered, foreign: agg.foreign, unparsable: agg.unparsable,
    drainEndedBy,
    lost: drainEndedBy === 'bound' ? null : expected - agg.unique,
    lossPct: drainEndedBy === 'bound' || !expected ? null : r2(((expected - agg.unique) / expected) * 100),
    outstandingAtDrainBound: drainEndedBy === 'bound' ? expected - agg.unique : 0,
    deliveriesInWindow: Math.round(inWindow), deliveriesPerSec: Math.round(inWindow / (sc.durationMs / 1000)),
    deliveriesPerSecOverall: agg.lastRecv && pub.tStart ? Math.round(agg.unique / ((agg.lastRecv - pub.tStart) / 1000)) : null,
    lastDeliveryAfterStartS: agg.lastRecv && pub.tStart ? r2((agg.lastRecv - pub.tStart) / 1000) : null,
    latencyMs: {
      // bucket midpoints, never above the exact max
      p50: r2(pct(0.5)), p95: r2(pct(0.95)), p99: r2(pct(0.99)), p999: r2(pct(0.999)),
      max: r2(agg.maxMs), mean: agg.unique ? r2(agg.sumMs / agg.unique) : null,
      note: 'histogram with 1 % wide buckets; max is exact',
    },
    subscribersOpenAtEnd: st.open, subscribersHeld: st.held,
    serverCpuMs: cpu0 !== null && cpu1 !== null ? Math.round(cpu1 - cpu0) : null,
    clientCpuMs: Math.round(clientCpuMs + (pub.cpuMs || 0)),
    negativeLatencies: agg.negative,
    cpuDuringPublishWindow: cpuDiff(snap0, snapWin), cpuWholeRun: cpuDiff(snap0, snap1),
  });
  const w = result.cpuDuringPublishWindow;
  // what the client costs per delivery: on 2 cores it caps how fast a server can be shown to be
  result.harnessCpuUsPerDelivery = w && result.deliveriesInWindow ? Math.round((w.harnessCores * w.seconds * 1e6) / result.deliveriesInWindow) : null;
  const other = result.cpuDuringPublishWindow?.otherCores;
  if (other !== null && other !== undefined && other > 0.2) result.notes.push(`machine not quiet: other processes used ${other} cores during the publish window`);
  // validity: errors are reported, never silently turned into "fewer deliveries"
  if (opened.failed) result.notes.push(`${opened.failed} subscribers failed to connect/subscribe`);
  if (st.open < opened.ok) result.notes.push(`${opened.ok - st.open} subscriber connections closed during the run`);
  if (pub.skipped) result.notes.push(`publisher skipped ${pub.skipped} scheduled sends because its socket buffer was full`);
  if (pub.connOpenAtEnd === false) result.notes.push('publisher connection was closed before it finished');
  if (problems.total) result.notes.push(`problems: ${JSON.stringify(problems.counts)}`);
  if (agg.duplicates) result.notes.push(`${agg.duplicates} duplicate deliveries`);
  if (result.lost > 0) result.notes.push(`${result.lost} deliveries missing: nothing more arrived for ${opt['idle-seconds']} s`);
  if (drainEndedBy === 'bound') result.notes.push(`${result.outstandingAtDrainBound} deliveries still on their way when the ${opt['drain-seconds']} s drain bound ended (server backlog; not counted as loss)`);
  if (pub.sent && !pub.tAccepted) result.notes.push(`no RECEIPT for the last SEND within ${opt['drain-seconds']} s: the server had not read all ${pub.sent} SENDs by then`);
  result.valid = !opened.failed && st.open === opened.ok && problems.total === 0 && pub.sent > 0 && pub.connOpenAtEnd !== false;
  return result;
}

// ---------------------------------------------------------------- scenario c
async function runIdle(tname, sc) {
  const cfg = targets[tname];
  const srv = serverInfo[tname];
  const result = { target: tname, scenario: 'c', connections: sc.conns, valid: false, notes: [], pid: srv.pid, pidHow: srv.pidHow };
  await Promise.all(subWorkers().map((w) => w.call('reset-problems')));
  if (!srv.pid) result.notes.push(`server RSS not measured: ${srv.pidHow}`);
  const lim = srv.pid ? procFdLimit(srv.pid) : null;
  result.serverFdLimit = lim;
  if (lim && lim.soft !== 'unlimited' && Number(lim.soft) < sc.conns + 200) {
    result.notes.push(`server soft fd limit ${lim.soft} < ${sc.conns} connections: restart it with a higher ulimit -n (see README)`);
  }
  const before = srv.pid ? await sampleRssKb(srv.pid) : null;
  const fdBefore = srv.pid ? procFdCount(srv.pid) : null;
  log(`[${tname}/c] server RSS before: ${before ? (before.medianKb / 1024).toFixed(1) + ' MiB' : 'n/a'}; opening ${sc.conns} idle connections, ${BATCH} at a time …`);
  const opened = await openSubs(cfg, sc.conns);
  log(`[${tname}/c] ${opened.ok} connected+subscribed, ${opened.failed} failed (${(opened.ms / 1000).toFixed(1)} s); settling ${opt['settle-seconds']} s`);
  await sleep(num('settle-seconds') * 1000);
  const after = srv.pid ? await sampleRssKb(srv.pid) : null;
  const fdAfter = srv.pid ? procFdCount(srv.pid) : null;
  const st = (await allStats()) ?? { open: 0 };
  const reps = await Promise.all(subWorkers().map((w) => w.call('report', {}, 60000)));
  const clientRss = reps.reduce((a, r) => a + r.rssBytes, 0);
  await closeSubs();
  const problems = mergeProblems(reps.map((r) => r.problems));
  const perConn = before && after && opened.ok ? ((after.medianKb - before.medianKb) * 1024) / opened.ok : null;
  Object.assign(result, {
    opened, openAtSample: st.open, rssBeforeKb: before, rssAfterKb: after,
    rssPerConnectionBytes: perConn === null ? null : Math.round(perConn),
    serverFdsBefore: fdBefore, serverFdsAfter: fdAfter, clientWorkersRssMiB: r2(clientRss / 1048576), problems,
  });
  if (opened.failed) result.notes.push(`${opened.failed} connections failed`);
  if (st.open < opened.ok) result.notes.push(`${opened.ok - st.open} connections closed before the RSS sample`);
  if (problems.total) result.notes.push(`problems: ${JSON.stringify(problems.counts)}`);
  result.valid = !opened.failed && st.open === opened.ok && problems.total === 0 && perConn !== null;
  return result;
}

// ---------------------------------------------------------------- scenario t (training room, issue 13)
/** RabbitMQ's side of t: the same subscriber count on one topic, the question rate, a question's size, as long */
async function runTrainingComparison(tname, sc) {
  const pad = Math.max(0, sc.messageBytes - 60); // {"r":…,"s":…,"t":…} is about 60 bytes without the padding
  const r = await runFanout(tname, { name: 't', kind: 'fanout', subs: sc.subs, mode: 'rate', rate: sc.qRate, durationMs: sc.durationMs, maxMessages: 1e6, pad });
  r.comparison = `${sc.subs} subscribers of ${targets[tname].destination}, ${sc.qRate} msg/s of about ${sc.messageBytes} bytes for ${sc.durationMs / 1000} s`;
  return r;
}

/** Live Hall's side of t: see training-measure.mjs (what the subscribers measure) and training-driver.mjs (the load) */
async function runTraining(tname, sc) {
  const cfg = targets[tname];
  const srv = serverInfo[tname];
  const pubW = workers[WORKERS];
  const result = { target: tname, scenario: 't', subscribers: sc.subs, seconds: sc.durationMs / 1000, valid: false, notes: [], problems: null, pid: srv.pid };
  await Promise.all(subWorkers().map((w) => w.call('reset-problems')));
  const base = { baseUrl: sc.httpUrl, keyFile: opt['t-key-file'], sessionId: Number(opt['t-session']), organiserId: Number(opt['t-organiser']) };
  const prep = await pubW.call('prepare-training', base, 60000);
  const destinations = ['viewers', 'qa', 'poll'].map((t) => `/topic/training/${base.sessionId}/${t}`);
  result.destinations = destinations; result.pollId = prep.pollId;
  const nq = Math.round((sc.qRate * sc.durationMs) / 1000);
  const t0 = clock();
  await Promise.all(subWorkers().map((w) => w.call('arm-training', { t0, maxQuestions: nq })));
  const rssBefore = srv.pid ? await sampleRssKb(srv.pid) : null;
  const joinSnap0 = cpuSnapshot(srv.pid);
  log(`[${tname}/t] session ${base.sessionId} LIVE, poll ${prep.pollId}; opening ${sc.subs} viewers on ${destinations.join(', ')} …`);
  const opened = await openSubs({ ...cfg, destinations }, sc.subs);
  const tJoined = clock();
  const joinCpu = cpuDiff(joinSnap0, cpuSnapshot(srv.pid));
  await Promise.all(subWorkers().map((w) => w.call('expect-viewers', { count: opened.ok, since: tJoined })));
  log(`[${tname}/t] ${opened.ok} viewers subscribed, ${opened.failed} failed (${(opened.ms / 1000).toFixed(1)} s); driving ${sc.qRate} questions/s, ${sc.upRate} upvotes/s, ${sc.pollVotes} poll votes in ${sc.pollSeconds} s for ${sc.durationMs / 1000} s …`);
  let rssPeakKb = 0;
  const rssTimer = setInterval(() => { const v = srv.pid ? procStatusKb(srv.pid, 'VmRSS') : null; if (v > rssPeakKb) rssPeakKb = v; }, 1000);
  const snap0 = cpuSnapshot(srv.pid);
  let drive;
  try {
    drive = await pubW.call('drive-training', {
      ...base, users: sc.users, pollId: prep.pollId, pollOptions: prep.options, durationMs: sc.durationMs, qRate: sc.qRate, upRate: sc.upRate,
      pollVotes: sc.pollVotes, pollAtMs: sc.pollAtMs, pollSeconds: sc.pollSeconds, maxInFlight: sc.maxInFlight,
    }, sc.durationMs + 90000);
  } catch (e) {
    drive = { answered: new Float64Array(nq + 1), questionsOk: 0, problems: e.problems, failed: e.message };
    result.notes.push(`driver failed: ${e.message}`);
  }
  const snap1 = cpuSnapshot(srv.pid);
  // drain: until every subscriber saw a /qa total ≥ the questions asked, or nothing new for idle-seconds, bounded
  const drainEnd = clock() + num('drain-seconds') * 1000;
  let last = -1, lastChange = clock(), st = null, drainEndedBy;
  for (;;) {
    const xs = await Promise.all(subWorkers().map((w) => w.call('training-stats', { total: drive.questionsOk }, 30000).catch(() => null)));
    if (xs.every(Boolean)) {
      st = xs.reduce((a, x) => ({ open: a.open + x.open, done: a.done + x.qaAtLeast }), { open: 0, done: 0 });
      if (st.done !== last) { last = st.done; lastChange = clock(); }
      if (st.done >= opened.ok) { drainEndedBy = 'complete'; break; }
    }
    if (clock() - lastChange >= num('idle-seconds') * 1000) { drainEndedBy = 'idle'; break; }
    if (clock() >= drainEnd) { drainEndedBy = 'bound'; break; }
    await sleep(250);
  }
  // one more second: the last /viewers and /poll values settle (each is published at most every 500 ms)
  await sleep(1500);
  clearInterval(rssTimer);
  const rssAfter = srv.pid ? await sampleRssKb(srv.pid) : null;
  const reps = await Promise.all(subWorkers().map((w) => w.call('training-report', { answered: drive.answered }, 60000)));
  const tEnd = clock();
  await closeSubs();
  const tr = mergeTrainingReports(reps.map((x) => x.training), HIST_BUCKETS);
  const problems = mergeProblems([...reps.map((x) => x.problems), drive.problems]);
  const q = tr.question, v = tr.viewers;
  const pctOf = (h, total, max) => (x) => { const p = percentile(h, total, x); return p === null ? null : r2(Math.min(p, max)); };
  const qp = pctOf(q.hist, q.delivered, q.maxMs), vp = pctOf(v.hist, v.agreed, v.maxMs);
  const measuredS = (tEnd - tJoined) / 1000;
  const perSub = (t) => (opened.ok ? r2(tr.updates[t] / opened.ok / measuredS) : null);
  const cpuWin = cpuDiff(snap0, snap1);
  Object.assign(result, {
    opened, subscribersOpenAtEnd: reps.reduce((a, x) => a + x.stats.open, 0), drainEndedBy,
    driver: drive.failed ? { failed: drive.failed } : {
      questionsPlanned: drive.questionsPlanned, questionsOk: drive.questionsOk, upvotesOk: drive.upvotesOk, pollVotesOk: drive.pollVotesOk,
      lateQuestions: drive.lateQuestions, upvoteMs: drive.upvoteMs, pollVoteMs: drive.pollVoteMs, statuses: drive.statuses, skipped: drive.skipped, inFlightAtEnd: drive.inFlightAtEnd,
      questionPostMs: summarizeMs(drive.questions.map((x) => x.ms)), seconds: r2((drive.tEnd - drive.tStart) / 1000),
    },
    latencyMs: { p50: qp(0.5), p95: qp(0.95), p99: qp(0.99), p999: qp(0.999), max: r2(q.maxMs), mean: q.delivered ? r2(q.sumMs / q.delivered) : null,
      note: 'POST /qa answered → first /qa snapshot at a subscriber with total ≥ the question\'s number; 1 % histogram buckets, max exact' },
    questionDeliveries: { expected: drive.questionsOk * opened.ok, delivered: q.delivered, missing: q.missing, negative: q.negative },
    updatesPerSecondPerSubscriber: { viewers: perSub('viewers'), qa: perSub('qa'), poll: perSub('poll'), overSeconds: r2(measuredS) },
    updates: tr.updates, threeInASecond: tr.threeInASecond, maxInASecond: tr.maxInASecond, secondsOver2: tr.secondsOver2, minGapMs: Object.fromEntries(Object.entries(tr.minGapMs).map(([k, x]) => [k, r2(x)])),
    viewerCount: { trueCount: opened.ok, agreeAfterJoinsMs: { p50: vp(0.5), p99: vp(0.99), max: r2(v.maxMs) }, agreed: v.agreed, neverAgreed: v.notAgreed,
      disagreementsAfterAgreeing: v.disagreements, lastSeen: v.lastSeen },
    finalSeen: { qaTotal: tr.qaTotalSeen, questionsAsked: drive.questionsOk, pollVoters: tr.pollVotersSeen, pollVotesAccepted: drive.pollVotesOk },
    parsesPerWorker: r2(tr.parses / WORKERS), problems,
    rssBeforeKb: rssBefore, rssPeakKb, rssAfterKb: rssAfter,
    cpuDuringJoins: joinCpu, cpuDuringDrive: cpuWin,
    clientWorkersRssMiB: r2(reps.reduce((a, x) => a + x.rssBytes, 0) / 1048576),
  });
  // validity: every viewer stayed, every question reached every viewer, the counts shown were right, nothing refused
  const open = result.subscribersOpenAtEnd;
  if (opened.failed) result.notes.push(`${opened.failed} viewers failed to connect/subscribe`);
  if (open < opened.ok) result.notes.push(`${opened.ok - open} viewer connections closed during the run`);
  if (drive.questionsOk < (drive.questionsPlanned ?? nq)) result.notes.push(`only ${drive.questionsOk} of ${drive.questionsPlanned ?? nq} questions were accepted`);
  if (q.missing) result.notes.push(`${q.missing} question deliveries missing (a viewer never saw a /qa total that includes the question)`);
  if (v.notAgreed) result.notes.push(`${v.notAgreed} viewers never saw the true count ${opened.ok}`);
  if (drive.pollVotesOk !== undefined && !(tr.pollVotersSeen[drive.pollVotesOk] === opened.ok)) result.notes.push(`final poll voters seen ${JSON.stringify(tr.pollVotersSeen)} ≠ ${drive.pollVotesOk} accepted at every viewer`);
  for (const t of ['viewers', 'qa', 'poll']) if (tr.threeInASecond[t]) result.notes.push(`${t}: ${tr.threeInASecond[t]} times a viewer got 3 updates within 1 s (least gap ${result.minGapMs[t]} ms); ${tr.secondsOver2[t]} viewer-seconds (aligned) with more than 2, at most ${tr.maxInASecond[t]}`);
  if (drive.lateQuestions) result.notes.push(`${drive.lateQuestions} questions were sent more than 50 ms behind schedule (the previous POST took long)`);
  if (drive.skipped && (drive.skipped.upvote || drive.skipped.pollVote)) result.notes.push(`driver skipped ${drive.skipped.upvote} upvotes and ${drive.skipped.pollVote} poll votes (${sc.maxInFlight} requests in flight, or no question yet)`);
  if (problems.total) result.notes.push(`problems: ${JSON.stringify(problems.counts)}`);
  if (cpuWin?.otherCores > 0.2) result.notes.push(`machine not quiet: other processes used ${cpuWin.otherCores} cores during the drive`);
  result.valid = !opened.failed && open === opened.ok && opened.ok > 0 && problems.total === 0 && !q.missing && !v.notAgreed && !drive.failed
    && drive.questionsOk === drive.questionsPlanned && drive.pollVotesOk === sc.pollVotes && tr.pollVotersSeen[drive.pollVotesOk] === opened.ok;
  return result;
}
function summarizeMs(xs) {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  return { p50: at(0.5), p99: at(0.99), max: s[s.length - 1] };
}

// ---------------------------------------------------------------- report
const fmt = (x, unit = '') => (x === null || x === undefined ? '—' : (typeof x === 'number' ? x.toLocaleString('en-US') : x) + unit);
const cpuText = (c) => [c.serverCores, c.harnessCores, c.irqCores, c.otherCores].map((x) => fmt(x)).join(' / ');
function rows(results) {
  const by = (t, s) => results.find((r) => r.target === t && r.scenario === s);
  const lines = [];
  const add = (label, f, ratio) => lines.push({ label, f, ratio });
  add(`a: deliveries/s at subscribers (${SCEN.a.durationMs / 1000} s publish window)`, (r) => r && fmt(r.deliveriesPerSec), 'deliveriesPerSec');
  add('a: deliveries/s incl. drain (all delivered / time to last)', (r) => r && fmt(r.deliveriesPerSecOverall));
  add('a: published msgs/s (written to socket / read by server)', (r) => r && `${fmt(r.publishedPerSec)} / ${fmt(r.acceptedPerSec)}`);
  add('a: CPU cores in window: server / harness / irq / other', (r) => r && r.cpuDuringPublishWindow && cpuText(r.cpuDuringPublishWindow));
  add('a: harness CPU per delivery', (r) => r && fmt(r.harnessCpuUsPerDelivery, ' µs'));
  add('a: delivered / expected (loss, or backlog left at the drain bound)', (r) => r && `${fmt(r.delivered)} / ${fmt(r.expected)} (${r.drainEndedBy === 'bound' ? 'backlog ' + fmt(r.outstandingAtDrainBound) : fmt(r.lossPct, ' % lost')})`);
  add('a: latency p50 / p99 under saturation', (r) => r && `${fmt(r.latencyMs.p50)} / ${fmt(r.latencyMs.p99)} ms`);
  add('b: latency p50', (r) => r && fmt(r.latencyMs.p50, ' ms'));
  add('b: latency p95', (r) => r && fmt(r.latencyMs.p95, ' ms'));
  add('b: latency p99', (r) => r && fmt(r.latencyMs.p99, ' ms'), 'p99');
  add('b: latency max', (r) => r && fmt(r.latencyMs.max, ' ms'));
  add('b: delivered / expected (loss)', (r) => r && `${fmt(r.delivered)} / ${fmt(r.expected)} (${r.drainEndedBy === 'bound' ? 'backlog ' + fmt(r.outstandingAtDrainBound) : fmt(r.lossPct, ' % lost')})`);
  add('b: CPU cores: server / harness / irq / other', (r) => r && r.cpuDuringPublishWindow && cpuText(r.cpuDuringPublishWindow));
  add('c: connections open at sample', (r) => r && `${fmt(r.openAtSample)} / ${fmt(r.connections)}`);
  add('c: server RSS before → after', (r) => r && r.rssBeforeKb && r.rssAfterKb && `${(r.rssBeforeKb.medianKb / 1024).toFixed(1)} → ${(r.rssAfterKb.medianKb / 1024).toFixed(1)} MiB`);
  add('c: server RSS per connection', (r) => r && r.rssPerConnectionBytes !== null && `${(r.rssPerConnectionBytes / 1024).toFixed(1)} KiB`, 'rss');
  const isLh = (r) => r && r.target === 'livehall';
  add('t: subscribers (Live Hall: /viewers + /qa + /poll each; RabbitMQ: one topic)', (r) => r && `${fmt(r.opened?.ok)} / ${fmt(r.subscribers)}`);
  add('t: what is timed', (r) => r && (isLh(r) ? 'POST question answered → first /qa snapshot counting it' : `SEND → MESSAGE, ${SCEN.t.qRate} msg/s × ${SCEN.t.messageBytes} B`));
  add('t: question delivery p50 / p95', (r) => r && `${fmt(r.latencyMs.p50)} / ${fmt(r.latencyMs.p95)} ms`);
  add('t: question delivery p99', (r) => r && fmt(r.latencyMs.p99, ' ms'), 'p99');
  add('t: question delivery max', (r) => r && fmt(r.latencyMs.max, ' ms'));
  add('t: delivered / expected', (r) => r && (isLh(r) ? `${fmt(r.questionDeliveries.delivered)} / ${fmt(r.questionDeliveries.expected)}` : `${fmt(r.delivered)} / ${fmt(r.expected)}`));
  add('t: updates/s per viewer: /qa, /poll, /viewers (≤ 2)', (r) => isLh(r) && r.updatesPerSecondPerSubscriber && `${r.updatesPerSecondPerSubscriber.qa} / ${r.updatesPerSecondPerSubscriber.poll} / ${r.updatesPerSecondPerSubscriber.viewers}`);
  add('t: most updates in one clock second at a viewer: /qa, /poll, /viewers (≤ 2)', (r) => isLh(r) && r.maxInASecond && ['qa', 'poll', 'viewers'].map((t) => r.maxInASecond[t]).join(' / '));
  add('t: 3 updates within 1 s at a viewer; least gap (qa/poll/viewers)', (r) => isLh(r) && r.threeInASecond && `${['qa', 'poll', 'viewers'].map((t) => r.threeInASecond[t]).join(' / ')}; ${['qa', 'poll', 'viewers'].map((t) => fmt(r.minGapMs[t])).join(' / ')} ms`);
  add('t: viewer count = true count, after joins end: p50 / p99 / max (≤ 1 s)', (r) => isLh(r) && r.viewerCount && `${fmt(r.viewerCount.agreeAfterJoinsMs.p50)} / ${fmt(r.viewerCount.agreeAfterJoinsMs.p99)} / ${fmt(r.viewerCount.agreeAfterJoinsMs.max)} ms (${fmt(r.viewerCount.agreed)} of ${fmt(r.viewerCount.trueCount)})`);
  add('t: driver accepted: questions / upvotes / poll votes', (r) => isLh(r) && r.driver && `${fmt(r.driver.questionsOk)} / ${fmt(r.driver.upvotesOk)} / ${fmt(r.driver.pollVotesOk)}`);
  add('t: final poll voters at every viewer = votes accepted', (r) => isLh(r) && r.finalSeen && (r.finalSeen.pollVoters[r.finalSeen.pollVotesAccepted] === r.opened.ok ? 'yes' : `NO ${JSON.stringify(r.finalSeen.pollVoters)}`));
  add('t: CPU cores: server / harness / irq / other', (r) => r && (r.cpuDuringDrive ?? r.cpuDuringPublishWindow) && cpuText(r.cpuDuringDrive ?? r.cpuDuringPublishWindow));
  add('t: server RSS before → peak', (r) => isLh(r) && r.rssBeforeKb && `${(r.rssBeforeKb.medianKb / 1024).toFixed(0)} → ${(r.rssPeakKb / 1024).toFixed(0)} MiB`);
  add('valid (no errors, no closed connections)', (r) => r && (r.valid ? 'yes' : 'NO'));
  return { lines, by };
}
function ratioOf(kind, rmq, lh) {
  if (!rmq || !lh || !rmq.valid || !lh.valid) return null;
  if (kind === 'deliveriesPerSec') return rmq.deliveriesPerSec ? lh.deliveriesPerSec / rmq.deliveriesPerSec : null;
  if (kind === 'p99') return rmq.latencyMs.p99 ? lh.latencyMs.p99 / rmq.latencyMs.p99 : null;
  if (kind === 'rss') return rmq.rssPerConnectionBytes ? lh.rssPerConnectionBytes / rmq.rssPerConnectionBytes : null;
  return null;
}
function table(results) {
  const { lines, by } = rows(results);
  const scen = new Set(results.map((r) => r.scenario));
  const out = ['| | RabbitMQ Web-STOMP | Live Hall | Live Hall / RabbitMQ (target) |', '|---|---|---|---|'];
  const targetsText = { deliveriesPerSec: '≥ 1.5', p99: '≤ 1', rss: '≤ 0.5 and < 10 KB' };
  for (const l of lines) {
    const s = l.label[0];
    if (s !== 'v' && !scen.has(s)) continue;
    const cell = (t) => {
      if (!targetNames.includes(t)) return 'not run';
      try { return l.f(by(t, s)) || '—'; } catch { return '—'; } // a run that failed has no figures
    };
    let rm, lh;
    if (s === 'v') {
      const v = (t) => (targetNames.includes(t) ? (results.filter((r) => r.target === t).every((r) => r.valid) ? 'yes' : 'NO') : 'not run');
      rm = v('rabbitmq'); lh = v('livehall');
    } else { rm = cell('rabbitmq'); lh = cell('livehall'); }
    const ratio = l.ratio ? ratioOf(l.ratio, by('rabbitmq', s), by('livehall', s)) : null;
    out.push(`| ${l.label} | ${rm} | ${lh} | ${ratio === null ? (l.ratio ? `— (${targetsText[l.ratio]})` : '') : `${ratio.toFixed(2)} (${targetsText[l.ratio]})`} |`);
  }
  return out.join('\n');
}
const log = (s) => console.log(`${new Date().toISOString().slice(11, 19)} ${s}`);

// ---------------------------------------------------------------- one run at a time on a machine
// Two harnesses at once (or a RabbitMQ restart during a run) spoil each other's figures without any error, so
// a run holds this lock; rabbitmq-setup.sh checks it too.
const LOCK = '/tmp/livehall-stomp-bench.lock';
function takeLock() {
  for (let i = 0; i < 2; i++) {
    try {
      writeFileSync(LOCK, String(process.pid), { flag: 'wx' });
      process.on('exit', () => { try { if (readFileSync(LOCK, 'utf8') === String(process.pid)) unlinkSync(LOCK); } catch { /* gone */ } });
      for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { for (const w of workers) w.kill(); process.exit(130); });
      return;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      const holder = Number(readFileSync(LOCK, 'utf8'));
      let alive = false;
      try { alive = /bench\.mjs/.test(readFileSync(`/proc/${holder}/cmdline`, 'utf8')); } catch { /* not running */ }
      if (alive) { console.error(`!! another benchmark run (pid ${holder}) is in progress; wait for it to finish (lock ${LOCK})`); process.exit(1); }
      unlinkSync(LOCK); // stale
    }
  }
  throw new Error(`could not take ${LOCK}`);
}

// ---------------------------------------------------------------- main
const serverInfo = {};
async function main() {
  takeLock();
  const fdSoft = Number(sh('sh', ['-c', 'ulimit -n'])) || 0;
  const need = Math.max(...scenarios.map((s) => (s === 'c' ? SCEN.c.conns : SCEN[s].subs))) + 1000;
  if (fdSoft && fdSoft < need) {
    console.error(`!! ulimit -n is ${fdSoft}; this run needs about ${need} file descriptors. Run: ulimit -n 20000 && node bench.mjs …`);
    if (scenarios.includes('c')) process.exit(1);
  }
  for (const t of targetNames) {
    const d = detectPid(t);
    serverInfo[t] = { pid: d.pid, pidHow: d.how, fdLimit: d.pid ? procFdLimit(d.pid) : null };
    log(`${targets[t].label}: ${targets[t].url} destination ${targets[t].destination} (send ${targets[t].sendDestination}); server pid ${d.pid ?? 'unknown'} (${d.how})${serverInfo[t].fdLimit ? `, fd limit ${serverInfo[t].fdLimit.soft}` : ''}`);
  }
  const meta = {
    command: `node bench.mjs ${process.argv.slice(2).join(' ')}`.trim(),
    date: new Date().toISOString(),
    machine: { nproc: os.availableParallelism?.() ?? os.cpus().length, memGiB: r2(os.totalmem() / 2 ** 30), kernel: os.release(), node: process.version, ulimitN: fdSoft },
    rabbitmqVersion: targetNames.includes('rabbitmq') ? sh('rabbitmqctl', ['version']) : null,
    gitCommit: sh('git', ['-C', here, 'rev-parse', '--short', 'HEAD']),
    loadavgAtStart: os.loadavg().map(r2),
    options: opt, workers: WORKERS, scenarioOrder: scenarios, targets, servers: serverInfo,
  };
  for (let i = 0; i <= WORKERS; i++) workers.push(new Worker(i, i < WORKERS ? 'subscribers' : 'publisher'));

  const results = [];
  let first = true;
  for (const s of scenarios) {
    for (const t of targetNames) {
      if (!first) await sleep(num('pause-seconds') * 1000);
      first = false;
      const quiet = await waitQuiet();
      if (quiet && quiet.seconds > 3) log(`[${t}/${s}] waited ${quiet.seconds} s for the servers and the machine to go idle${quiet.quiet ? '' : ` (they did not: bound reached; ${JSON.stringify(quiet.last)})`}`);
      let r;
      try {
        if (SCEN[s].kind === 'idle') r = await runIdle(t, SCEN.c);
        else if (SCEN[s].kind === 'training') r = t === 'livehall' ? await runTraining(t, SCEN.t) : await runTrainingComparison(t, SCEN.t);
        else r = await runFanout(t, SCEN[s]);
      } catch (e) {
        r = { target: t, scenario: s, valid: false, notes: [`harness failure: ${e.message}`], problems: e.problems ?? null };
        await closeSubs();
      }
      r.serverIdleBefore = quiet;
      if (quiet && !quiet.quiet) r.notes.push(`machine was not idle before this run (waited ${quiet.seconds} s; last second: servers ${quiet.last?.serverCores} cores, other processes ${quiet.last?.otherCores} cores)`);
      results.push(r);
      summarize(r);
    }
  }
  for (const w of workers) { w.call('exit', {}, 2000).catch(() => {}); }
  await sleep(300);
  for (const w of workers) if (!w.dead) w.kill();

  meta.loadavgAtEnd = os.loadavg().map(r2);
  const ratios = {};
  if (targetNames.length === 2) {
    const get = (t, s) => results.find((r) => r.target === t && r.scenario === s);
    for (const [k, s] of [['deliveriesPerSec', 'a'], ['p99', 'b'], ['rss', 'c'], ['p99', 't']]) {
      if (k === 'p99' && s === 't') { const v = ratioOf(k, get('rabbitmq', s), get('livehall', s)); if (v !== null) ratios.trainingP99 = r2(v); continue; }
      const v = ratioOf(k, get('rabbitmq', s), get('livehall', s));
      if (v !== null) ratios[k] = r2(v);
    }
  }
  const md = table(results);
  const stamp = meta.date.replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
  const outDir = resolve(opt.out);
  if (!existsSync(outDir)) mkdirSync(outDir, { recursive: true });
  const base = join(outDir, `stomp-${targetNames.join('-')}-${stamp}`);
  writeFileSync(`${base}.json`, JSON.stringify({ meta, results, ratios }, (k, v) => (v instanceof Uint32Array || v instanceof Float64Array ? undefined : v), 2) + '\n');
  writeFileSync(`${base}.md`, `${meta.command}\n${meta.date}, ${meta.machine.nproc} cores, node ${meta.machine.node}, kernel ${meta.machine.kernel}${meta.rabbitmqVersion ? ', RabbitMQ ' + meta.rabbitmqVersion : ''}\n\n${md}\n`);
  console.log('\n' + md + '\n');
  console.log(`results: ${base}.json (+ .md)`);
  process.exit(results.every((r) => r.valid) ? 0 : 1);
}

function summarize(r) {
  const tag = `[${r.target}/${r.scenario}]`;
  if (r.scenario === 'c') log(`${tag} RSS/connection ${r.rssPerConnectionBytes ?? '—'} B, open ${r.openAtSample ?? '—'}/${r.connections} ${r.valid ? 'OK' : 'INVALID'}`);
  else if (r.scenario === 't' && r.target === 'livehall' && r.latencyMs) log(`${tag} question delivery p50 ${r.latencyMs.p50} p95 ${r.latencyMs.p95} p99 ${r.latencyMs.p99} max ${r.latencyMs.max} ms, ${r.questionDeliveries.delivered}/${r.questionDeliveries.expected}; updates/s qa ${r.updatesPerSecondPerSubscriber.qa} poll ${r.updatesPerSecondPerSubscriber.poll} viewers ${r.updatesPerSecondPerSubscriber.viewers}; count right after ${r.viewerCount.agreeAfterJoinsMs.max} ms (max) ${r.valid ? 'OK' : 'INVALID'}`);
  else if (r.latencyMs) log(`${tag} deliveries/s ${r.deliveriesPerSec}, published/s ${r.publishedPerSec}, delivered ${r.delivered}/${r.expected}, p50 ${r.latencyMs.p50} p95 ${r.latencyMs.p95} p99 ${r.latencyMs.p99} max ${r.latencyMs.max} ms ${r.valid ? 'OK' : 'INVALID'}`);
  for (const n of r.notes || []) log(`${tag}   note: ${n}`);
  for (const s of r.problems?.samples?.slice(0, 5) || []) log(`${tag}   ${s.kind} (${s.phase}): ${s.detail}`);
}

main().catch((e) => { console.error(e); for (const w of workers) w.kill(); process.exit(2); });
