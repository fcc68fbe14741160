// Flash-sale order benchmark against a running Live Hall (see README.md). No dependencies: Node's http with
// keep-alive sockets, one request in flight per client. Tokens are minted with the app's own signing key.
//
//   node bench.mjs   (environment: BASE, KEY_FILE, MERCHANT_USER_ID, PRODUCT_ID, SESSION_ID, SOLDOUT_SESSION_ID,
//                     FIRST_BUYER, LAST_BUYER, CLIENTS, SECONDS, SOLDOUT_SECONDS, QUANTITY, OUT)
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { env } from '../lib/args.mjs';
import { post as postJson } from '../lib/http.mjs';
import { MS_PER_TICK, postgresTicks, ticks } from '../lib/machine.mjs';
import { percentile } from '../lib/stats.mjs';
import { mint as mintToken, signingKey } from '../lib/token.mjs';

const BASE = new URL(env('BASE', 'http://127.0.0.1:18096'));
const CLIENTS = Number(env('CLIENTS', '64'));
const SECONDS = Number(env('SECONDS', '20'));
const WARMUP = Number(env('WARMUP_SECONDS', '30'));
const SOLDOUT_SECONDS = Number(env('SOLDOUT_SECONDS', '10'));
const QUANTITY = Number(env('QUANTITY', '100000'));
const key = signingKey(env('KEY_FILE'));
const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });

const mint = (userId, roles) => mintToken(key, { userId, username: `bench-${userId}`, name: `买家${userId}`, roles });
const post = (path, token, body, idempotencyKey) => postJson(BASE, agent, path, token, body, idempotencyKey);

/**
 * CPU time (ms) used so far by the app (APP_PID), Redis (REDIS_PID) and the PostgreSQL backends of database DB,
 * from /proc, and by this client: what an order costs, whatever else the machine is doing.
 */
function cpuMs() {
  const own = process.cpuUsage();
  return {
    app: ticks(env('APP_PID', '0')) * MS_PER_TICK, redis: ticks(env('REDIS_PID', '0')) * MS_PER_TICK,
    postgres: postgresTicks(env('DB', 'livehall_orders')) * MS_PER_TICK, client: (own.user + own.system) / 1000,
  };
}

function cpuPer(before, after, n) {
  const per = (k) => Math.round(((after[k] - before[k]) / Math.max(1, n)) * 1000) / 1000;
  const out = { app: per('app'), redis: per('redis'), postgres: per('postgres') };
  out.total = Math.round((out.app + out.redis + out.postgres) * 1000) / 1000;
  out.projectedPerSecondOnTwoIdleCores = Math.round(2000 / Math.max(0.001, out.total));
  out.client = per('client'); // this load generator, on the same cores (not in the total)
  return out;
}

const recipient = { name: '压测买家', phone: '13800138000', address: '陕西省西安市雁塔区科技路 1 号' };
const buyers = [];
for (let id = Number(env('FIRST_BUYER')); id <= Number(env('LAST_BUYER')); id++) buyers.push({ id, token: mint(id, ['VIEWER']) });
const merchant = mint(Number(env('MERCHANT_USER_ID')), ['MERCHANT', 'VIEWER']);

async function openDeal(sessionId, quantity, limit) {
  const res = await post('/api/merchant/flash-deals', merchant, {
    sessionId, productId: Number(env('PRODUCT_ID')), priceFen: 5900, quantity, perBuyerLimit: limit, durationSeconds: 300,
  });
  if (res.status !== 201) throw new Error(`opening the deal failed: ${res.status} ${res.body}`);
  return JSON.parse(res.body);
}

/** CLIENTS loops, each one request at a time, until `until`; counts statuses and latencies inside [from, until). */
async function hammer(dealId, from, until) {
  let cpuFrom = null;
  const counts = {};
  const latencies = [];
  let next = 0;
  let all = 0;
  const loop = async () => {
    while (Date.now() < until) {
      const buyer = buyers[next++ % buyers.length];
      const started = performance.now();
      const t0 = Date.now();
      if (t0 >= from && cpuFrom === null) cpuFrom = cpuMs();
      const res = await post('/api/orders', buyer.token, { dealId, quantity: 1, recipient }, crypto.randomUUID());
      all++;
      if (t0 >= from) {
        const tag = res.status === 409 ? `409 ${JSON.parse(res.body).type.split('/').pop()}` : String(res.status);
        counts[tag] = (counts[tag] ?? 0) + 1;
        latencies.push(performance.now() - started);
      } else if (res.status === 201) {
        counts.warmup201 = (counts.warmup201 ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, loop));
  const cpuTo = cpuMs();
  latencies.sort((a, b) => a - b);
  const pct = (p) => Math.round(percentile(latencies, p) * 10) / 10;
  return { counts, sent: all, p50: pct(50), p95: pct(95), p99: pct(99), cpuFrom, cpuTo };
}

const result = { clients: CLIENTS, seconds: SECONDS, buyers: buyers.length, quantity: QUANTITY };
// 1. accepted orders: a deal large enough that every buy succeeds
const deal = await openDeal(Number(env('SESSION_ID')), QUANTITY, 1000);
result.dealId = deal.id;
const start = Date.now();
const accepted = await hammer(deal.id, start + WARMUP * 1000, start + (WARMUP + SECONDS) * 1000);
result.accepted = { ...accepted, perSecond: Math.round(((accepted.counts['201'] ?? 0) / SECONDS) * 10) / 10 };
result.accepted.total201 = (accepted.counts['201'] ?? 0) + (accepted.counts.warmup201 ?? 0);
result.accepted.cpuMsPerOrder = cpuPer(accepted.cpuFrom, accepted.cpuTo, accepted.counts['201'] ?? 0);
delete result.accepted.cpuFrom;
delete result.accepted.cpuTo;

// 2. sold out: a one-unit deal, bought, then everyone keeps trying
const soldOut = await openDeal(Number(env('SOLDOUT_SESSION_ID')), 1, 1);
result.soldOutDealId = soldOut.id;
const first = await post('/api/orders', buyers[0].token, { dealId: soldOut.id, quantity: 1, recipient }, crypto.randomUUID());
if (first.status !== 201) throw new Error(`the one unit was not sold: ${first.status} ${first.body}`);
const s2 = Date.now();
const refused = await hammer(soldOut.id, s2 + 1000, s2 + (1 + SOLDOUT_SECONDS) * 1000);
result.soldOut = { ...refused, perSecond: Math.round(((refused.counts['409 sold-out'] ?? 0) / SOLDOUT_SECONDS) * 10) / 10 };
result.soldOut.cpuMsPerRefusal = cpuPer(refused.cpuFrom, refused.cpuTo, refused.counts['409 sold-out'] ?? 0);
delete result.soldOut.cpuFrom;
delete result.soldOut.cpuTo;

fs.writeFileSync(env('OUT', '/dev/stdout'), JSON.stringify(result, null, 2) + '\n');
agent.destroy();
