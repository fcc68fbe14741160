// Scenario t (training room): the measurement logic on its own, then the whole scenario against the fake broker's
// training room (FAKE_TRAINING=1: HTTP routes of the driver, coalesced /qa, /poll, /viewers). 127.0.0.1 only, ~20 s.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TrainingMeasure, mergeTrainingReports } from '../training-measure.mjs';
import { HIST_BUCKETS } from '../stomp.mjs';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..');
const body = (o) => Buffer.from(JSON.stringify(o));
const qa = (total) => body({ sessionId: 7, total, answered: 0, questions: [] });
const viewers = (now) => body({ room: 'training:7', now, peak: now, unique: now, watchSeconds: 0, at: '2026-12-07T00:00:00Z' });

test('a question is delivered by the first /qa snapshot whose total counts it; latency from the POST answer', () => {
  const m = new TrainingMeasure({ t0: 0, maxQuestions: 5, histBuckets: HIST_BUCKETS });
  const a = TrainingMeasure.subState(), b = TrainingMeasure.subState();
  m.onMessage(a, '/topic/training/7/qa', qa(2), 1500); // questions 1 and 2 at 1500
  m.onMessage(a, '/topic/training/7/qa', qa(2), 2100); // a repeat of the same total delivers nothing new
  m.onMessage(a, '/topic/training/7/qa', qa(3), 2600);
  m.onMessage(b, '/topic/training/7/qa', qa(3), 1700); // b saw 1..3 at once
  const answered = Float64Array.from([0, 1000, 1400, 1600, 1800, 0]); // question 4 never reached anyone; 5 was not asked
  const r = mergeTrainingReports([m.report([a, b], answered)], HIST_BUCKETS);
  assert.equal(r.question.delivered, 6);
  assert.equal(r.question.missing, 2); // question 4 at a and at b
  assert.equal(r.question.negative, 0);
  assert.equal(r.question.maxMs, 1000); // a, question 3: 2600 − 1600
  assert.equal(r.qaTotalSeen.min, 3);
  assert.equal(m.parses, 2); // the same snapshot body is parsed once per worker
});

test('a snapshot read before the POST answer reached the driver counts as 0 ms and is reported', () => {
  const m = new TrainingMeasure({ t0: 0, maxQuestions: 1, histBuckets: HIST_BUCKETS });
  const a = TrainingMeasure.subState();
  m.onMessage(a, '/topic/training/7/qa', qa(1), 990);
  const r = m.report([a], Float64Array.from([0, 1000]));
  assert.equal(r.question.negative, 1);
  assert.equal(r.question.maxMs, 0);
});

test('more than 2 updates within a second at one subscriber are counted per topic', () => {
  const m = new TrainingMeasure({ t0: 0, maxQuestions: 10, histBuckets: HIST_BUCKETS });
  const a = TrainingMeasure.subState();
  for (const t of [0, 500, 1000, 1500]) m.onMessage(a, '/topic/training/7/qa', qa(1), 10000 + t); // exactly 2/s: fine
  for (const t of [0, 400, 900]) m.onMessage(a, '/topic/training/7/poll', body({ sessionId: 7, polls: [] }), 20000 + t); // 3 within 1 s
  const r = m.report([a], new Float64Array(1));
  assert.deepEqual(r.threeInASecond, { viewers: 0, qa: 0, poll: 1 });
  assert.equal(r.minGapMs.qa, 500);
  assert.equal(r.minGapMs.poll, 400);
  assert.equal(r.updates.qa, 4);
});

test('the viewer count agrees once a subscriber sees the true count; a later different count is a disagreement', () => {
  const m = new TrainingMeasure({ t0: 0, maxQuestions: 1, histBuckets: HIST_BUCKETS });
  const early = TrainingMeasure.subState(), late = TrainingMeasure.subState(), never = TrainingMeasure.subState();
  m.onMessage(early, '/topic/training/7/viewers', viewers(3), 900); // right before the coordinator said so
  m.expectViewers([early, late, never], 3, 1000);
  m.onMessage(late, '/topic/training/7/viewers', viewers(2), 1100);
  m.onMessage(late, '/topic/training/7/viewers', viewers(3), 1700);
  m.onMessage(late, '/topic/training/7/viewers', viewers(4), 2300);
  m.onMessage(never, '/topic/training/7/viewers', viewers(2), 1200);
  const r = m.report([early, late, never], new Float64Array(1));
  assert.equal(r.viewers.agreed, 2);
  assert.equal(r.viewers.notAgreed, 1);
  assert.equal(r.viewers.maxMs, 700);
  assert.equal(r.viewers.disagreements, 1);
  assert.deepEqual(r.viewers.lastSeen, { 3: 1, 4: 1, 2: 1 });
});

test('an unparsable body and a foreign destination are counted, not taken as updates', () => {
  const m = new TrainingMeasure({ t0: 0, maxQuestions: 1, histBuckets: HIST_BUCKETS });
  const a = TrainingMeasure.subState();
  assert.match(m.onMessage(a, '/topic/training/7/qa', Buffer.from('not json'), 1), /unparsable qa/);
  assert.equal(m.onMessage(a, '/topic/bench', qa(1), 2), null);
  const r = m.report([a], new Float64Array(1));
  assert.equal(r.unparsable, 1);
  assert.equal(r.foreign, 1);
  assert.equal(r.updates.qa, 0);
});

