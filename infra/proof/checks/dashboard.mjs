// The organiser dashboard's figures against the truth (the contract of GET /api/dashboard/{scope}, issue 15 item 1).
// Pluggable: when the instances have no dashboard (GET /api/dashboard/scopes answers 404) the check is skipped, and
// PROOF_DASHBOARD=off skips it on purpose. Answers { skipped: reason } or { checks: [{ name, ok, detail }] }.
//
// ctx: api(method, path, token) → { status, json }; sql(query) → text; tokens { admin, organiser };
//      ids { roomA, roomB, trainingId, seriesId, fairId }; expectedViewers { 'live:<id>': n, 'training:<id>': n };
//      until(probe, limitMs) → polls probe() → { ok, detail } until ok (the snapshot is coalesced, ≤ 1 s late).
export async function checkDashboard({ api, sql, tokens, ids, expectedViewers, until }) {
  if (process.env.PROOF_DASHBOARD === 'off') return { skipped: 'PROOF_DASHBOARD=off' };
  const scopes = await api('GET', '/api/dashboard/scopes', tokens.admin);
  if (scopes.status === 404) return { skipped: 'this build has no /api/dashboard endpoints' };
  if (scopes.status !== 200) return { checks: [{ name: 'scopes', ok: false, detail: `GET /api/dashboard/scopes answered ${scopes.status}` }] };

  const checks = [];
  const snapshot = async (scope) => (await api('GET', `/api/dashboard/${scope}`, tokens.admin)).json;
  const room = (snap, kind, id) => snap?.rooms?.find((r) => r.kind === kind && r.id === id);
  const compare = async (name, probe) => {
    const r = await until(probe, 10_000);
    checks.push({ name, ok: r.ok, detail: `${r.detail} (${r.ms} ms)` });
  };

  await compare('showcase: viewers per live room and in all', async () => {
    const snap = await snapshot('showcase');
    const a = room(snap, 'LIVE', ids.roomA)?.viewersNow, b = room(snap, 'LIVE', ids.roomB)?.viewersNow;
    const ea = expectedViewers[`live:${ids.roomA}`], eb = expectedViewers[`live:${ids.roomB}`];
    const total = snap?.totals?.viewersNow; // the proof's database has no other live rooms
    return { ok: a === ea && b === eb && total === ea + eb,
      detail: `shown ${a} and ${b} (total ${total}), truth ${ea} and ${eb} (total ${ea + eb})` };
  });
  await compare('showcase: orders and GMV today, deals sold out', async () => {
    const t = (await snapshot('showcase'))?.totals;
    const [orders, gmv] = sql(`select count(*), coalesce(sum(total_fen), 0) from customer_order where status <> 'CANCELLED'
        and created_at >= date_trunc('day', now() at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai'`).split('|').map(Number);
    const soldOut = Number(sql(`select count(*) from flash_deal d where quantity = (select coalesce(sum(quantity), 0)
        from customer_order o where o.deal_id = d.id and o.status <> 'CANCELLED')`));
    return { ok: t?.ordersToday === orders && t?.gmvTodayFen === gmv && t?.dealsSoldOut === soldOut,
      detail: `shown ${t?.ordersToday} orders / ${t?.gmvTodayFen} fen / ${t?.dealsSoldOut} sold out, truth ${orders} / ${gmv} / ${soldOut}` };
  });
  await compare(`training-${ids.seriesId}: viewers of the session`, async () => {
    const shown = room(await snapshot(`training-${ids.seriesId}`), 'TRAINING', ids.trainingId)?.viewersNow;
    const truth = expectedViewers[`training:${ids.trainingId}`];
    return { ok: shown === truth, detail: `shown ${shown}, truth ${truth}` };
  });
  await compare(`fair-${ids.fairId}: meetings booked`, async () => {
    const shown = (await snapshot(`fair-${ids.fairId}`))?.totals?.meetingsBooked;
    const truth = Number(sql(`select count(*) from fair_meeting where fair_id = ${ids.fairId} and status in ('BOOKED', 'HELD', 'NO_SHOW')`));
    return { ok: shown === truth, detail: `shown ${shown}, PostgreSQL ${truth}` };
  });
  return { checks };
}
