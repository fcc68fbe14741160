// The multi-instance proof's client mix (run by run.sh, which starts the instances and nginx and seeds the data).
// Everything goes through nginx (BASE); the truth comes from PostgreSQL (psql) and Redis (redis-cli).
//
//   1. viewers join live rooms A and B and a training session (STOMP, spread over both instances by nginx);
//   2. the mix: viewers leave and join, chat, training questions, a flash deal with limited stock, fair meeting
//      accepts racing for few slots, and product orders that keep going through step 4;
//   3. every figure the platform shows equals the truth (viewer counts on the topics, REST and in Redis; order counts
//      and GMV, deal stock, product stock, questions, bookings; the organiser dashboard when it exists);
//   4. one instance is SIGKILLed: no acknowledged order is lost, its clients reconnect through nginx to the other
//      instance, and the viewer counts are right again within 30 s (measured);
//   5. the figures of step 3 again.
// Exit code 0 when every check passed, 1 otherwise. Environment: see run.sh.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { StompConnection } from '../bench/stomp/stomp.mjs';
import { mint as mintToken, signingKey } from '../bench/lib/token.mjs';
import { checkDashboard } from './checks/dashboard.mjs';

const env = (name) => {
  if (process.env[name] === undefined) throw new Error(`${name} is not set (run infra/proof/run.sh)`);
  return process.env[name];
};
const num = (name) => Number(env(name));
const BASE = env('BASE');
const WS_URL = BASE.replace(/^http/, 'ws') + '/ws';
const QUICK = env('MODE') === 'quick';
const SCALE = QUICK
  ? { viewers: 90, mixSeconds: 8, chats: 16, questions: 12, dealQuantity: 12, dealBuyers: 36, orderWorkers: 3, afterKillSeconds: 6 }
  : { viewers: 240, mixSeconds: 15, chats: 40, questions: 30, dealQuantity: 30, dealBuyers: 90, orderWorkers: 4, afterKillSeconds: 10 };
const RECOVERY_LIMIT_MS = 30_000;
const key = signingKey(env('KEY_FILE'));
const mint = (userId, roles, name = `观众${userId}`) => mintToken(key, { userId, username: `proof-${userId}`, name, roles });
const instancePort = { [env('APP1')]: num('PORT1'), [env('APP2')]: num('PORT2') };

// ---------------------------------------------------------------------------------------------------- reporting
const results = [];
const t0 = Date.now();
const stamp = () => `${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s`;
const log = (text) => console.log(`${stamp()}  ${text}`);
function check(name, ok, detail) {
  results.push({ name, ok });
  console.log(`${stamp()}  ${ok ? 'PASS' : 'FAIL'}  ${name}${detail ? ': ' + detail : ''}`);
  return ok;
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------------- truth
const sql = (query) => execFileSync('psql', ['-d', env('DB'), '-qAt', '-c', query], { encoding: 'utf8', timeout: 10_000 }).trim();
const sqlRow = (query) => sql(query).split('|').map(Number);
const redis = (...args) => execFileSync('redis-cli', ['-u', env('REDIS_URL'), ...args], { encoding: 'utf8', timeout: 10_000 }).trim();
const pairs = (text) => { const l = text ? text.split('\n') : []; const m = {}; for (let i = 0; i + 1 < l.length; i += 2) m[l[i]] = Number(l[i + 1]); return m; };
/** Members of a room that count now: those of instances whose lease there is fresh (livehall.presence.lease, 5 s). */
const presenceNow = (room) => {
  const counts = pairs(redis('hgetall', `livehall:presence:{${room}}:counts`));
  const leases = pairs(redis('hgetall', `livehall:presence:{${room}}:leases`));
  return Object.entries(counts).reduce((n, [instance, c]) => n + (Date.now() - (leases[instance] ?? 0) <= 5000 ? c : 0), 0);
};

// ---------------------------------------------------------------------------------------------------- HTTP
async function api(method, path, token, body, idempotencyKey) {
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  try {
    const res = await fetch(BASE + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000) });
    const text = await res.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
    return { status: res.status, json, text, upstream: res.headers.get('x-livehall-upstream') };
  } catch (e) {
    return { status: 0, json: null, text: e.message, upstream: null };
  }
}
/** A create with an Idempotency-Key, retried with the same key while the answer is lost (what a client does). */
async function create(path, token, body, { budgetMs = 30_000 } = {}) {
  const idem = crypto.randomUUID();
  const until = Date.now() + budgetMs;
  let res, attempts = 0;
  for (;;) {
    res = await api('POST', path, token, body, idem);
    attempts++;
    const retry = res.status === 0 || res.status === 502 || res.status === 503 || res.status === 504
      || (res.status === 409 && res.json?.type?.endsWith('/request-in-progress'));
    if (!retry || Date.now() > until) return { ...res, attempts, idem };
    await sleep(300);
  }
}
const problem = (res) => `${res.status} ${res.json?.type?.split('/').pop() ?? res.text.slice(0, 120)}`;

