// The dashboard check against a fake API and database (node --test infra/proof/test/): it skips without the
// endpoints, passes when the snapshots equal the truth, and names the figure that differs.
import test from 'node:test';
import assert from 'node:assert/strict';
import { checkDashboard } from '../checks/dashboard.mjs';

const ids = { roomA: 1, roomB: 2, trainingId: 3, seriesId: 4, fairId: 5 };
const expectedViewers = { 'live:1': 10, 'live:2': 5, 'training:3': 7 };
const until = async (probe) => ({ ...(await probe()), ms: 0 });
const truth = (query) => {
  if (query.includes('sum(total_fen)')) return '12|34500';
  if (query.includes('from flash_deal')) return '1';
  if (query.includes('from fair_meeting')) return '4';
  throw new Error(`unexpected query ${query}`);
};
const snapshots = (over = {}) => ({
  showcase: { totals: { viewersNow: 15, ordersToday: 12, gmvTodayFen: 34500, dealsSoldOut: 1, ...over },
    rooms: [{ kind: 'LIVE', id: 1, viewersNow: 10 }, { kind: 'LIVE', id: 2, viewersNow: 5 }] },
  'training-4': { totals: {}, rooms: [{ kind: 'TRAINING', id: 3, viewersNow: 7 }] },
  'fair-5': { totals: { meetingsBooked: 4 }, rooms: [] },
});
const fakeApi = (snaps) => async (method, path) => {
  if (path === '/api/dashboard/scopes') return { status: 200, json: [] };
  const scope = path.replace('/api/dashboard/', '');
  return snaps[scope] ? { status: 200, json: snaps[scope] } : { status: 404, json: null };
};
const run = (api) => checkDashboard({ api, sql: truth, tokens: {}, ids, expectedViewers, until });

test('skipped when the build has no dashboard', async () => {
  const r = await run(async () => ({ status: 404, json: null }));
  assert.match(r.skipped, /no \/api\/dashboard/);
});

test('every figure equal to the truth passes', async () => {
  const r = await run(fakeApi(snapshots()));
  assert.equal(r.checks.length, 4);
  assert.deepEqual(r.checks.filter((c) => !c.ok), []);
});

test('a figure that differs fails, naming it', async () => {
  const r = await run(fakeApi(snapshots({ ordersToday: 11 })));
  const failed = r.checks.filter((c) => !c.ok);
  assert.equal(failed.length, 1);
  assert.match(failed[0].name, /orders and GMV/);
  assert.match(failed[0].detail, /shown 11 orders .* truth 12/);
});
