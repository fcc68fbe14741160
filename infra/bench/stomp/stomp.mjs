// Minimal STOMP 1.2 client over `ws`, written for the load harness (bench.mjs / worker.mjs).
//
// - encodeFrame(): builds a frame; header values are escaped (\\ \n \r \c) except in CONNECT, as 1.2 says;
//   a body always gets a content-length (in bytes).
// - FrameParser: turns what arrives (Buffers, possibly several frames in one WebSocket message, possibly
//   a frame split over several messages, heart-beat EOLs between frames) into frames. Honours
//   content-length (a body may then contain NUL), else reads up to the NUL. Throws on a malformed frame.
// - StompConnection: one WebSocket + STOMP session. connect() resolves on CONNECTED; subscribe() resolves
//   on the RECEIPT of the SUBSCRIBE (so a subscription is known to be live before anything is published);
//   every failure (ERROR frame, handshake failure, close we did not ask for, timeout) is reported through
//   onProblem(kind, detail) and rejects whatever is pending, never ignored.
import WebSocket from 'ws';

// latency histogram shared by worker and coordinator: bucket i holds [e^(i/100), e^((i+1)/100)) µs, 1 % wide, up to ~1000 s
export const HIST_BUCKETS = 2200;

export const SUBPROTOCOLS = ['v12.stomp', 'v11.stomp', 'v10.stomp'];

const SERVER_COMMANDS = new Set(['CONNECTED', 'MESSAGE', 'RECEIPT', 'ERROR']);
const CLIENT_COMMANDS = new Set(['CONNECT', 'STOMP', 'SEND', 'SUBSCRIBE', 'UNSUBSCRIBE', 'ACK', 'NACK',
  'BEGIN', 'COMMIT', 'ABORT', 'DISCONNECT']);
const ALL_COMMANDS = new Set([...SERVER_COMMANDS, ...CLIENT_COMMANDS]);
const MAX_PENDING = 16 * 1024 * 1024; // a frame never legitimately gets this big in the bench

export function escapeHeader(v) {
  return String(v).replace(/[\\\n\r:]/g, (c) => (c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\c'));
}

export function unescapeHeader(v) {
  if (v.indexOf('\\') < 0) return v;
  let out = '';
  for (let i = 0; i < v.length; i++) {
    const c = v[i];
    if (c !== '\\') { out += c; continue; }
    const n = v[++i];
    if (n === '\\') out += '\\';
    else if (n === 'n') out += '\n';
    else if (n === 'r') out += '\r';
    else if (n === 'c') out += ':';
    else throw new Error(`malformed frame: bad escape \\${n ?? ''} in header`);
  }
  return out;
}

/** @returns {Buffer} */
export function encodeFrame(command, headers = {}, body = '') {
  const escape = command !== 'CONNECT' && command !== 'CONNECTED';
  const bodyBuf = Buffer.isBuffer(body) ? body : Buffer.from(String(body), 'utf8');
  let head = command + '\n';
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined || v === null || k === 'content-length') continue;
    head += (escape ? escapeHeader(k) : k) + ':' + (escape ? escapeHeader(v) : v) + '\n';
  }
  if (bodyBuf.length > 0 || command === 'SEND') head += 'content-length:' + bodyBuf.length + '\n';
  head += '\n';
  return Buffer.concat([Buffer.from(head, 'utf8'), bodyBuf, Buffer.from([0])]);
}

export class FrameParser {
  constructor() { this.pending = null; }

  /**
   * @param {Buffer|string} chunk
   * @returns {{command: string, headers: Record<string,string>, body: Buffer}[]}
   */
  push(chunk) {
    let buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    if (this.pending) { buf = Buffer.concat([this.pending, buf]); this.pending = null; }
    const frames = [];
    let pos = 0;
    const len = buf.length;
    for (;;) {
      // heart-beats / EOLs between frames
      while (pos < len && (buf[pos] === 0x0a || (buf[pos] === 0x0d && buf[pos + 1] === 0x0a))) pos += buf[pos] === 0x0d ? 2 : 1;
      if (pos >= len) break;
      const r = this.#parseOne(buf, pos);
      if (r === null) { // incomplete: keep the rest for the next chunk
        if (len - pos > MAX_PENDING) throw new Error('malformed frame: incomplete frame larger than 16 MiB');
        this.pending = buf.subarray(pos);
        break;
      }
      frames.push(r.frame);
      pos = r.next;
    }
    return frames;
  }