/** Polls `probe` (→ { ok, detail }) until ok or `limitMs`; answers the last outcome and how long it took. */
async function until(probe, limitMs = 10_000, everyMs = 250) {
  const started = Date.now();
  for (;;) {
    const outcome = await probe();
    if (outcome.ok || Date.now() - started > limitMs) return { ...outcome, ms: Date.now() - started };
    await sleep(everyMs);
  }
}

// ---------------------------------------------------------------------------------------------------- viewers
const upstreamName = (addr) => (addr?.endsWith(`:${num('PORT1')}`) ? 'instance 1' : addr?.endsWith(`:${num('PORT2')}`) ? 'instance 2' : `? ${addr}`);
// per room, the clients' truth besides who is in now: the accounts that were ever in, the most that were in at once
const ROOMS = [
  { key: `live:${env('ROOM_A')}`, type: 'live', id: num('ROOM_A'), share: 0.5, users: new Set(), peak: 0 },
  { key: `live:${env('ROOM_B')}`, type: 'live', id: num('ROOM_B'), share: 0.3, users: new Set(), peak: 0 },
  { key: `training:${env('TRAINING_ID')}`, type: 'training', id: num('TRAINING_ID'), share: 0.2, users: new Set(), peak: 0 },
];
const viewers = new Set();
let nextViewerUser = num('FIRST_BUYER');
const buyerIds = [];
for (let id = num('FIRST_BUYER'); id <= num('LAST_BUYER'); id++) buyerIds.push(id);

/**
 * A viewer: one STOMP connection through nginx subscribed to a room's topics. When its connection drops (its instance
 * died) it connects again through nginx, as the app's client does, and notes when it was back.
 */
class Viewer {
  constructor(userId, room) {
    this.userId = userId;
    this.room = room;
    this.token = mint(userId, ['VIEWER']);
    this.state = 'new'; // new → joining → in → (dropped → joining → in)* → left
    this.viewersNow = null; // the last `now` the room's viewers topic sent this connection
    this.qaTotal = null;
    this.chats = new Set();
    this.inSince = 0;
    this.drops = [];
    this.upstream = null;
  }

  async join() {
    this.state = 'joining';
    for (let attempt = 1; ; attempt++) {
      const conn = new StompConnection({
        url: WS_URL, host: '127.0.0.1', timeoutMs: 10_000, heartBeat: '0,0',
        extraConnectHeaders: { Authorization: `Bearer ${this.token}` },
        onMessage: (frame) => this.#onMessage(frame),
        onProblem: (kind) => this.#onProblem(conn, kind),
      });
      this.conn = conn;
      const connected = conn.connect();
      conn.ws.once('upgrade', (res) => { this.upstream = res.headers['x-livehall-upstream'] ?? null; });
      try {
        await connected;
        const base = `/topic/${this.room.type}/${this.room.id}`;
        await conn.subscribe(`${base}/viewers`, 'viewers');
        if (this.room.type === 'live') await conn.subscribe(`${base}/chat`, 'chat');
        else await conn.subscribe(`${base}/qa`, 'qa');
        if (this.state === 'left') { conn.terminate(); return; }
        this.state = 'in';
        this.inSince = Date.now();
        this.room.users.add(this.userId);
        this.room.peak = Math.max(this.room.peak, inRoom(this.room).length);
        if (this.drops.length) this.drops.at(-1).back = { at: Date.now(), upstream: this.upstream, attempts: attempt };
        return;
      } catch (e) {
        conn.terminate();
        if (this.state === 'left') return;
        if (attempt >= 60) throw new Error(`viewer ${this.userId} could not join ${this.room.key}: ${e.message}`);
        await sleep(250 + Math.random() * 500);
      }
    }
  }

