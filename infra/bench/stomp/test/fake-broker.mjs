// A tiny STOMP-over-WebSocket broker on 127.0.0.1, only for testing the harness itself (not a benchmark target).
//   node test/fake-broker.mjs [port=0] [lifetimeSeconds=120]   → prints "listening <port>" and exits after the lifetime
// Env: FAKE_ERROR_EVERY=n  every n-th SUBSCRIBE gets an ERROR frame and the connection is closed
//      FAKE_DROP_EVERY=n   every n-th delivery is silently dropped (loss must show up in the report)
// Outgoing frames of one connection are coalesced per event-loop turn, so clients see several frames in one
// WebSocket message (as some servers send them).
import { WebSocketServer } from 'ws';
import { FrameParser, encodeFrame } from '../stomp.mjs';

const port = Number(process.argv[2] || 0);
const lifetime = Number(process.argv[3] || 120);
const errorEvery = Number(process.env.FAKE_ERROR_EVERY || 0);
const dropEvery = Number(process.env.FAKE_DROP_EVERY || 0);
const subs = new Map(); // destination → Set of {ws, id}
let subscribeCount = 0, deliveries = 0, msgId = 0;

const wss = new WebSocketServer({ host: '127.0.0.1', port, perMessageDeflate: false, handleProtocols: (p) => (p.has('v12.stomp') ? 'v12.stomp' : false) });
setTimeout(() => process.exit(0), lifetime * 1000).unref();
wss.on('listening', () => console.log(`listening ${wss.address().port}`));
wss.on('connection', (ws) => {
  const parser = new FrameParser();
  let out = [];
  const send = (buf) => {
    if (out.length === 0) setImmediate(() => { if (ws.readyState === 1) ws.send(Buffer.concat(out)); out = []; });
    out.push(buf);
  };
  const mine = [];
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
      } else if (f.command === 'SEND') {
        for (const e of subs.get(h.destination) || []) {
          if (dropEvery && ++deliveries % dropEvery === 0) continue;
          e.send(encodeFrame('MESSAGE', { subscription: e.id, 'message-id': String(++msgId), destination: h.destination, 'content-type': 'application/json' }, f.body));
        }
      }
      if (h.receipt) send(encodeFrame('RECEIPT', { 'receipt-id': h.receipt }));
      if (f.command === 'DISCONNECT') setImmediate(() => ws.close());
    }
  });
  ws.on('close', () => { for (const [d, e] of mine) subs.get(d)?.delete(e); });
});