  #parseOne(buf, start) {
    // header block: up to the first blank line (LF or CRLF line ends). Walk line ends (cost bounded by the header
    // size, never by what follows in the buffer), then decode the block once and split it.
    const first = buf.indexOf(0x0a, start);
    if (first < 0) return null;
    let nl = first, hdrEnd = -1, pos;
    for (;;) {
      const lineStart = nl + 1;
      nl = buf.indexOf(0x0a, lineStart);
      if (nl < 0) { // incomplete: check the command now, so garbage is not buffered up to 16 MiB
        this.#command(buf.toString('utf8', start, first > start && buf[first - 1] === 0x0d ? first - 1 : first));
        return null;
      }
      if (nl === lineStart || (nl === lineStart + 1 && buf[lineStart] === 0x0d)) { hdrEnd = lineStart - 1; pos = nl + 1; break; }
    }
    const lines = buf.toString('utf8', start, hdrEnd).split('\n');
    const command = this.#command(lines[0].endsWith('\r') ? lines[0].slice(0, -1) : lines[0]);
    const escaped = command !== 'CONNECT' && command !== 'CONNECTED';
    const headers = {};
    for (let i = 1; i < lines.length; i++) {
      let line = lines[i];
      if (line.endsWith('\r')) line = line.slice(0, -1);
      const colon = line.indexOf(':');
      if (colon < 0) throw new Error(`malformed frame: header line without colon in ${command}`);
      const k = escaped ? unescapeHeader(line.slice(0, colon)) : line.slice(0, colon);
      if (!(k in headers)) headers[k] = escaped ? unescapeHeader(line.slice(colon + 1)) : line.slice(colon + 1);
    }
    let bodyEnd;
    const cl = headers['content-length'];
    if (cl !== undefined) {
      const n = Number(cl);
      if (!Number.isInteger(n) || n < 0) throw new Error(`malformed frame: content-length ${JSON.stringify(cl)}`);
      if (pos + n >= buf.length) return null;
      if (buf[pos + n] !== 0) throw new Error('malformed frame: no NUL after content-length bytes');
      bodyEnd = pos + n;
    } else {
      bodyEnd = buf.indexOf(0, pos);
      if (bodyEnd < 0) return null;
    }
    return { frame: { command, headers, body: buf.subarray(pos, bodyEnd) }, next: bodyEnd + 1 };
  }

  #command(c) {
    if (!ALL_COMMANDS.has(c)) throw new Error(`malformed frame: unknown command ${JSON.stringify(c.slice(0, 40))}`);
    return c;
  }
}

/**
 * One STOMP session over one WebSocket.
 * opts: url, host, login, passcode, extraConnectHeaders, heartBeat ('0,0'), timeoutMs,
 *       onMessage(frame, conn), onProblem(kind, detail, conn)
 */
export class StompConnection {
  constructor(opts) {
    this.opts = opts;
    this.ws = null;
    this.parser = new FrameParser();
    this.state = 'new'; // new → connecting → connected → closing → closed
    this.waiters = new Map(); // receipt id → {resolve, reject, timer}
    this.connectWaiter = null;
    this.receiptSeq = 0;
    this.session = null;
    this.subprotocol = null;
    this.serverHeaders = null;
  }

  connect() {
    const o = this.opts;
    return new Promise((resolve, reject) => {
      this.state = 'connecting';
      const timer = setTimeout(() => this.#fail('timeout', `no CONNECTED within ${o.timeoutMs} ms`), o.timeoutMs);
      this.connectWaiter = { resolve, reject, timer };
      let ws;
      try {
        ws = new WebSocket(o.url, SUBPROTOCOLS, {
          perMessageDeflate: false, handshakeTimeout: o.timeoutMs, followRedirects: false, maxPayload: 16 * 1024 * 1024,
        });
      } catch (e) { this.#fail('connect-failed', e.message); return; }
      this.ws = ws;
      ws.on('unexpected-response', (_req, res) => {
        this.#fail('connect-failed', `HTTP ${res.statusCode} on WebSocket upgrade`);
        res.resume();
        ws.terminate();
      });
      ws.on('error', (e) => this.#fail(this.state === 'connecting' ? 'connect-failed' : 'socket-error', e.message));
      ws.on('open', () => {
        this.subprotocol = ws.protocol;
        const h = { 'accept-version': '1.2', host: o.host, 'heart-beat': o.heartBeat ?? '0,0' };
        if (o.login !== undefined) h.login = o.login;
        if (o.passcode !== undefined) h.passcode = o.passcode;
        Object.assign(h, o.extraConnectHeaders || {});
        ws.send(encodeFrame('CONNECT', h));
      });
      ws.on('message', (data) => this.#onData(data));
      ws.on('close', (code, reason) => {
        const was = this.state;
        this.state = 'closed';
        if (was !== 'closing' && !this.disconnecting) this.#fail('closed', `connection closed by peer (code ${code}${reason?.length ? ', ' + reason.toString().slice(0, 200) : ''}) while ${was}`);
        this.#rejectAll(new Error('connection closed'));
      });
    });
  }

  #onData(data) {
    let frames;
    try {
      frames = this.parser.push(Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data));
    } catch (e) {
      this.#fail('malformed', e.message);
      this.ws.terminate();
      return;
    }
    for (const f of frames) {
      switch (f.command) {
        case 'MESSAGE':
          this.opts.onMessage?.(f, this);
          break;
        case 'RECEIPT': {
          const w = this.waiters.get(f.headers['receipt-id']);
          if (w) { clearTimeout(w.timer); this.waiters.delete(f.headers['receipt-id']); w.resolve(f); }
          break;
        }
        case 'CONNECTED':
          if (this.connectWaiter) {
            this.state = 'connected';
            this.session = f.headers.session ?? null;
            this.serverHeaders = f.headers;
            const w = this.connectWaiter; this.connectWaiter = null;
            clearTimeout(w.timer); w.resolve(f);
          }
          break;
        case 'ERROR': {
          const msg = (f.headers.message ?? '') + (f.body.length ? ' | ' + f.body.toString('utf8').slice(0, 300) : '');
          this.#fail('error-frame', msg.trim() || '(ERROR frame without message)');
          break;
        }
        default:
          this.#fail('malformed', `unexpected ${f.command} frame from server`);
      }
    }
  }

  /** reports a problem once per connection-phase and rejects what is pending */
  #fail(kind, detail) {
    if ((this.state === 'closing' || this.disconnecting) && (kind === 'closed' || kind === 'socket-error')) return;
    this.opts.onProblem?.(kind, detail, this);
    const err = new Error(`${kind}: ${detail}`);
    err.kind = kind;
    if (this.connectWaiter) {
      const w = this.connectWaiter; this.connectWaiter = null;
      clearTimeout(w.timer); w.reject(err);
      if (this.ws && this.state !== 'closed') { this.state = 'closing'; this.ws.terminate(); }
    }
    this.#rejectAll(err);
  }

  #rejectAll(err) {
    for (const [id, w] of this.waiters) { clearTimeout(w.timer); w.reject(err); this.waiters.delete(id); }
  }

