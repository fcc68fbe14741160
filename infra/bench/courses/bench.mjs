#!/usr/bin/env node
// Course library reads under 50 concurrent learners vs the trivial endpoint in the same JVM, side by side, same
// client: "my learning" (GET /api/me/learning) and a course page with the learner's progress (GET /api/courses/{id}),
// each connection logged in as its own learner. A lean HTTP/1.1 keep-alive client on raw sockets (no pipelining):
// each connection sends its next request as soon as the previous answer is complete. Rounds alternate the targets.
// Usage: node bench.mjs --base http://127.0.0.1:18096 --learners learners.json [--connections 50 --duration 10
//        --rounds 3 --warmup 10 --out file.json --only 1]; learners.json: [{ "token": "...", "courseId": 1 }, ...]
//        --only 1 (or 1,3): load only those targets (0 trivial, 1 with a token, 2 my learning, 3 course page), e.g. while a
//        profiler records the server; prints no ratios.
import net from 'node:net';
import os from 'node:os';
import fs from 'node:fs';
import { execSync } from 'node:child_process';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1] && !all[i + 1].startsWith('--') ? all[i + 1] : 'true']);
  return acc;
}, []));
const base = new URL(args.base ?? 'http://127.0.0.1:18096');
const learners = JSON.parse(fs.readFileSync(args.learners, 'utf8'));
const connections = Number(args.connections ?? 50);
const seconds = Number(args.duration ?? 10);
const rounds = Number(args.rounds ?? 3);
const warmup = Number(args.warmup ?? 10);
const out = args.out;
const only = args.only ? new Set(String(args.only).split(',').map(Number)) : null;
if (learners.length < connections) throw new Error(`need ${connections} learners, got ${learners.length}`);

const targets = [
  { name: 'trivial GET /api/bench/ping', path: () => '/api/bench/ping', auth: false },
  // the same with the learner's token: what the JWT check and the revocation lookup cost on their own
  { name: 'trivial with a token', path: () => '/api/bench/ping', auth: true },
  { name: 'my learning GET /api/me/learning', path: () => '/api/me/learning', auth: true },
  { name: 'course page GET /api/courses/{id} (with my progress)', path: (l) => `/api/courses/${l.courseId}`, auth: true },
];

/** Bytes of a complete answer at the start of buf (content-length or chunked), or -1 while incomplete. */
function complete(buf) {
  const end = buf.indexOf('\r\n\r\n');
  if (end < 0) return -1;
  const head = buf.toString('latin1', 0, end);
  const m = /\r\ncontent-length: *(\d+)/i.exec(head);
  if (m) return buf.length >= end + 4 + Number(m[1]) ? end + 4 + Number(m[1]) : -1;
  if (/\r\ntransfer-encoding: *chunked/i.test(head)) {
    let at = end + 4;
    for (;;) {
      const line = buf.indexOf('\r\n', at);
      if (line < 0) return -1;
      const size = parseInt(buf.toString('latin1', at, line), 16);
      at = line + 2 + size + 2;
      if (buf.length < at) return -1;
      if (size === 0) return at;
    }
  }
  return end + 4;
}