  #onMessage(frame) {
    const body = JSON.parse(frame.body.toString('utf8'));
    const sub = frame.headers.subscription;
    if (sub === 'viewers') this.viewersNow = body.now;
    else if (sub === 'qa') this.qaTotal = body.total;
    else if (sub === 'chat' && body.text) this.chats.add(body.text);
  }

  #onProblem(conn, kind) {
    if (conn !== this.conn || this.state !== 'in' || (kind !== 'closed' && kind !== 'socket-error')) return;
    this.state = 'dropped';
    this.viewersNow = null;
    this.drops.push({ at: Date.now(), from: this.upstream });
    setTimeout(() => this.join().catch((e) => log(`viewer ${this.userId}: ${e.message}`)), 100 + Math.random() * 400);
  }

  async leave() {
    this.state = 'left';
    viewers.delete(this);
    await this.conn?.close({ timeoutMs: 3000, receiptTimeoutMs: 3000 }).catch(() => {});
  }
}

function pickRoom(i) {
  let x = (i * 0.618034) % 1; // spread deterministically by the rooms' shares
  for (const room of ROOMS) { if (x < room.share) return room; x -= room.share; }
  return ROOMS[0];
}
async function addViewer(i) {
  const userId = nextViewerUser++;
  if (userId > num('LAST_BUYER')) throw new Error('more viewers than seeded accounts');
  const v = new Viewer(userId, pickRoom(i));
  viewers.add(v);
  await v.join();
  return v;
}
const inRoom = (room) => [...viewers].filter((v) => v.room === room && v.state === 'in');
const split = (list) => {
  const counts = {};
  for (const v of list) counts[upstreamName(v.upstream)] = (counts[upstreamName(v.upstream)] ?? 0) + 1;
  return Object.entries(counts).sort().map(([k, n]) => `${k}: ${n}`).join(', ');
};

/**
 * Peak and unique viewers of every room (REST) against the clients' truth: the most clients in at once, and the
 * accounts ever in (Redis counts them in a HyperLogLog: its estimate may be off by about 1 %).
 */
async function audienceFigures() {
  const rows = [];
  let uniques = true, peaks = true;
  for (const room of ROOMS) {
    const shown = (await api('GET', room.type === 'live' ? `/api/live-sessions/${room.id}` : `/api/training/sessions/${room.id}`)).json?.viewers;
    const uniqueOk = Math.abs((shown?.unique ?? -1000) - room.users.size) <= Math.max(1, Math.ceil(room.users.size * 0.01));
    uniques &&= uniqueOk;
    peaks &&= shown?.peak === room.peak;
    const moved = room.moved === undefined ? '' : `, ${room.moved} moved at the kill`;
    rows.push(`${room.key}: peak ${shown?.peak} (truth ${room.peak}${moved}), unique ${shown?.unique} (truth ${room.users.size})`);
  }
  return { ok: uniques && peaks, uniques, peaks, detail: rows.join('; ') };
}

/** Viewer counts of every room: the clients' truth = Redis presence = REST = what every client's topic shows. */
async function viewerFigures() {
  const rows = [];
  let ok = true;
  for (const room of ROOMS) {
    const members = [...viewers].filter((v) => v.room === room);
    const expected = members.filter((v) => v.state === 'in').length;
    const settling = members.some((v) => v.state !== 'in');
    const inRedis = presenceNow(room.key);
    const detail = await api('GET', room.type === 'live' ? `/api/live-sessions/${room.id}` : `/api/training/sessions/${room.id}`);
    const rest = detail.json?.viewers?.now;
    const shown = members.filter((v) => v.state === 'in').map((v) => v.viewersNow);
    const topicsRight = shown.every((n) => n === expected);
    const roomOk = !settling && inRedis === expected && rest === expected && topicsRight;
    ok &&= roomOk;
    rows.push(`${room.key}: clients ${expected}${settling ? ' (some reconnecting)' : ''}, Redis ${inRedis}, REST ${rest}, `
      + `topic ${topicsRight ? expected : `wrong at ${shown.filter((n) => n !== expected).length} clients`}`);
  }
  return { ok, detail: rows.join('; ') };
}

