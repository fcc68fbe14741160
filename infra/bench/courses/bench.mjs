#!/usr/bin/env node
// Course library reads under 50 concurrent learners vs the trivial endpoint in the same JVM, side by side, same
// client: "my learning" (GET /api/me/learning) and a course page with the learner's progress (GET /api/courses/{id}),
// each connection logged in as its own learner. A lean HTTP/1.1 keep-alive client on raw sockets (no pipelining,
// ../lib/http.mjs): each connection sends its next request as soon as the previous answer is complete. Rounds
// alternate the targets.
// Usage: node bench.mjs --base http://127.0.0.1:18096 --learners learners.json [--connections 50 --duration 10
//        --rounds 3 --warmup 10 --out file.json --only 1]; learners.json: [{ "token": "...", "courseId": 1 }, ...]
//        --only 1 (or 1,3): load only those targets (0 trivial, 1 with a token, 2 my learning, 3 course page), e.g. while a
//        profiler records the server; prints no ratios.
import fs from 'node:fs';
import { parseArgs } from '../lib/args.mjs';
import { getRequest, load } from '../lib/http.mjs';
import { load as loadAvg, machine as describeMachine } from '../lib/machine.mjs';
import { alternate, failures, medians, printTable, roundLine } from '../lib/rounds.mjs';

const args = parseArgs();
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

const run = (target, durationMs) => load({ base, connections, durationMs,
  request: (c) => getRequest(base, target.path(learners[c]), target.auth ? learners[c].token : null) });

const machine = describeMachine();
console.log(`machine: ${machine.nproc} cores (${machine.cpu}), kernel ${machine.kernel}, ${machine.node}, ${machine.java}; load ${machine.loadBefore}`);
console.log(`${connections} connections (one learner each), ${rounds} × ${seconds} s per target, ${warmup} s warm-up each`);

if (only) {
  for (const i of only) {
    await run(targets[i], warmup * 1000);
    for (let r = 0; r < rounds; r++) {
      const res = await run(targets[i], seconds * 1000);
      console.log(`round ${r + 1} ${targets[i].name}: ${roundLine(res)}`);
    }
  }
  process.exit(0);
}
const results = await alternate({ targets, run, rounds, seconds, warmup });
machine.loadAfter = loadAvg();
medians(results);
const ratios = { myLearning: results[2].medianRps / results[0].medianRps, coursePage: results[3].medianRps / results[0].medianRps,
  withToken: results[1].medianRps / results[0].medianRps };
printTable(results);
console.log(`\nratio my learning / trivial: ${ratios.myLearning.toFixed(2)}, course page / trivial: ${ratios.coursePage.toFixed(2)}`
  + ` (trivial with a token / trivial: ${ratios.withToken.toFixed(2)})`
  + ` (target ≥ 0.5); load after ${machine.loadAfter}`);
if (out) fs.writeFileSync(out, JSON.stringify({ machine, connections, seconds, rounds, warmup, results, ratios }, null, 2));
process.exit(failures(results) ? 1 : 0);