function run(target, durationMs) {
  const latencies = [];
  let ok = 0, bad = 0, errors = 0;
  const until = Date.now() + durationMs;
  return new Promise((resolve) => {
    let open = connections;
    for (let c = 0; c < connections; c++) {
      const learner = learners[c];
      const request = Buffer.from(`GET ${target.path(learner)} HTTP/1.1\r\nHost: ${base.host}\r\nAccept: application/json\r\n`
        + (target.auth ? `Authorization: Bearer ${learner.token}\r\n` : '') + '\r\n');
      const socket = net.connect(Number(base.port), base.hostname);
      socket.setNoDelay(true);
      let buf = Buffer.alloc(0), sent = 0;
      const send = () => { sent = performance.now(); socket.write(request); };
      socket.on('connect', send);
      socket.on('data', (chunk) => {
        buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
        for (;;) {
          const total = complete(buf);
          if (total < 0) return;
          const status = Number(buf.toString('latin1', 9, 12));
          if (status === 200) ok++; else bad++;
          latencies.push(performance.now() - sent);
          buf = buf.subarray(total);
          if (Date.now() < until) send(); else { socket.end(); return; }
        }
      });
      socket.on('error', () => { errors++; });
      socket.on('close', () => { if (--open === 0) finish(); });
    }
    const started = Date.now();
    function finish() {
      const elapsed = (Date.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      const q = (p) => latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] : NaN;
      resolve({ requests: ok + bad, ok, bad, errors, seconds: elapsed, rps: (ok + bad) / elapsed, p50: q(0.5), p99: q(0.99) });
    }
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n) => Math.round(n).toLocaleString('en-US');
const machine = {
  date: new Date().toISOString(),
  nproc: os.cpus().length,
  cpu: os.cpus()[0]?.model,
  kernel: os.release(),
  memGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  loadBefore: os.loadavg().map((l) => l.toFixed(2)).join(' '),
  java: (() => { try { return execSync('java -version 2>&1').toString().split('\n')[0]; } catch { return '?'; } })(),
};
console.log(`machine: ${machine.nproc} cores (${machine.cpu}), kernel ${machine.kernel}, ${machine.node}, ${machine.java}; load ${machine.loadBefore}`);
console.log(`${connections} connections (one learner each), ${rounds} × ${seconds} s per target, ${warmup} s warm-up each`);

if (only) {
  for (const i of only) {
    await run(targets[i], warmup * 1000);
    for (let r = 0; r < rounds; r++) {
      const res = await run(targets[i], seconds * 1000);
      console.log(`round ${r + 1} ${targets[i].name}: ${fmt(res.rps)} req/s, p50 ${res.p50.toFixed(2)} ms, p99 ${res.p99.toFixed(2)} ms`);
    }
  }
  process.exit(0);
}
for (const t of targets) await run(t, warmup * 1000);
const results = targets.map((t) => ({ name: t.name, runs: [] }));
for (let r = 0; r < rounds; r++) {
  for (let i = 0; i < targets.length; i++) {
    const res = await run(targets[i], seconds * 1000);
    results[i].runs.push(res);
    console.log(`round ${r + 1} ${targets[i].name}: ${fmt(res.rps)} req/s, p50 ${res.p50.toFixed(2)} ms, p99 ${res.p99.toFixed(2)} ms`
      + `${res.bad ? `, ${res.bad} non-200` : ''}${res.errors ? `, ${res.errors} socket errors` : ''}`);
  }
}
machine.loadAfter = os.loadavg().map((l) => l.toFixed(2)).join(' ');
for (const t of results) {
  t.medianRps = median(t.runs.map((x) => x.rps));
  t.median = t.runs.find((x) => x.rps === t.medianRps);
}
const ratios = { myLearning: results[2].medianRps / results[0].medianRps, coursePage: results[3].medianRps / results[0].medianRps,
  withToken: results[1].medianRps / results[0].medianRps };
console.log('\n| target | req/s (median of rounds) | rounds | p50 / p99 (median round) |\n|---|---|---|---|');
for (const t of results) {
  console.log(`| ${t.name} | ${fmt(t.medianRps)} | ${t.runs.map((x) => fmt(x.rps)).join(', ')} | ${t.median.p50.toFixed(2)} / ${t.median.p99.toFixed(2)} ms |`);
}
console.log(`\nratio my learning / trivial: ${ratios.myLearning.toFixed(2)}, course page / trivial: ${ratios.coursePage.toFixed(2)}`
  + ` (trivial with a token / trivial: ${ratios.withToken.toFixed(2)})`
  + ` (target ≥ 0.5); load after ${machine.loadAfter}`);
if (out) fs.writeFileSync(out, JSON.stringify({ machine, connections, seconds, rounds, warmup, results, ratios }, null, 2));
const failures = results.flatMap((t) => t.runs).reduce((n, x) => n + x.bad + x.errors, 0);
process.exit(failures ? 1 : 0);
