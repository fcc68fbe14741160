// A tiny STOMP-over-WebSocket broker on 127.0.0.1, only for testing the harness itself (not a benchmark target).
//   node test/fake-broker.mjs [port=0] [lifetimeSeconds=120]   → prints "listening <port>" and exits after the lifetime
// Env: FAKE_ERROR_EVERY=n  every n-th SUBSCRIBE gets an ERROR frame and the connection is closed
//      FAKE_DROP_EVERY=n   every n-th delivery is silently dropped (loss must show up in the report)
//      FAKE_TRAINING=1     also a tiny training room (scenario t): the HTTP routes the driver calls, and coalesced
//                          snapshots on /topic/training/{id}/qa, /poll and /viewers (at most one per FAKE_COALESCE_MS,
//                          default 500, per topic; FAKE_VIEWERS_OFFSET=n reports n more viewers than are connected)
// Outgoing frames of one connection are coalesced per event-loop turn, so clients see several frames in one
// WebSocket message (as some servers send them).
import http from 'node:http';
import { WebSocketServer } from 'ws';
import { FrameParser, encodeFrame } from '../stomp.mjs';

const port = Number(process.argv[2] || 0);
const lifetime = Number(process.argv[3] || 120);
const errorEvery = Number(process.env.FAKE_ERROR_EVERY || 0);
const dropEvery = Number(process.env.FAKE_DROP_EVERY || 0);
const subs = new Map(); // destination → Set of {ws, id}
let subscribeCount = 0, deliveries = 0, msgId = 0;

const room = process.env.FAKE_TRAINING ? trainingRoom() : null;
const server = http.createServer((req, res) => (room ? room.http(req, res) : (res.writeHead(404), res.end())));
const wss = new WebSocketServer({ server, perMessageDeflate: false, handleProtocols: (p) => (p.has('v12.stomp') ? 'v12.stomp' : false) });
setTimeout(() => process.exit(0), lifetime * 1000).unref();
server.listen(port, '127.0.0.1', () => console.log(`listening ${server.address().port}`));

function deliver(destination, body) {
  for (const e of subs.get(destination) || []) {
    if (dropEvery && ++deliveries % dropEvery === 0) continue;
    e.send(encodeFrame('MESSAGE', { subscription: e.id, 'message-id': String(++msgId), destination, 'content-type': 'application/json' }, body));
  }
}