// ---------------------------------------------------------------------------------------------------- the mix
const merchant = mint(num('MERCHANT_USER_ID'), ['VIEWER', 'MERCHANT'], '验证商家');
const organiser = mint(num('ORGANISER_ID'), ['VIEWER', 'ORGANISER'], '验证主办方');
const admin = mint(num('ADMIN_ID'), ['VIEWER', 'ADMIN'], '验证管理员');
const recipient = { name: '验证买家', phone: '13800138000', address: '陕西省西安市雁塔区科技路 1 号' };
const acked = []; // every 2xx order answer: { id, idem, buyer }
const unacked = []; // orders whose answer never came (allowed to be in PostgreSQL or not)
const orderUpstreams = {};
let buyerCursor = 0;
const nextBuyer = () => buyerIds[buyerCursor++ % buyerIds.length];

async function placeOrder(body) {
  const buyer = nextBuyer();
  const res = await create('/api/orders', mint(buyer, ['VIEWER']), { ...body, recipient });
  if (res.status === 200 || res.status === 201) {
    acked.push({ id: res.json.id, idem: res.idem, buyer, deal: body.dealId ?? null, retried: res.attempts > 1 });
    orderUpstreams[upstreamName(res.upstream)] = (orderUpstreams[upstreamName(res.upstream)] ?? 0) + 1;
  } else if (res.status === 0 || res.status >= 500) {
    unacked.push({ idem: res.idem, buyer, answer: problem(res) });
  }
  return res;
}

let ordersRunning = true;
async function orderLoop(worker) {
  let n = 0;
  while (ordersRunning) {
    const sessionId = (n++ + worker) % 2 === 0 ? num('ROOM_A') : num('ROOM_B');
    const res = await placeOrder({ productId: num('PRODUCT_ID'), sessionId, quantity: 1 + (n % 3) });
    if (res.status !== 200 && res.status !== 201 && res.status !== 0 && res.status < 500) log(`order refused: ${problem(res)}`);
    await sleep(150);
  }
}

async function chatPhase() {
  const talkers = ROOMS.filter((r) => r.type === 'live').flatMap((r) => inRoom(r).slice(0, SCALE.chats / 2));
  const sent = [];
  await Promise.all(talkers.map(async (v, i) => {
    const text = `验证消息 ${i} ${crypto.randomBytes(3).toString('hex')}`;
    try {
      await v.conn.request('SEND', { destination: `/app/live/${v.room.id}/chat`, 'content-type': 'application/json' },
        JSON.stringify({ text }), 5000);
      sent.push({ room: v.room, text, at: Date.now() });
    } catch (e) {
      log(`chat of viewer ${v.userId} not acknowledged: ${e.message}`);
    }
  }));
  return sent;
}

async function questionPhase() {
  const askers = buyerIds.slice(-SCALE.questions);
  let created = 0;
  await Promise.all(askers.map(async (u, i) => {
    const res = await create(`/api/training/sessions/${env('TRAINING_ID')}/qa`, mint(u, ['VIEWER']), { text: `验证提问 ${i}：政策如何申报？` });
    if (res.status === 201) created++; else log(`question refused: ${problem(res)}`);
  }));
  return created;
}

async function dealPhase() {
  const opened = await api('POST', '/api/merchant/flash-deals', merchant, {
    sessionId: num('ROOM_A'), productId: num('PRODUCT_ID'), priceFen: 5900, quantity: SCALE.dealQuantity,
    perBuyerLimit: 1, durationSeconds: 300,
  });
  if (opened.status !== 201) throw new Error(`opening the flash deal failed: ${problem(opened)}`);
  const deal = opened.json;
  const statuses = {};
  const queue = Array.from({ length: SCALE.dealBuyers }, (_, i) => i);
  await Promise.all(Array.from({ length: 12 }, async () => {
    while (queue.length) {
      queue.pop();
      const res = await placeOrder({ dealId: deal.id, quantity: 1 });
      const tag = res.status === 409 ? problem(res) : String(res.status);
      statuses[tag] = (statuses[tag] ?? 0) + 1;
    }
  }));
  return { deal, statuses };
}

