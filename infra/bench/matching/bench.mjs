#!/usr/bin/env node
// The fair matching page (GET /api/fairs/{id}/matches: my listings' ranked matches with their score parts) under 50
// concurrent participants vs the trivial endpoint in the same JVM, side by side, same client, each connection logged
// in as its own participant (the harness pattern of infra/bench/courses/bench.mjs). A lean HTTP/1.1 keep-alive client
// on raw sockets (no pipelining, ../lib/http.mjs):
// each connection sends its next request as soon as the previous answer is complete. Rounds alternate the targets.
// Usage: node bench.mjs --base http://127.0.0.1:18097 --members members.json [--connections 50 --duration 10
//        --rounds 3 --warmup 10 --out file.json]; members.json: [{ "token": "...", "fairId": 1 }, ...]
import fs from 'node:fs';
import { parseArgs } from '../lib/args.mjs';
import { getRequest, load } from '../lib/http.mjs';
import { load as loadAvg, machine as describeMachine } from '../lib/machine.mjs';
import { alternate, failures, medians, printTable } from '../lib/rounds.mjs';

const args = parseArgs();
const base = new URL(args.base ?? 'http://127.0.0.1:18096');
const learners = JSON.parse(fs.readFileSync(args.members, 'utf8'));
const connections = Number(args.connections ?? 50);
const seconds = Number(args.duration ?? 10);
const rounds = Number(args.rounds ?? 3);
const warmup = Number(args.warmup ?? 10);
const out = args.out;
if (learners.length < connections) throw new Error(`need ${connections} members, got ${learners.length}`);

const targets = [
  { name: 'trivial GET /api/bench/ping', path: () => '/api/bench/ping', auth: false },
  // the same with the learner's token: what the JWT check and the revocation lookup cost on their own
  { name: 'trivial with a token', path: () => '/api/bench/ping', auth: true },
  { name: 'my matches GET /api/fairs/{id}/matches', path: (m) => `/api/fairs/${m.fairId}/matches`, auth: true },
];

const run = (target, durationMs) => load({ base, connections, durationMs,
  request: (c) => getRequest(base, target.path(learners[c]), target.auth ? learners[c].token : null) });

const machine = describeMachine();
console.log(`machine: ${machine.nproc} cores (${machine.cpu}), kernel ${machine.kernel}, ${machine.node}, ${machine.java}; load ${machine.loadBefore}`);
console.log(`${connections} connections (one participant each), ${rounds} × ${seconds} s per target, ${warmup} s warm-up each`);

const results = await alternate({ targets, run, rounds, seconds, warmup });
machine.loadAfter = loadAvg();
medians(results);
const ratios = { matches: results[2].medianRps / results[0].medianRps, withToken: results[1].medianRps / results[0].medianRps };
printTable(results);
console.log(`\nratio my matches / trivial: ${ratios.matches.toFixed(2)}`
  + ` (trivial with a token / trivial: ${ratios.withToken.toFixed(2)})`
  + ` (target ≥ 0.5); load after ${machine.loadAfter}`);
if (out) fs.writeFileSync(out, JSON.stringify({ machine, connections, seconds, rounds, warmup, results, ratios }, null, 2));
process.exit(failures(results) ? 1 : 0);