  get isOpen() { return this.state === 'connected' && this.ws?.readyState === WebSocket.OPEN; }
  get bufferedAmount() { return this.ws ? this.ws.bufferedAmount : 0; }

  /** sends a frame that carries a receipt header; resolves on RECEIPT */
  request(command, headers, body, timeoutMs = this.opts.timeoutMs) {
    const id = 'r-' + (++this.receiptSeq);
    return new Promise((resolve, reject) => {
      if (!this.isOpen) { reject(new Error(`not connected (${this.state})`)); return; }
      const timer = setTimeout(() => {
        this.waiters.delete(id);
        const e = new Error(`timeout: no RECEIPT for ${command} within ${timeoutMs} ms`);
        e.kind = 'timeout';
        this.opts.onProblem?.('timeout', e.message, this);
        reject(e);
      }, timeoutMs);
      this.waiters.set(id, { resolve, reject, timer });
      this.ws.send(encodeFrame(command, { ...headers, receipt: id }, body));
    });
  }

  subscribe(destination, id, extra = {}) {
    return this.request('SUBSCRIBE', { id, destination, ack: 'auto', ...extra });
  }

  /** raw pre-encoded frame (the publisher's hot path) */
  sendRaw(buf) { this.ws.send(buf); }

  /** DISCONNECT with receipt when possible (so the server has processed everything sent before), then close. Bounded.
   *  Resolves true when the DISCONNECT was answered with a RECEIPT. */
  async close({ graceful = true, timeoutMs = 5000, receiptTimeoutMs = this.opts.timeoutMs } = {}) {
    if (!this.ws || this.state === 'closed') return false;
    let receipt = false;
    if (graceful && this.isOpen) {
      this.disconnecting = true;
      try { await this.request('DISCONNECT', {}, undefined, receiptTimeoutMs); receipt = true; } catch (e) { if (process.env.STOMP_DEBUG) console.error('DISCONNECT:', e.message); }
    }
    this.state = 'closing';
    const ws = this.ws;
    if (ws.readyState === WebSocket.CLOSED) { this.state = 'closed'; return receipt; }
    await new Promise((resolve) => {
      const t = setTimeout(() => { ws.terminate(); resolve(); }, timeoutMs);
      ws.once('close', () => { clearTimeout(t); resolve(); });
      try { ws.close(1000); } catch { ws.terminate(); }
    });
    this.state = 'closed';
    return receipt;
  }

  terminate() {
    this.state = 'closing';
    this.#rejectAll(new Error('terminated'));
    try { this.ws?.terminate(); } catch { /* nothing */ }
  }
}

/** loopback only: the harness refuses anything else */
export function assertLoopback(url) {
  const u = new URL(url);
  if (u.protocol !== 'ws:' && u.protocol !== 'wss:') throw new Error(`not a WebSocket URL: ${url}`);
  const h = u.hostname.replace(/^\[|\]$/g, '');
  const ok = h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
  if (!ok) throw new Error(`refusing non-loopback target ${url}: this benchmark only talks to 127.0.0.0/8, ::1 or localhost`);
}
