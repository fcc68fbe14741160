// Meeting-booking benchmark against a running Live Hall (see README.md). No dependencies: Node's http with
// keep-alive sockets. Reads the accepts setup.sql prepared (CSV: kind, round, fair, meeting, invitee user, slot) and,
// per round, fires all accepts of the race fair at once (200 bookings of 20 slots at one table: exactly 20 may win),
// then all accepts of the spread fair (a table each: all may win). Tokens are minted with the app's signing key.
//
//   node bench.mjs   (environment: BASE, KEY_FILE, ACCEPTS, CONCURRENCY, OUT, APP_PID, DB)
// CPU: the app's and PostgreSQL's (this database's backends) CPU time per accept, from /proc: what a booking costs
// whatever else the machine is doing.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { env } from '../lib/args.mjs';
import { post as postJson } from '../lib/http.mjs';
import { MS_PER_TICK, postgresTicks, ticks } from '../lib/machine.mjs';
import { percentile } from '../lib/stats.mjs';
import { mint as mintToken, signingKey } from '../lib/token.mjs';

const BASE = new URL(env('BASE', 'http://127.0.0.1:18097'));
const CONCURRENCY = Number(env('CONCURRENCY', '200'));
const key = signingKey(env('KEY_FILE'));
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

const mint = (userId) => mintToken(key, { userId, username: `bm-${userId}`, name: `企业${userId}`, roles: ['VIEWER'] });
const post = (path, token, body, idempotencyKey) =>
  postJson(BASE, agent, path, token, body, idempotencyKey, { readBody: false }).then((res) => res.status);

/** CPU ms used so far by the app (APP_PID) and the PostgreSQL backends of database DB (from /proc, USER_HZ 100). */
function cpuMs() {
  return { app: ticks(env('APP_PID', '0')) * MS_PER_TICK, postgres: postgresTicks(env('DB', 'livehall_meetings')) * MS_PER_TICK };
}

/** Fires the accepts at once (at most CONCURRENCY in flight); answers statuses, wall time and latencies. */
async function fire(accepts) {
  const tokens = accepts.map((a) => mint(a.user));
  const statuses = {};
  const latencies = [];
  let next = 0;
  const cpuBefore = cpuMs();
  const started = process.hrtime.bigint();
  const worker = async () => {
    while (next < accepts.length) {
      const i = next++;
      const a = accepts[i];
      const t0 = process.hrtime.bigint();
      const status = await post(`/api/fairs/${a.fair}/meetings/${a.meeting}/accept`, tokens[i], { slotId: a.slot }, crypto.randomUUID());
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, accepts.length) }, worker));
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const cpuAfter = cpuMs();
  const per = (k) => Math.round(((cpuAfter[k] - cpuBefore[k]) / accepts.length) * 100) / 100;
  const cpu = { appMsPerAccept: per('app'), postgresMsPerAccept: per('postgres') };
  cpu.projectedPerSecondOnTwoIdleCores = Math.round(2000 / Math.max(0.01, cpu.appMsPerAccept + cpu.postgresMsPerAccept));
  latencies.sort((x, y) => x - y);
  return { statuses, cpu, ms: Math.round(ms), perSecond: Math.round((accepts.length / ms) * 1000 * 10) / 10,
    p50: Math.round(percentile(latencies, 50)), p95: Math.round(percentile(latencies, 95)), p99: Math.round(percentile(latencies, 99)) };
}

const rows = fs.readFileSync(env('ACCEPTS'), 'utf8').trim().split('\n').map((line) => {
  const [kind, round, fair, meeting, user, slot] = line.split(',');
  return { kind, round: Number(round), fair: Number(fair), meeting: Number(meeting), user: Number(user), slot: Number(slot) };
});
const rounds = [...new Set(rows.map((r) => r.round))].sort((a, b) => a - b);
const result = { concurrency: CONCURRENCY, rounds: [] };
for (const round of rounds) {
  const race = await fire(rows.filter((r) => r.round === round && r.kind === 'race'));
  const spread = await fire(rows.filter((r) => r.round === round && r.kind === 'spread'));
  result.rounds.push({ round, race, spread });
  console.log(`round ${round}: race ${JSON.stringify(race)}; spread ${JSON.stringify(spread)}`);
}
// the first round warms the JIT; the summary is over the others (all of them when there is one)
const measured = result.rounds.length > 1 ? result.rounds.slice(1) : result.rounds;
const mean = (f) => Math.round((measured.reduce((s, r) => s + f(r), 0) / measured.length) * 10) / 10;
result.summary = {
  raceWinnersPerRound: measured.map((r) => r.race.statuses['200'] ?? 0),
  raceAttemptsPerSecond: mean((r) => r.race.perSecond),
  spreadBookingsPerSecond: mean((r) => r.spread.perSecond),
  spreadP50: mean((r) => r.spread.p50),
  spreadP99: mean((r) => r.spread.p99),
  raceCpuMsPerAccept: mean((r) => r.race.cpu.appMsPerAccept + r.race.cpu.postgresMsPerAccept),
  spreadCpuMsPerBooking: mean((r) => r.spread.cpu.appMsPerAccept + r.spread.cpu.postgresMsPerAccept),
  spreadProjectedPerSecondOnTwoIdleCores: mean((r) => r.spread.cpu.projectedPerSecondOnTwoIdleCores),
};
fs.writeFileSync(env('OUT', '/dev/stdout'), JSON.stringify(result, null, 2) + '\n');
