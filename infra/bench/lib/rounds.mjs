// Targets measured side by side: a warm-up of each, then rounds that alternate the targets so all of them see the
// same machine conditions; the median round of each, as a Markdown table.
import { fmt, median } from './stats.mjs';

const suffix = (t, res) => `${res.bad ? `, ${res.bad} non-200` : ''}${res.errors ? `, ${res.errors} socket errors` : ''}`;

/**
 * Runs `run(target, ms)` for each target: `warmup` s, then `rounds` × `seconds` s alternating, printing each round.
 * Answers one entry per target, `entry(target)` (its name by default) with `runs`. `extra(target, res)` ends each
 * round's line (non-200 answers and socket errors by default).
 */
export async function alternate({ targets, run, rounds, seconds, warmup, entry = (t) => ({ name: t.name }), extra = suffix }) {
  for (const t of targets) await run(t, warmup * 1000);
  const results = targets.map((t) => ({ ...entry(t), runs: [] }));
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < targets.length; i++) {
      const res = await run(targets[i], seconds * 1000);
      results[i].runs.push(res);
      console.log(`round ${r + 1} ${targets[i].name}: ${roundLine(res)}${extra(targets[i], res)}`);
    }
  }
  return results;
}

/** "1,234 req/s, p50 1.23 ms, p99 4.56 ms" */
export const roundLine = (res) => `${fmt(res.rps)} req/s, p50 ${res.p50.toFixed(2)} ms, p99 ${res.p99.toFixed(2)} ms`;

/** Sets each entry's `medianRps` (and its median round as `median` when `keepRun`). */
export function medians(results, { keepRun = true } = {}) {
  for (const t of results) {
    t.medianRps = median(t.runs.map((x) => x.rps));
    if (keepRun) t.median = t.runs.find((x) => x.rps === t.medianRps);
  }
}

/** The Markdown table of the entries' medians. */
export function printTable(results) {
  console.log('\n| target | req/s (median of rounds) | rounds | p50 / p99 (median round) |\n|---|---|---|---|');
  for (const t of results) {
    const m = t.runs.find((x) => x.rps === t.medianRps);
    console.log(`| ${t.name} | ${fmt(t.medianRps)} | ${t.runs.map((x) => fmt(x.rps)).join(', ')} | ${m.p50.toFixed(2)} / ${m.p99.toFixed(2)} ms |`);
  }
}

/** Non-200 answers and socket errors over all rounds. */
export const failures = (results) => results.flatMap((t) => t.runs).reduce((n, x) => n + x.bad + x.errors, 0);
