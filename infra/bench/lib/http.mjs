// HTTP clients of the bench scripts: a lean keep-alive load loop on raw sockets (no pipelining: each connection sends
// its next request as soon as the previous answer is complete) and a JSON POST over node:http with an agent.
import net from 'node:net';
import http from 'node:http';
import { quantile } from './stats.mjs';

/** Bytes of a complete answer at the start of buf (content-length or chunked), or -1 while incomplete. */
export function complete(buf) {
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

/**
 * `connections` keep-alive connections to `base` (a URL), connection c sending `request(c)` (bytes) again and again
 * for `durationMs`. `onHead(head)` sees each answer's status line and headers. Answers the counts (200 or not, socket
 * errors), the seconds, requests per second and the p50 / p99 latency in ms.
 */
export function load({ base, connections, durationMs, request, onHead = () => {} }) {
  const latencies = [];
  let ok = 0, bad = 0, errors = 0;
  const until = Date.now() + durationMs;
  return new Promise((resolve) => {
    let open = connections;
    for (let c = 0; c < connections; c++) {
      const bytes = request(c);
      const socket = net.connect(Number(base.port), base.hostname);
      socket.setNoDelay(true);
      let buf = Buffer.alloc(0), sent = 0;
      const send = () => { sent = performance.now(); socket.write(bytes); };
      socket.on('connect', send);
      socket.on('data', (chunk) => {
        buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
        for (;;) {
          const total = complete(buf);
          if (total < 0) return;
          const status = Number(buf.toString('latin1', 9, 12));
          if (status === 200) ok++; else bad++;
          onHead(buf.toString('latin1', 0, buf.indexOf('\r\n\r\n')));
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
      resolve({ requests: ok + bad, ok, bad, errors, seconds: elapsed, rps: (ok + bad) / elapsed,
        p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99) });
    }
  });
}

/** A GET request's bytes (JSON accepted), with the bearer token if one is given. */
export function getRequest(base, path, token) {
  return Buffer.from(`GET ${path} HTTP/1.1\r\nHost: ${base.host}\r\nAccept: application/json\r\n`
    + (token ? `Authorization: Bearer ${token}\r\n` : '') + '\r\n');
}

/**
 * POSTs `body` as JSON with the bearer token (and the Idempotency-Key if one is given) through `agent`; answers the
 * status, and the body's text unless `readBody` is false.
 */
export function post(base, agent, path, token, body, idempotencyKey, { readBody = true } = {}) {
  const payload = Buffer.from(JSON.stringify(body));
  const headers = { 'Content-Type': 'application/json', 'Content-Length': payload.length, Authorization: `Bearer ${token}` };
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  return new Promise((resolve, reject) => {
    const req = http.request({ host: base.hostname, port: base.port, path, method: 'POST', headers, agent }, (res) => {
      const chunks = [];
      if (readBody) res.on('data', (c) => chunks.push(c)); else res.resume();
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}
