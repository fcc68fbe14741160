#!/usr/bin/env node
// Catalogue GET from the Redis cache vs a trivial endpoint in the same JVM, side by side, same client.
// A lean HTTP/1.1 keep-alive client on raw sockets (no pipelining, ../lib/http.mjs): each of N connections sends the
// next request as soon as the previous response is complete. Rounds alternate the two targets so both see the
// same machine conditions. Usage: node bench.mjs --base http://127.0.0.1:18095 --product 1 [options]
import fs from 'node:fs';
import { parseArgs } from '../lib/args.mjs';
import { getRequest, load } from '../lib/http.mjs';
import { load as loadAvg, machine as describeMachine } from '../lib/machine.mjs';
import { alternate, failures, medians, printTable } from '../lib/rounds.mjs';

const args = parseArgs();
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

/** The load of ../lib/http.mjs, counting the cache's hits and misses the catalogue reports in a header. */
async function run(target, durationMs) {
  let hits = 0, misses = 0;
  const request = getRequest(base, target.path);
  const res = await load({ base, connections, durationMs, request: () => request,
    onHead: (head) => {
      const cache = /\r\nx-catalogue-cache: *(\w+)/i.exec(head);
      if (cache) cache[1] === 'hit' ? hits++ : misses++;
    } });
  const { requests, ok, bad, errors, seconds: elapsed, rps, p50, p99 } = res;
  return { requests, ok, bad, errors, hits, misses, seconds: elapsed, rps, p50, p99 };
}

const machine = describeMachine({ cpu: false });
console.log(`machine: ${machine.nproc} cores, kernel ${machine.kernel}, ${machine.node}, ${machine.java}; load ${machine.loadBefore}`);
console.log(`${connections} connections, ${rounds} × ${seconds} s per target, ${warmup} s warm-up each`);

const results = await alternate({ targets, run, rounds, seconds, warmup, entry: (t) => ({ ...t }),
  extra: (t, res) => `${res.bad ? `, ${res.bad} non-200` : ''}${t.cached ? `, cache hits ${res.hits}/${res.hits + res.misses}` : ''}` });
machine.loadAfter = loadAvg();
medians(results, { keepRun: false });
const ratio = results[1].medianRps / results[0].medianRps;
printTable(results);
console.log(`\nratio catalogue / trivial: ${ratio.toFixed(2)} (target ≥ 0.6); load after ${machine.loadAfter}`);
if (out) fs.writeFileSync(out, JSON.stringify({ machine, connections, seconds, rounds, warmup, results, ratio }, null, 2));
process.exit(failures(results) + results[1].runs.reduce((n, x) => n + x.misses, 0) ? 1 : 0);
