// Scenario t (training room, issue 13): what one subscriber worker measures on the /viewers, /qa and /poll topics of
// one training session. Pure bookkeeping (no sockets), so test/training-measure.test.mjs checks it directly.
//
// Question delivery: the driver posts questions one at a time (each POST answered before the next is sent), so the
// questions committed at any instant are a prefix of the driver's sequence, and a /qa snapshot whose `total` is T
// contains questions 1..T. (The snapshot lists only the top 50, so "listed" cannot be the test: past 50 questions a new
// one with few votes is counted in `total` but not listed.) A subscriber's first snapshot with total ≥ k is question
// k's delivery to it; latency = that arrival − the time the driver got the POST's answer.
//
// Coalescing: per subscriber and topic, the arrival times of the last two updates; a third update less than 1 s after
// the one two before it is "3 in a second" (the rule is ≤ 2 per second per room and topic). The least gap between
// two updates is kept too, and per wall-clock second (aligned) the most updates one subscriber got: the sliding window
// also catches jitter (two snapshots claimed 500 ms apart whose reads took different times arrive closer together).
//
// Viewer count: the last `now` seen on /viewers per subscriber; once the coordinator says how many subscribers are
// connected (expectViewers), each subscriber's first update with that count is its agreement time; later updates with
// another count (while nothing joins or leaves) are disagreements.

export const TOPICS = ['viewers', 'qa', 'poll'];
const topicOf = (destination) => {
  const i = destination.lastIndexOf('/');
  const t = destination.slice(i + 1);
  return TOPICS.includes(t) ? t : null;
};

/** bucket i holds latencies in [exp(i/100), exp((i+1)/100)) µs, as in the other scenarios */
export const bucketOf = (HIST_BUCKETS, us) => (us < 1 ? 0 : Math.min(HIST_BUCKETS - 1, Math.floor(Math.log(us) * 100)));

export class TrainingMeasure {
  constructor({ t0, maxQuestions = 20000, histBuckets }) {
    this.t0 = t0;
    this.maxQuestions = maxQuestions;
    this.histBuckets = histBuckets;
    this.updates = { viewers: 0, qa: 0, poll: 0 };
    this.threeInASecond = { viewers: 0, qa: 0, poll: 0 };
    this.minGapMs = { viewers: Infinity, qa: Infinity, poll: Infinity };
    this.maxInASecond = { viewers: 0, qa: 0, poll: 0 }; // aligned wall-clock seconds
    this.secondsOver2 = { viewers: 0, qa: 0, poll: 0 };
    this.unparsable = 0;
    this.foreign = 0;
    this.expected = null; // { count, since }
    this.disagreements = 0;
    this.cache = { viewers: [], qa: [], poll: [] }; // the same snapshot reaches every subscriber: parse it once
    this.parses = 0;
  }

  /** per-subscriber state, created on its first message */
  static subState() {
    return { last: { viewers: [0, 0], qa: [0, 0], poll: [0, 0] }, sec: { viewers: [-1, 0], qa: [-1, 0], poll: [-1, 0] }, seenTotal: 0, firstSeen: null, viewersNow: null, viewersAt: 0, agreeAt: 0, pollVoters: null, pollCounts: null };
  }

  parse(topic, body) {
    const list = this.cache[topic];
    for (const e of list) if (e.buf.length === body.length && e.buf.equals(body)) return e.value;
    let value;
    try { value = JSON.parse(body.toString('utf8')); } catch { value = null; }
    this.parses++;
    list.unshift({ buf: Buffer.from(body), value });
    if (list.length > 4) list.pop();
    return value;
  }

  /** one MESSAGE at `now` for subscriber state `s`; returns a problem text or null */
  onMessage(s, destination, body, now) {
    const topic = topicOf(destination);
    if (!topic) { this.foreign++; return null; }
    const v = this.parse(topic, body);
    if (!v || typeof v !== 'object') { this.unparsable++; return `unparsable ${topic} body: ${body.toString('utf8').slice(0, 120)}`; }
    this.updates[topic]++;
    const [prev2, prev1] = s.last[topic];
    if (prev1) this.minGapMs[topic] = Math.min(this.minGapMs[topic], now - prev1);
    if (prev2 && now - prev2 < 1000) this.threeInASecond[topic]++;
    s.last[topic] = [prev1, now];
    const sec = s.sec[topic], si = Math.floor(now / 1000);
    if (sec[0] !== si) { sec[0] = si; sec[1] = 0; }
    if (++sec[1] > this.maxInASecond[topic]) this.maxInASecond[topic] = sec[1];
    if (sec[1] === 3) this.secondsOver2[topic]++;
    if (topic === 'qa') {
      const total = Number(v.total);
      if (Number.isInteger(total) && total > s.seenTotal) {
        const upto = Math.min(total, this.maxQuestions);
        if (!s.firstSeen) s.firstSeen = new Float64Array(this.maxQuestions + 1);
        for (let k = s.seenTotal + 1; k <= upto; k++) s.firstSeen[k] = now;
        s.seenTotal = total;
      }
    } else if (topic === 'viewers') {
      const n = Number(v.now);
      s.viewersNow = n; s.viewersAt = now;
      if (this.expected) {
        if (n === this.expected.count) { if (!s.agreeAt) s.agreeAt = now; } else if (s.agreeAt) this.disagreements++;
      }
    } else if (topic === 'poll') {
      const p = Array.isArray(v.polls) ? v.polls.find((x) => x.status === 'OPEN') ?? v.polls[0] : null;
      if (p) { s.pollVoters = p.voters; s.pollCounts = p.counts; }
    }
    return null;
  }

