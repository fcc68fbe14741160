// Scenario t (training room, issue 13): the HTTP driver, run in the publisher worker. It acts as the organiser
// (start the session, create and open a poll) and as the audience's accounts (questions, upvotes, poll votes), with
// tokens minted with the app's own signing key (as infra/bench/orders does), so no login and no registration (both
// rate-limited per address) are needed. Only loopback.
//
//   prepare: the session LIVE (start it unless it is), a single-choice poll as a draft
//   drive:   for durationMs: questions at qRate/s one at a time (each answered before the next is sent: the committed
//            questions are then always a prefix of the sequence, see training-measure.mjs), upvotes at upRate/s on
//            recent questions (never one user twice on one question), and pollVotes votes in pollSeconds from
//            pollAtMs (the poll opened then), each by a different account
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

const clock = () => performance.timeOrigin + performance.now();

const b64 = (obj) => Buffer.from(JSON.stringify(obj)).toString('base64url');
export function tokenMinter(keyFile) {
  const key = crypto.createPrivateKey({ key: JSON.parse(fs.readFileSync(keyFile, 'utf8')), format: 'jwk' });
  return (userId, roles) => {
    const now = Math.floor(Date.now() / 1000);
    const body = `${b64({ alg: 'RS256' })}.${b64({
      iss: 'livehall', sub: String(userId), jti: crypto.randomUUID(), iat: now, exp: now + 3600,
      preferred_username: `tbench-${userId}`, name: `学员${userId}`, roles, ver: 0,
    })}`;
    return `${body}.${crypto.sign('sha256', Buffer.from(body), key).toString('base64url')}`;
  };
}

function client(baseUrl, maxSockets) {
  const base = new URL(baseUrl);
  const h = base.hostname.replace(/^\[|\]$/g, '');
  if (!(h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h))) throw new Error(`refusing non-loopback ${baseUrl}`);
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  return (method, path, token, body) => {
    const payload = body === undefined ? null : Buffer.from(JSON.stringify(body));
    const headers = { Accept: 'application/json' };
    if (payload) { headers['Content-Type'] = 'application/json'; headers['Content-Length'] = payload.length; }
    if (token) headers.Authorization = `Bearer ${token}`;
    return new Promise((resolve) => {
      const req = http.request({ host: base.hostname, port: base.port, path, method, headers, agent, timeout: 15000 }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json = null; try { json = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
          resolve({ status: res.statusCode, json, text });
        });
      });
      req.on('timeout', () => req.destroy(new Error('timeout after 15 s')));
      req.on('error', (e) => resolve({ status: 0, json: null, text: e.message }));
      req.end(payload ?? undefined);
    });
  };
}

const sessionPath = (id) => `/api/training/sessions/${id}`;
const organiserPath = (id) => `/api/organiser/training/sessions/${id}`;

/** the session LIVE and a poll draft; returns { pollId, status } or throws */
export async function prepareTraining({ baseUrl, keyFile, sessionId, organiserId, pollOptions = 4 }) {
  const mint = tokenMinter(keyFile);
  const call = client(baseUrl, 4);
  const org = mint(organiserId, ['ORGANISER']);
  const start = await call('POST', `${organiserPath(sessionId)}/start`, org);
  if (start.status !== 200 && start.status !== 409) throw new Error(`start session ${sessionId}: HTTP ${start.status} ${start.text.slice(0, 200)}`);
  const s = await call('GET', sessionPath(sessionId));
  if (s.json?.status !== 'LIVE') throw new Error(`session ${sessionId} is ${s.json?.status ?? 'HTTP ' + s.status}, not LIVE`);
  const options = Array.from({ length: pollOptions }, (_, i) => `选项${i + 1}`);
  const poll = await call('POST', `${organiserPath(sessionId)}/polls`, org, { question: '本节课程对您是否有帮助？', options, multiple: false });
  if (poll.status !== 201) throw new Error(`create poll: HTTP ${poll.status} ${poll.text.slice(0, 200)}`);
  return { pollId: poll.json.id, status: 'LIVE', options: options.length };
}

const tally = (m, k) => { m[k] = (m[k] || 0) + 1; };
function summarize(xs) {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => Math.round(s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] * 10) / 10;
  return { n: s.length, p50: at(0.5), p99: at(0.99), max: at(1) };
}