async function meetingPhase() {
  const accepts = fs.readFileSync(env('ACCEPTS'), 'utf8').trim().split('\n').map((l) => l.split(',').map(Number));
  const statuses = {};
  let booked = 0;
  await Promise.all(accepts.map(async ([meetingId, invitee, slotId]) => {
    const res = await create(`/api/fairs/${env('FAIR_ID')}/meetings/${meetingId}/accept`, mint(invitee, ['VIEWER'], '验证企业账号'), { slotId });
    const tag = res.status === 409 ? problem(res) : String(res.status);
    statuses[tag] = (statuses[tag] ?? 0) + 1;
    if (res.status === 200 || res.status === 201) booked++;
  }));
  return { booked, statuses, tried: accepts.length };
}

// ---------------------------------------------------------------------------------------------------- figures
async function checkFigures(when, { chats, questions, deal, meetings }) {
  const v = await until(viewerFigures, 15_000);
  check(`${when}: viewer counts (clients = Redis = REST = every client's topic)`, v.ok, `${v.detail} (${v.ms} ms)`);

  // the peak too, after the kill: presence never counts a crashed instance's viewers together with their reconnections
  const a = await until(audienceFigures, 5000);
  check(`${when}: peak and unique viewers (REST against the clients)`, a.ok, `${a.detail} (${a.ms} ms)`);

  if (chats) {
    const missing = [];
    for (const c of chats) {
      for (const w of inRoom(c.room)) if (w.inSince < c.at - 2000 && !w.chats.has(c.text)) missing.push(w.userId);
    }
    const receivers = ROOMS.filter((r) => r.type === 'live').flatMap(inRoom);
    check(`${when}: chat fan-out across instances`, missing.length === 0,
      `${chats.length} acknowledged messages to ${receivers.length} viewers (${split(receivers)}): ${missing.length} deliveries missing`);
  }

  const ackedIds = [...new Set(acked.map((o) => o.id))];
  const inPg = ackedIds.length ? Number(sql(`select count(*) from customer_order where id in (${ackedIds.join(',')})`)) : 0;
  const perKey = new Map();
  for (const o of acked) perKey.set(`${o.buyer}/${o.idem}`, (perKey.get(`${o.buyer}/${o.idem}`) ?? new Set()).add(o.id));
  const twoIds = [...perKey.values()].filter((s) => s.size > 1).length;
  check(`${when}: every acknowledged order is in PostgreSQL`, inPg === ackedIds.length && twoIds === 0,
    `${ackedIds.length} acknowledged (${Object.entries(orderUpstreams).map(([k, n]) => `${k}: ${n}`).join(', ')}), `
    + `${inPg} found, ${twoIds} keys with two orders, ${acked.filter((o) => o.retried).length} answered only when repeated `
    + `with the same key (502 or reset at the kill), ${unacked.length} never answered`);

  for (const room of ROOMS.filter((r) => r.type === 'live')) {
    const r = await until(async () => {
      const [orders, gmv] = sqlRow(`select count(*), coalesce(sum(total_fen), 0) from customer_order where session_id = ${room.id} and status <> 'CANCELLED'`);
      const shown = await api('GET', `/api/merchant/orders/figures?sessionId=${room.id}`, merchant);
      return { ok: shown.json?.orders === orders && shown.json?.gmvFen === gmv,
        detail: `shown ${shown.json?.orders} orders / ${shown.json?.gmvFen} fen, PostgreSQL ${orders} / ${gmv}` };
    });
    check(`${when}: sales figures of ${room.key}`, r.ok, `${r.detail} (${r.ms} ms)`);
  }

  if (deal) {
    const r = await until(async () => {
      const [sold, orders] = sqlRow(`select coalesce(sum(quantity), 0), count(*) from customer_order where deal_id = ${deal.deal.id} and status <> 'CANCELLED'`);
      const shown = (await api('GET', `/api/live-sessions/${env('ROOM_A')}/flash-deal`)).json;
      const okays = (deal.statuses['201'] ?? 0) + (deal.statuses['200'] ?? 0);
      return { ok: shown?.stockLeft === SCALE.dealQuantity - sold && shown?.sold === sold && sold === SCALE.dealQuantity
          && okays === orders && shown?.status === 'SOLD_OUT',
        detail: `${SCALE.dealBuyers} buyers for ${SCALE.dealQuantity} units: answers ${JSON.stringify(deal.statuses)}; shown `
          + `stockLeft ${shown?.stockLeft}, sold ${shown?.sold}, ${shown?.status}; PostgreSQL ${orders} orders, ${sold} units` };
    });
    check(`${when}: flash deal stock (no oversell, none lost)`, r.ok, `${r.detail} (${r.ms} ms)`);
  }

  const stock = await until(async () => {
    const truth = Number(sql(`select stock from product where id = ${env('PRODUCT_ID')}`));
    const shown = (await api('GET', `/api/products/${env('PRODUCT_ID')}`)).json?.stock;
    return { ok: shown === truth, detail: `shown ${shown}, PostgreSQL ${truth}` };
  });
  check(`${when}: product stock`, stock.ok, `${stock.detail} (${stock.ms} ms)`);

  if (questions !== undefined) {
    const r = await until(async () => {
      const truth = Number(sql(`select count(*) from training_question where session_id = ${env('TRAINING_ID')} and not hidden`));
      const shown = (await api('GET', `/api/training/sessions/${env('TRAINING_ID')}/qa`)).json?.total;
      const topics = inRoom(ROOMS[2]).map((w) => w.qaTotal);
      return { ok: truth === questions && shown === truth && topics.every((t) => t === truth),
        detail: `${questions} created, PostgreSQL ${truth}, REST ${shown}, topic right at ${topics.filter((t) => t === truth).length}/${topics.length} clients` };
    });
    check(`${when}: training questions`, r.ok, `${r.detail} (${r.ms} ms)`);
  }

  if (meetings) {
    const r = await until(async () => {
      const truth = Number(sql(`select count(*) from fair_meeting where fair_id = ${env('FAIR_ID')} and status = 'BOOKED'`));
      const board = (await api('GET', `/api/organiser/fairs/${env('FAIR_ID')}/meeting-board`, organiser)).json;
      const onBoard = board?.slots?.reduce((s, slot) => s + slot.booked, 0);
      return { ok: truth === meetings.booked && onBoard === truth && truth === num('SLOTS'),
        detail: `${meetings.tried} accepts for ${env('SLOTS')} slots at one table: answers ${JSON.stringify(meetings.statuses)}; `
          + `PostgreSQL ${truth} booked, board ${onBoard}` };
    });
    check(`${when}: meeting bookings`, r.ok, `${r.detail} (${r.ms} ms)`);
  }

  const dash = await checkDashboard({ api, sql, tokens: { admin, organiser }, ids: {
    roomA: num('ROOM_A'), roomB: num('ROOM_B'), trainingId: num('TRAINING_ID'), seriesId: num('SERIES_ID'), fairId: num('FAIR_ID') },
    expectedViewers: Object.fromEntries(ROOMS.map((r) => [r.key, inRoom(r).length])), until });
  if (dash.skipped) log(`SKIP  ${when}: organiser dashboard: ${dash.skipped}`);
  else for (const c of dash.checks) check(`${when}: dashboard ${c.name}`, c.ok, c.detail);
}