// ---------------------------------------------------------------- the whole scenario against the fake broker
function startBroker(env = {}) {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [join(dir, 'test/fake-broker.mjs'), '0', '60'], { env: { ...process.env, FAKE_TRAINING: '1', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    p.stdout.once('data', (d) => { const m = /listening (\d+)/.exec(String(d)); m ? resolve({ p, port: Number(m[1]) }) : reject(new Error(String(d))); });
    p.once('exit', (c) => reject(new Error(`broker exited ${c}`)));
  });
}
function runT(port, pid, out, keyFile, extra = []) {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(dir, 'bench.mjs'), '--target', 'livehall', '--scenario', 't', '--livehall-url', `ws://127.0.0.1:${port}/ws`,
      '--livehall-pid', String(pid), '--t-subscribers', '30', '--t-seconds', '3', '--t-question-rate', '5', '--t-upvote-rate', '20',
      '--t-poll-votes', '20', '--t-poll-seconds', '1', '--t-poll-at-seconds', '1', '--t-session', '7', '--t-organiser', '1',
      '--t-users', '100-139', '--t-key-file', keyFile, '--batch', '10', '--quiet-seconds', '0', '--idle-seconds', '2',
      '--drain-seconds', '5', '--max-run-minutes', '2', '--out', out, ...extra],
    { timeout: 120000 }, (err, stdout, stderr) => {
      const f = readdirSync(out).find((x) => x.endsWith('.json'));
      resolve({ code: err ? err.code : 0, stdout, stderr, json: f ? JSON.parse(readFileSync(join(out, f), 'utf8')) : null });
    });
  });
}
async function withBroker(env, fn) {
  const { p, port } = await startBroker(env);
  const out = mkdtempSync(join(tmpdir(), 'stomp-bench-t-'));
  const keyFile = join(out, 'key.json');
  writeFileSync(keyFile, JSON.stringify(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' })));
  try { await fn(port, p.pid, join(out, 'results'), keyFile); } finally { p.kill(); rmSync(out, { recursive: true, force: true }); }
}

test('scenario t: every question reaches every viewer coalesced, the count and the poll are right', async () => {
  await withBroker({}, async (port, pid, out, keyFile) => {
    const r = await runT(port, pid, out, keyFile);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const t = r.json.results[0];
    assert.equal(t.valid, true, JSON.stringify(t.notes));
    assert.equal(t.driver.questionsOk, 15);
    assert.equal(t.questionDeliveries.expected, 15 * 30);
    assert.equal(t.questionDeliveries.delivered, 15 * 30);
    assert.ok(t.latencyMs.p99 > 0 && t.latencyMs.p99 < 1500, JSON.stringify(t.latencyMs));
    assert.deepEqual(t.threeInASecond, { viewers: 0, qa: 0, poll: 0 });
    assert.ok(t.updatesPerSecondPerSubscriber.qa > 0 && t.updatesPerSecondPerSubscriber.qa <= 2);
    assert.equal(t.viewerCount.agreed, 30);
    assert.ok(t.viewerCount.agreeAfterJoinsMs.max <= 1000);
    assert.equal(t.finalSeen.pollVoters[20], 30);
    assert.match(r.stdout, /t: question delivery p99/);
  });
});

test('scenario t: a room that publishes too often and a wrong viewer count are reported', async () => {
  await withBroker({ FAKE_COALESCE_MS: '100', FAKE_VIEWERS_OFFSET: '1' }, async (port, pid, out, keyFile) => {
    const r = await runT(port, pid, out, keyFile);
    assert.equal(r.code, 1);
    const t = r.json.results[0];
    assert.equal(t.valid, false);
    assert.ok(t.threeInASecond.qa > 0, JSON.stringify(t.threeInASecond));
    assert.ok(t.notes.some((n) => /qa: \d+ times a viewer got 3 updates within 1 s/.test(n)), JSON.stringify(t.notes));
    assert.equal(t.viewerCount.neverAgreed, 30);
    assert.ok(t.notes.some((n) => /never saw the true count 30/.test(n)));
  });
});

test('scenario t needs the session, accounts and key for Live Hall, and enough accounts for the poll', async () => {
  const run = (args) => new Promise((resolve) => execFile(process.execPath, [join(dir, 'bench.mjs'), '--target', 'livehall', '--scenario', 't', ...args],
    { timeout: 20000 }, (err, stdout, stderr) => resolve({ code: err ? err.code : 0, stderr })));
  assert.match((await run([])).stderr, /needs --t-session/);
  assert.match((await run(['--t-session', '1', '--t-organiser', '1', '--t-users', '1-10', '--t-key-file', '/nonexistent'])).stderr, /2000 poll votes need as many accounts/);
});

test('the most updates a subscriber got in one clock second, per topic', () => {
  const m = new TrainingMeasure({ t0: 0, maxQuestions: 1, histBuckets: HIST_BUCKETS });
  const a = TrainingMeasure.subState();
  for (const t of [5100, 5600, 6050, 6500, 6990]) m.onMessage(a, '/topic/training/7/qa', qa(1), t); // 3 in second 6
  const r = m.report([a], new Float64Array(1));
  assert.equal(r.maxInASecond.qa, 3);
  assert.equal(r.secondsOver2.qa, 1);
  assert.equal(r.maxInASecond.poll, 0);
});