/** questions, votes and a poll per session, published as coalesced snapshots like Live Hall's RoomSnapshots */
function trainingRoom() {
  const every = Number(process.env.FAKE_COALESCE_MS ?? 500);
  const offset = Number(process.env.FAKE_VIEWERS_OFFSET || 0);
  const sessions = new Map(); // id → { questions: [], polls: Map, viewers: Set of ws, dirty: Set, lastAt: {} }
  const S = (id) => { if (!sessions.has(id)) sessions.set(id, { questions: [], polls: new Map(), viewers: new Set(), dirty: new Set(), lastAt: {}, live: false }); return sessions.get(id); };
  const snapshot = (id, s, topic) => {
    if (topic === 'qa') {
      const qs = [...s.questions].sort((a, b) => b.votes.size - a.votes.size || a.id - b.id).slice(0, 50);
      return { sessionId: id, total: s.questions.length, answered: 0, questions: qs.map((q) => ({ id: q.id, name: '学员', text: q.text, votes: q.votes.size, pinned: false, answered: false, answer: null, at: q.at })) };
    }
    if (topic === 'poll') return { sessionId: id, polls: [...s.polls.values()].filter((p) => p.status !== 'DRAFT').map((p) => ({ ...p, voters: p.voted.size, voted: undefined })) };
    return { room: `training:${id}`, now: s.viewers.size + offset, peak: s.viewers.size, unique: s.viewers.size, watchSeconds: 0, at: new Date().toISOString() };
  };
  setInterval(() => {
    const now = Date.now();
    for (const [id, s] of sessions) for (const topic of [...s.dirty]) {
      if (now - (s.lastAt[topic] || 0) < every) continue;
      s.dirty.delete(topic); s.lastAt[topic] = now;
      deliver(`/topic/training/${id}/${topic}`, Buffer.from(JSON.stringify(snapshot(id, s, topic))));
    }
  }, 20).unref();
  let ids = 0;
  const json = (res, status, body) => { res.writeHead(status, { 'Content-Type': 'application/json' }); res.end(body === undefined ? '' : JSON.stringify(body)); };
  return {
    join(ws, destination) {
      const m = /^\/topic\/training\/(\d+)\//.exec(destination);
      if (!m) return null;
      const s = S(Number(m[1]));
      if (!s.viewers.has(ws)) { s.viewers.add(ws); s.dirty.add('viewers'); }
      return () => { if (s.viewers.delete(ws)) s.dirty.add('viewers'); };
    },
    http(req, res) {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        let body = null; try { body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : null; } catch { return json(res, 400, {}); }
        const user = (req.headers.authorization || '').split('.')[1] ? JSON.parse(Buffer.from(req.headers.authorization.split('.')[1], 'base64url')).sub : null;
        const u = new URL(req.url, 'http://x'); let m;
        if ((m = /^\/api\/organiser\/training\/sessions\/(\d+)\/start$/.exec(u.pathname))) { const s = S(Number(m[1])); if (s.live) return json(res, 409, {}); s.live = true; return json(res, 200, { status: 'LIVE' }); }
        if ((m = /^\/api\/training\/sessions\/(\d+)$/.exec(u.pathname))) return json(res, 200, { id: Number(m[1]), status: S(Number(m[1])).live ? 'LIVE' : 'SCHEDULED' });
        if ((m = /^\/api\/organiser\/training\/sessions\/(\d+)\/polls$/.exec(u.pathname))) { const p = { id: ++ids, question: body.question, options: body.options, multiple: false, status: 'DRAFT', counts: body.options.map(() => 0), voted: new Set() }; S(Number(m[1])).polls.set(p.id, p); return json(res, 201, { ...p, voted: undefined, voters: 0 }); }
        if ((m = /^\/api\/organiser\/training\/sessions\/(\d+)\/polls\/(\d+)\/open$/.exec(u.pathname))) { const s = S(Number(m[1])); s.polls.get(Number(m[2])).status = 'OPEN'; s.dirty.add('poll'); return json(res, 200, {}); }
        if ((m = /^\/api\/training\/sessions\/(\d+)\/polls\/(\d+)\/vote$/.exec(u.pathname))) {
          const s = S(Number(m[1])); const p = s.polls.get(Number(m[2]));
          if (!p || p.status !== 'OPEN') return json(res, 409, {});
          if (!p.voted.has(user)) { p.voted.add(user); p.counts[body.choices[0]]++; s.dirty.add('poll'); }
          return json(res, 200, { pollId: p.id, choices: body.choices });
        }
        if ((m = /^\/api\/training\/sessions\/(\d+)\/qa$/.exec(u.pathname)) && req.method === 'POST') {
          const s = S(Number(m[1])); const q = { id: ++ids, text: body.text, votes: new Set(), at: new Date().toISOString() };
          s.questions.push(q); s.dirty.add('qa'); return json(res, 201, { id: q.id, text: q.text });
        }
        if ((m = /^\/api\/training\/sessions\/(\d+)\/qa\/(\d+)\/vote$/.exec(u.pathname))) {
          const s = S(Number(m[1])); const q = s.questions.find((x) => x.id === Number(m[2]));
          if (!q) return json(res, 404, {});
          q.votes.add(user); s.dirty.add('qa'); return json(res, 200, { id: q.id, votes: q.votes.size });
        }
        return json(res, 404, {});
      });
    },
  };
}
wss.on('connection', (ws) => {
  const parser = new FrameParser();
  let out = [];
  const send = (buf) => {
    if (out.length === 0) setImmediate(() => { if (ws.readyState === 1) ws.send(Buffer.concat(out)); out = []; });
    out.push(buf);
  };
  const mine = [];
  const leaves = [];
  ws.on('message', (data) => {
    let frames;
    try { frames = parser.push(data); } catch (e) { ws.send(encodeFrame('ERROR', { message: e.message })); ws.close(); return; }
    for (const f of frames) {
      const h = f.headers;
      if (f.command === 'CONNECT' || f.command === 'STOMP') {
        send(encodeFrame('CONNECTED', { version: '1.2', 'heart-beat': '0,0', server: 'fake/0', session: String(++msgId) }));
        continue;
      }
      if (f.command === 'SUBSCRIBE') {
        if (errorEvery && ++subscribeCount % errorEvery === 0) {
          ws.send(encodeFrame('ERROR', { message: 'refused by FAKE_ERROR_EVERY' }));
          ws.close();
          return;
        }
        const e = { ws, id: h.id, send };
        if (!subs.has(h.destination)) subs.set(h.destination, new Set());
        subs.get(h.destination).add(e); mine.push([h.destination, e]);
        const leave = room?.join(ws, h.destination);
        if (leave) leaves.push(leave);
      } else if (f.command === 'SEND') {
        deliver(h.destination, f.body);
      }
      if (h.receipt) send(encodeFrame('RECEIPT', { 'receipt-id': h.receipt }));
      if (f.command === 'DISCONNECT') setImmediate(() => ws.close());
    }
  });
  ws.on('close', () => { for (const [d, e] of mine) subs.get(d)?.delete(e); for (const l of leaves) l(); });
});
