// Codec tests (no server needed). Run all: npm test
import test from 'node:test';
import assert from 'node:assert/strict';
import { FrameParser, encodeFrame, escapeHeader, unescapeHeader, assertLoopback } from '../stomp.mjs';

const msg = (body, extra = '') => `MESSAGE\nsubscription:sub-0\nmessage-id:1\ndestination:/topic/bench${extra}\n\n${body}\0`;

test('CONNECT carries accept-version 1.2, host and heart-beat, unescaped', () => {
  const f = encodeFrame('CONNECT', { 'accept-version': '1.2', host: '/', 'heart-beat': '0,0', login: 'a:b' }).toString();
  assert.equal(f, 'CONNECT\naccept-version:1.2\nhost:/\nheart-beat:0,0\nlogin:a:b\n\n\0');
});

test('SEND escapes headers and sets content-length in bytes', () => {
  const f = encodeFrame('SEND', { destination: '/a:b\nc' }, 'é');
  assert.equal(f.toString(), 'SEND\ndestination:/a\\cb\\nc\ncontent-length:2\n\né\0');
});

test('several frames in one WebSocket message, heart-beat EOLs between them', () => {
  const p = new FrameParser();
  const fs = p.push(Buffer.from('\n' + msg('{"s":1}') + '\r\n\n' + msg('{"s":2}') + '\n'));
  assert.equal(fs.length, 2);
  assert.equal(fs[1].body.toString(), '{"s":2}');
  assert.equal(fs[0].headers.destination, '/topic/bench');
});

test('a frame split over several messages', () => {
  const p = new FrameParser();
  const whole = Buffer.from(msg('{"s":1,"x":"ü"}', '\ncontent-length:' + Buffer.byteLength('{"s":1,"x":"ü"}')));
  let out = [];
  for (let i = 0; i < whole.length; i += 7) out = out.concat(p.push(whole.subarray(i, i + 7)));
  assert.equal(out.length, 1);
  assert.equal(out[0].body.toString(), '{"s":1,"x":"ü"}');
});

test('content-length lets a body contain NUL; CRLF header lines; first repeated header wins; escapes decoded', () => {
  const p = new FrameParser();
  const fs = p.push(Buffer.from('MESSAGE\r\ncontent-length:3\r\nfoo:a\\cb\r\nfoo:second\r\n\r\na\0b\0' + msg('x')));
  assert.equal(fs.length, 2);
  assert.deepEqual([...fs[0].body], [0x61, 0, 0x62]);
  assert.equal(fs[0].headers.foo, 'a:b');
});

test('malformed frames throw', () => {
  assert.throws(() => new FrameParser().push('BOGUS\n\n\0'), /unknown command/);
  assert.throws(() => new FrameParser().push('MESSAGE\ncontent-length:1\n\nab\0'), /no NUL/);
  assert.throws(() => new FrameParser().push('MESSAGE\nnocolon\n\n\0'), /without colon/);
  assert.throws(() => unescapeHeader('a\\tb'), /bad escape/);
});

test('ERROR frame parsed with its message header', () => {
  const [f] = new FrameParser().push('ERROR\nmessage:access refused\ncontent-length:4\n\nbody\0');
  assert.equal(f.command, 'ERROR');
  assert.equal(f.headers.message, 'access refused');
});

test('escape round trip', () => {
  const v = 'a\\b:c\nd\re';
  assert.equal(unescapeHeader(escapeHeader(v)), v);
});

test('only loopback targets', () => {
  assertLoopback('ws://127.0.0.1:15674/ws');
  assertLoopback('ws://localhost:8080/ws');
  assertLoopback('ws://[::1]:8080/ws');
  assert.throws(() => assertLoopback('ws://10.0.0.1/ws'), /non-loopback/);
  assert.throws(() => assertLoopback('ws://example.com/ws'), /non-loopback/);
});

test('a big WebSocket message of many frames parses in linear time (LF and CRLF)', () => {
  const one = msg('{"s":1}', '\ncontent-length:7');
  for (const text of [one.repeat(20000), one.replace(/\n/g, '\r\n').repeat(20000)]) {
    const t = performance.now();
    assert.equal(new FrameParser().push(Buffer.from(text)).length, 20000);
    assert.ok(performance.now() - t < 2000, `took ${performance.now() - t} ms`);
  }
});