// ---------------------------------------------------------------------------------------------------- run
async function main() {
  const start = await api('POST', `/api/organiser/training/sessions/${env('TRAINING_ID')}/start`, organiser);
  if (start.status !== 200) throw new Error(`starting the training session failed: ${problem(start)}`);

  log(`${SCALE.viewers} viewers join rooms ${ROOMS.map((r) => r.key).join(', ')} through nginx`);
  for (let i = 0; i < SCALE.viewers; i += 20) {
    await Promise.all(Array.from({ length: Math.min(20, SCALE.viewers - i) }, (_, k) => addViewer(i + k)));
  }
  log(`joined: ${split([...viewers])}`);
  const atStart = await until(viewerFigures, 15_000);
  check('joined: viewer counts (clients = Redis = REST = every client\'s topic)', atStart.ok, `${atStart.detail} (${atStart.ms} ms)`);

  log(`mix for ${SCALE.mixSeconds} s: viewers leave and join, chat, questions, a flash deal, meeting accepts, orders`);
  const orderWorkers = Array.from({ length: SCALE.orderWorkers }, (_, w) => orderLoop(w));
  let churning = true;
  let joinIndex = SCALE.viewers;
  let left = 0, joined = 0;
  const churn = (async () => {
    while (churning) {
      const pool = [...viewers].filter((v) => v.state === 'in');
      await pool[Math.floor(Math.random() * pool.length)].leave();
      left++;
      await sleep(150); // the instance takes the member out of presence after the socket closed: before the next join
      await addViewer(joinIndex++);
      joined++;
      await sleep(QUICK ? 300 : 250);
    }
  })();
  const [deal, questions, meetings] = await Promise.all([dealPhase(), questionPhase(), meetingPhase(), sleep(SCALE.mixSeconds * 1000)]);
  churning = false;
  await churn;
  log(`churn: ${left} viewers left, ${joined} joined`);
  await sleep(1500); // settle before the chat: every talker's room complete
  const chats = await chatPhase();
  await sleep(2000);
  await checkFigures('before the kill', { chats, questions, deal, meetings });

  // the kill: the instance holding more viewers, so most clients have to move
  const onOne = [...viewers].filter((v) => upstreamName(v.upstream) === 'instance 1').length;
  const victim = onOne >= viewers.size / 2 ? env('APP1') : env('APP2');
  const victimName = victim === env('APP1') ? 'instance 1' : 'instance 2';
  const holding = [...viewers].filter((v) => upstreamName(v.upstream) === victimName);
  for (const room of ROOMS) room.moved = holding.filter((v) => v.room === room).length;
  log(`SIGKILL ${victimName} (pid ${victim}, :${instancePort[victim]}) holding ${holding.length} of ${viewers.size} viewers; orders keep going`);
  const killedAt = Date.now();
  process.kill(Number(victim), 'SIGKILL');

  const reconnected = await until(async () => {
    const back = holding.filter((v) => v.state === 'in' && v.drops.at(-1)?.back);
    return { ok: back.length === holding.length, detail: `${back.length}/${holding.length}` };
  }, 60_000, 100);
  const lastBack = Math.max(0, ...holding.map((v) => (v.drops.at(-1)?.back?.at ?? killedAt) - killedAt));
  const dropped = holding.filter((v) => v.drops.length > 0).length;
  const movedToOther = holding.filter((v) => v.drops.at(-1)?.back && upstreamName(v.drops.at(-1).back.upstream) !== victimName).length;
  check('killed instance\'s clients reconnected through nginx to the other instance', reconnected.ok && movedToOther === holding.length,
    `${dropped} dropped, ${reconnected.detail} back within ${(lastBack / 1000).toFixed(1)} s, ${movedToOther} on the other instance; now ${split([...viewers])}`);

  const recovery = await until(viewerFigures, RECOVERY_LIMIT_MS + 15_000, 250);
  const recoveredIn = Date.now() - killedAt;
  check(`viewer counts recovered within ${RECOVERY_LIMIT_MS / 1000} s of the kill`, recovery.ok && recoveredIn <= RECOVERY_LIMIT_MS,
    `right again ${(recoveredIn / 1000).toFixed(1)} s after the SIGKILL: ${recovery.detail}`);

  await sleep(Math.max(0, SCALE.afterKillSeconds * 1000 - (Date.now() - killedAt)));
  ordersRunning = false;
  await Promise.all(orderWorkers);
  log(`orders: ${acked.length} acknowledged in all, ${unacked.length} never answered`);
  await checkFigures('after the kill', { questions, deal, meetings });

  await Promise.all([...viewers].map((v) => v.leave()));
  const failed = results.filter((r) => !r.ok);
  console.log(`\n== ${results.length - failed.length}/${results.length} checks passed; viewer counts right ${(recoveredIn / 1000).toFixed(1)} s after the SIGKILL`
    + (failed.length ? `\n== FAILED: ${failed.map((r) => r.name).join('; ')}` : ''));
  process.exit(failed.length ? 1 : 0);
}

main().catch((e) => {
  console.error(`${stamp()}  proof aborted: ${e.stack ?? e.message}`);
  process.exit(1);
});