export async function driveTraining(args, problem) {
  const { baseUrl, keyFile, sessionId, organiserId, users, pollId, pollOptions, durationMs, qRate, upRate, pollVotes, pollAtMs, pollSeconds, maxInFlight = 64 } = args;
  const mint = tokenMinter(keyFile);
  // questions on their own socket: queued behind upvotes in a shared pool they would fall behind their schedule
  const ask = client(baseUrl, 1);
  const call = client(baseUrl, maxInFlight + 1);
  const org = mint(organiserId, ['ORGANISER']);
  const tokens = users.map((id) => mint(id, ['VIEWER']));
  const nq = Math.round((qRate * durationMs) / 1000);
  const questions = []; // { k, id, tSent, tAnswered, status }
  const answered = new Float64Array(nq + 1);
  const statuses = { question: {}, upvote: {}, pollVote: {}, pollOpen: {} };
  const took = { upvote: [], pollVote: [] };
  const skipped = { upvote: 0, pollVote: 0 };
  let inFlight = 0, lateQuestions = 0, pollOpenedAt = null;
  const failed = (kind, r) => { if (r.status < 200 || r.status > 299) problem(`http-${kind}`, `HTTP ${r.status} ${r.text.slice(0, 200)}`); };
  const tStart = clock();

  // questions: one in flight, on schedule (late ones go at once and are counted)
  const asking = (async () => {
    for (let k = 1; k <= nq; k++) {
      const wait = tStart + ((k - 1) * 1000) / qRate - clock();
      if (wait > 0) await sleep(wait); else if (wait < -50) lateQuestions++;
      const tSent = clock();
      const r = await ask('POST', `${sessionPath(sessionId)}/qa`, tokens[k % tokens.length], { text: `第${k}个问题：中小企业如何申请本期惠企政策补贴？` });
      const tAnswered = clock();
      tally(statuses.question, r.status); failed('question', r);
      questions.push({ k, id: r.json?.id ?? null, tSent, tAnswered, status: r.status });
      if (r.status === 201) answered[k] = tAnswered;
      else break; // the prefix property needs every question: stop asking (reported as a problem)
    }
  })();

  // upvotes and poll votes: fire-and-count on a fixed schedule, never more than maxInFlight requests at once
  const used = new Set();
  const fire = (kind, method, path, token, body) => {
    if (inFlight >= maxInFlight) { skipped[kind]++; return; }
    inFlight++;
    const t = clock();
    call(method, path, token, body).then((r) => { inFlight--; took[kind].push(clock() - t); tally(statuses[kind], r.status); failed(kind, r); });
  };
  const upvote = () => {
    const ok = questions.filter((q) => q.id !== null);
    if (!ok.length) { skipped.upvote++; return; }
    for (let tries = 0; tries < 20; tries++) {
      const q = ok[ok.length - 1 - Math.floor(Math.random() * Math.min(20, ok.length))];
      const u = Math.floor(Math.random() * tokens.length);
      const key = `${u}:${q.id}`;
      if (used.has(key)) continue;
      used.add(key);
      fire('upvote', 'PUT', `${sessionPath(sessionId)}/qa/${q.id}/vote`, tokens[u]);
      return;
    }
    skipped.upvote++;
  };
  const totalUp = Math.round((upRate * durationMs) / 1000);
  const voting = (async () => {
    let up = 0, pv = 0;
    const pollStart = tStart + pollAtMs;
    const pollGap = (pollSeconds * 1000) / Math.max(1, pollVotes);
    for (;;) {
      const now = clock();
      if (now - tStart >= durationMs && up >= totalUp && pv >= pollVotes) break;
      if (now - tStart >= durationMs + 5000) break; // the schedule slipped too far: the rest is counted as skipped
      while (up < totalUp && tStart + (up * 1000) / upRate <= now) { upvote(); up++; }
      if (pollOpenedAt === null && now >= pollStart) {
        pollOpenedAt = -1;
        const r = await call('POST', `${organiserPath(sessionId)}/polls/${pollId}/open`, org);
        tally(statuses.pollOpen, r.status); failed('poll-open', r);
        pollOpenedAt = clock();
      }
      while (pollOpenedAt > 0 && pv < pollVotes && pollStart + pv * pollGap <= clock()) {
        fire('pollVote', 'POST', `${sessionPath(sessionId)}/polls/${pollId}/vote`, tokens[pv % tokens.length], { choices: [pv % pollOptions] });
        pv++;
      }
      await sleep(5);
    }
    skipped.upvote += totalUp - up; skipped.pollVote += pollVotes - pv;
  })();
  await Promise.all([asking, voting]);
  const tEnd = clock();
  for (let i = 0; i < 400 && inFlight > 0; i++) await sleep(50); // bounded: 20 s
  const okCount = (m, code) => m[code] || 0;
  return {
    tStart, tEnd, questionsPlanned: nq, questions: questions.map((q) => ({ k: q.k, id: q.id, ms: Math.round((q.tAnswered - q.tSent) * 10) / 10, status: q.status })),
    answered, lateQuestions, statuses, skipped, upvoteMs: summarize(took.upvote), pollVoteMs: summarize(took.pollVote), inFlightAtEnd: inFlight, pollOpenedAt,
    questionsOk: okCount(statuses.question, 201), upvotesOk: okCount(statuses.upvote, 200), pollVotesOk: okCount(statuses.pollVote, 200),
  };
}