  /** the coordinator's word: `count` subscribers are connected since `since` (the last SUBSCRIBE's RECEIPT) */
  expectViewers(subStates, count, since) {
    this.expected = { count, since };
    // an update with the right count may have come before this message reached the worker
    for (const s of subStates) if (s.viewersNow === count && !s.agreeAt) s.agreeAt = s.viewersAt;
  }

  /**
   * After the run: `answered[k]` (k = 1..n) is when the driver got question k's answer (0 = not asked / failed).
   * Returns histograms and counts to merge across workers.
   */
  report(subStates, answered) {
    const hist = new Uint32Array(this.histBuckets);
    let delivered = 0, missing = 0, negative = 0, maxMs = 0, sumMs = 0;
    const n = answered.length - 1;
    const agreeHist = new Uint32Array(this.histBuckets);
    let agreeMaxMs = 0, agreed = 0, notAgreed = 0;
    const viewersLast = {};
    const pollVoters = {};
    let minTotal = Infinity, maxTotal = 0;
    for (const s of subStates) {
      for (let k = 1; k <= n; k++) {
        if (!answered[k]) continue;
        const seen = s.firstSeen && k < s.firstSeen.length ? s.firstSeen[k] : 0;
        if (!seen) { missing++; continue; }
        let ms = seen - answered[k];
        if (ms < 0) { negative++; ms = 0; }
        hist[bucketOf(this.histBuckets, ms * 1000)]++;
        sumMs += ms; if (ms > maxMs) maxMs = ms; delivered++;
      }
      minTotal = Math.min(minTotal, s.seenTotal); maxTotal = Math.max(maxTotal, s.seenTotal);
      if (this.expected) {
        if (s.agreeAt) {
          const ms = Math.max(0, s.agreeAt - this.expected.since);
          agreeHist[bucketOf(this.histBuckets, ms * 1000)]++; agreed++; if (ms > agreeMaxMs) agreeMaxMs = ms;
        } else notAgreed++;
      }
      viewersLast[s.viewersNow] = (viewersLast[s.viewersNow] || 0) + 1;
      pollVoters[s.pollVoters] = (pollVoters[s.pollVoters] || 0) + 1;
    }
    const fin = (x) => (Number.isFinite(x) ? x : null);
    return {
      question: { hist, delivered, missing, negative, maxMs, sumMs },
      viewers: { hist: agreeHist, agreed, notAgreed, maxMs: agreeMaxMs, disagreements: this.disagreements, lastSeen: viewersLast },
      updates: { ...this.updates }, threeInASecond: { ...this.threeInASecond }, maxInASecond: { ...this.maxInASecond }, secondsOver2: { ...this.secondsOver2 },
      minGapMs: { viewers: fin(this.minGapMs.viewers), qa: fin(this.minGapMs.qa), poll: fin(this.minGapMs.poll) },
      qaTotalSeen: { min: fin(minTotal), max: maxTotal }, pollVotersSeen: pollVoters,
      unparsable: this.unparsable, foreign: this.foreign, parses: this.parses,
    };
  }
}

/** merges worker reports (TrainingMeasure.report) into one */
export function mergeTrainingReports(reps, histBuckets) {
  const out = {
    question: { hist: new Uint32Array(histBuckets), delivered: 0, missing: 0, negative: 0, maxMs: 0, sumMs: 0 },
    viewers: { hist: new Uint32Array(histBuckets), agreed: 0, notAgreed: 0, maxMs: 0, disagreements: 0, lastSeen: {} },
    updates: { viewers: 0, qa: 0, poll: 0 }, threeInASecond: { viewers: 0, qa: 0, poll: 0 },
    maxInASecond: { viewers: 0, qa: 0, poll: 0 }, secondsOver2: { viewers: 0, qa: 0, poll: 0 },
    minGapMs: { viewers: null, qa: null, poll: null }, qaTotalSeen: { min: null, max: 0 }, pollVotersSeen: {},
    unparsable: 0, foreign: 0, parses: 0,
  };
  const addCounts = (a, b) => { for (const [k, v] of Object.entries(b)) a[k] = (a[k] || 0) + v; };
  for (const r of reps) {
    if (!r) continue;
    for (const part of ['question', 'viewers']) {
      for (let i = 0; i < histBuckets; i++) out[part].hist[i] += r[part].hist[i];
      out[part].maxMs = Math.max(out[part].maxMs, r[part].maxMs);
    }
    for (const k of ['delivered', 'missing', 'negative', 'sumMs']) out.question[k] += r.question[k];
    for (const k of ['agreed', 'notAgreed', 'disagreements']) out.viewers[k] += r.viewers[k];
    addCounts(out.viewers.lastSeen, r.viewers.lastSeen);
    addCounts(out.updates, r.updates); addCounts(out.threeInASecond, r.threeInASecond); addCounts(out.secondsOver2, r.secondsOver2);
    for (const t of TOPICS) out.maxInASecond[t] = Math.max(out.maxInASecond[t], r.maxInASecond[t]);
    for (const t of TOPICS) if (r.minGapMs[t] !== null) out.minGapMs[t] = out.minGapMs[t] === null ? r.minGapMs[t] : Math.min(out.minGapMs[t], r.minGapMs[t]);
    if (r.qaTotalSeen.min !== null) out.qaTotalSeen.min = out.qaTotalSeen.min === null ? r.qaTotalSeen.min : Math.min(out.qaTotalSeen.min, r.qaTotalSeen.min);
    out.qaTotalSeen.max = Math.max(out.qaTotalSeen.max, r.qaTotalSeen.max);
    addCounts(out.pollVotersSeen, r.pollVotersSeen);
    out.unparsable += r.unparsable; out.foreign += r.foreign; out.parses += r.parses;
  }
  return out;
}
