#!/usr/bin/env node
// Catalogue GET from the Redis cache vs a trivial endpoint in the same JVM, side by side, same client.
// A lean HTTP/1.1 keep-alive client on raw sockets (no pipelining): each of N connections sends the next
// request as soon as the previous response is complete. Rounds alternate the two targets so both see the
// same machine conditions. Usage: node bench.mjs --base http://127.0.0.1:18095 --product 1 [options]
import net from 'node:net';
import os from 'node:os';
import fs from 'node:fs';
import { execSync } from 'node:child_process';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1] && !all[i + 1].startsWith('--') ? all[i + 1] : 'true']);
  return acc;
}, []));
const base = new URL(args.base ?? 'http://127.0.0.1:18095');
const product = args.product ?? '1';
const connections = Number(args.connections ?? 32);
const seconds = Number(args.duration ?? 10);
const rounds = Number(args.rounds ?? 3);
const warmup = Number(args.warmup ?? 3);
const out = args.out;

const targets = [
  { name: 'trivial GET /api/bench/ping', path: '/api/bench/ping' },
  { name: `catalogue GET /api/products/${product} (Redis cache)`, path: `/api/products/${product}`, cached: true },
];

function run(path, durationMs) {
  const request = Buffer.from(`GET ${path} HTTP/1.1\r\nHost: ${base.host}\r\nAccept: application/json\r\n\r\n`);
  const latencies = [];
  let ok = 0, bad = 0, hits = 0, misses = 0, errors = 0;
  const until = Date.now() + durationMs;
  return new Promise((resolve) => {
    let open = connections;
    for (let c = 0; c < connections; c++) {
      const socket = net.connect(Number(base.port), base.hostname);
      socket.setNoDelay(true);
      let buf = Buffer.alloc(0), sent = 0;
      const send = () => { sent = performance.now(); socket.write(request); };
      socket.on('connect', send);
      socket.on('data', (chunk) => {
        buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
        for (;;) {
          const end = buf.indexOf('\r\n\r\n');
          if (end < 0) return;
          const head = buf.toString('latin1', 0, end);
          const m = /\r\ncontent-length: *(\d+)/i.exec(head);
          const total = end + 4 + (m ? Number(m[1]) : 0);
          if (buf.length < total) return;
          const status = Number(head.slice(9, 12));
          if (status === 200) ok++; else bad++;
          const cache = /\r\nx-catalogue-cache: *(\w+)/i.exec(head);
          if (cache) cache[1] === 'hit' ? hits++ : misses++;
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
      resolve({ requests: ok + bad, ok, bad, errors, hits, misses, seconds: elapsed,
        rps: (ok + bad) / elapsed, p50: q(0.5), p99: q(0.99) });
    }
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n) => Math.round(n).toLocaleString('en-US');

const machine = {
  date: new Date().toISOString(),
  nproc: os.cpus().length,
  kernel: os.release(),
  memGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  loadBefore: os.loadavg().map((l) => l.toFixed(2)).join(' '),
  java: (() => { try { return execSync('java -version 2>&1').toString().split('\n')[0]; } catch { return '?'; } })(),
};
console.log(`machine: ${machine.nproc} cores, kernel ${machine.kernel}, ${machine.node}, ${machine.java}; load ${machine.loadBefore}`);
console.log(`${connections} connections, ${rounds} × ${seconds} s per target, ${warmup} s warm-up each`);

for (const t of targets) await run(t.path, warmup * 1000);
const results = targets.map((t) => ({ ...t, runs: [] }));
for (let r = 0; r < rounds; r++) {
  for (const t of results) {
    const res = await run(t.path, seconds * 1000);
    t.runs.push(res);
    console.log(`round ${r + 1} ${t.name}: ${fmt(res.rps)} req/s, p50 ${res.p50.toFixed(2)} ms, p99 ${res.p99.toFixed(2)} ms`
      + `${res.bad ? `, ${res.bad} non-200` : ''}${t.cached ? `, cache hits ${res.hits}/${res.hits + res.misses}` : ''}`);
  }
}
machine.loadAfter = os.loadavg().map((l) => l.toFixed(2)).join(' ');
for (const t of results) t.medianRps = median(t.runs.map((x) => x.rps));
const ratio = results[1].medianRps / results[0].medianRps;
console.log('\n| target | req/s (median of rounds) | rounds | p50 / p99 (median round) |\n|---|---|---|---|');
for (const t of results) {
  const m = t.runs.find((x) => x.rps === t.medianRps);
  console.log(`| ${t.name} | ${fmt(t.medianRps)} | ${t.runs.map((x) => fmt(x.rps)).join(', ')} | ${m.p50.toFixed(2)} / ${m.p99.toFixed(2)} ms |`);
}
console.log(`\nratio catalogue / trivial: ${ratio.toFixed(2)} (target ≥ 0.6); load after ${machine.loadAfter}`);
if (out) fs.writeFileSync(out, JSON.stringify({ machine, connections, seconds, rounds, warmup, results, ratio }, null, 2));
const failures = results.flatMap((t) => t.runs).reduce((n, x) => n + x.bad + x.errors, 0)
  + results[1].runs.reduce((n, x) => n + x.misses, 0);
process.exit(failures ? 1 : 0);
