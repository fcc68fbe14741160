// End-to-end test of the harness against test/fake-broker.mjs (127.0.0.1, tiny sizes, ~30 s in all).
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..');

function startBroker(env = {}) {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [join(dir, 'test/fake-broker.mjs'), '0', '60'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    p.stdout.once('data', (d) => { const m = /listening (\d+)/.exec(String(d)); m ? resolve({ p, port: Number(m[1]) }) : reject(new Error(String(d))); });
    p.once('exit', (c) => reject(new Error(`broker exited ${c}`)));
  });
}
function bench(port, pid, out, extra = []) {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(dir, 'bench.mjs'), '--target', 'livehall', '--livehall-url', `ws://127.0.0.1:${port}/ws`,
      '--livehall-pid', String(pid), '--a-subscribers', '10', '--a-seconds', '1', '--b-subscribers', '20', '--b-seconds', '2',
      '--c-connections', '60', '--batch', '20', '--pause-seconds', '0', '--settle-seconds', '0.5', '--idle-seconds', '1',
      '--drain-seconds', '5', '--quiet-seconds', '0', '--max-run-minutes', '2', '--out', out, ...extra],
    { timeout: 120000 }, (err, stdout, stderr) => {
      const f = readdirSync(out).find((x) => x.endsWith('.json'));
      resolve({ code: err ? err.code : 0, stdout, stderr, json: f ? JSON.parse(readFileSync(join(out, f), 'utf8')) : null });
    });
  });
}

test('clean run: every scenario valid, nothing lost, figures present', async () => {
  const { p, port } = await startBroker();
  const out = mkdtempSync(join(tmpdir(), 'stomp-bench-'));
  try {
    const r = await bench(port, p.pid, out);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const by = (s) => r.json.results.find((x) => x.scenario === s);
    assert.equal(by('a').lost, 0);
    assert.ok(by('a').deliveriesPerSec > 0);
    assert.equal(by('b').expected, 20 * 20);
    assert.equal(by('b').delivered, 400);
    assert.ok(by('b').latencyMs.p99 > 0);
    assert.equal(by('c').openAtSample, 60);
    assert.ok(by('c').rssPerConnectionBytes !== null);
  } finally { p.kill(); rmSync(out, { recursive: true, force: true }); }
});

test('ERROR frames and closed connections are reported, the run is marked invalid', async () => {
  const { p, port } = await startBroker({ FAKE_ERROR_EVERY: '7' });
  const out = mkdtempSync(join(tmpdir(), 'stomp-bench-'));
  try {
    const r = await bench(port, p.pid, out, ['--scenario', 'b']);
    assert.equal(r.code, 1);
    const b = r.json.results[0];
    assert.equal(b.valid, false);
    assert.ok(b.problems.counts['error-frame'] >= 2, JSON.stringify(b.problems));
    assert.ok(b.opened.failed >= 2);
    assert.match(r.stdout, /refused by FAKE_ERROR_EVERY/);
  } finally { p.kill(); rmSync(out, { recursive: true, force: true }); }
});

test('silent loss is counted', async () => {
  const { p, port } = await startBroker({ FAKE_DROP_EVERY: '50' });
  const out = mkdtempSync(join(tmpdir(), 'stomp-bench-'));
  try {
    const r = await bench(port, p.pid, out, ['--scenario', 'b']);
    const b = r.json.results[0];
    assert.equal(b.lost, 8); // 400 deliveries, every 50th dropped
    assert.ok(b.notes.some((n) => /missing/.test(n)));
  } finally { p.kill(); rmSync(out, { recursive: true, force: true }); }
});

test('a second run is refused while one is in progress', async () => {
  const { p, port } = await startBroker();
  const out1 = mkdtempSync(join(tmpdir(), 'stomp-bench-')), out2 = mkdtempSync(join(tmpdir(), 'stomp-bench-'));
  try {
    const first = bench(port, p.pid, out1, ['--scenario', 'b']);
    await new Promise((r) => setTimeout(r, 1500)); // the first one holds the lock by now
    const second = await bench(port, p.pid, out2, ['--scenario', 'b']);
    assert.equal(second.code, 1);
    assert.match(second.stderr, /another benchmark run/);
    assert.equal((await first).code, 0);
  } finally { p.kill(); rmSync(out1, { recursive: true, force: true }); rmSync(out2, { recursive: true, force: true }); }
});
