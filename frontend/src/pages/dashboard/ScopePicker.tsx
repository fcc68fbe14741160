import { useId, useState } from 'react';
import type { DashboardScope } from '../../api/dashboard';
import { scopeFallbackLabel } from './dashboardPaths';
import { MerchantSearch } from './MerchantSearch';
import type { Scopes } from './useScopes';

/**
 * The scope picker: every event (or group of them) the caller may watch, live ones marked; for whoever may watch the
 * showcase (organisers, admins) also 按商家查看, one merchant's dashboard picked by name.
 */
export function ScopePicker({ scopes }: { scopes: Scopes }) {
  const id = useId();
  const [picked, setPicked] = useState<DashboardScope | null>(null);
  const { list, scope, choose } = scopes;
  if (!list) return null;
  // a scope typed into the URL (or a merchant picked by name) that is not listed still shows; the server answers for it
  const known = scope === null || list.some((s) => s.scope === scope);
  const byMerchant = list.some((s) => s.kind === 'SHOWCASE');
  return (
    <>
      <label className="dash-scope" htmlFor={id}>
        <span className="dash-scope-label">看板范围</span>
        <select id={id} value={scope ?? ''} onChange={(e) => choose(e.target.value)} data-testid="scope-picker">
          {!known && <option value={scope!}>{picked?.scope === scope ? picked.title : scopeFallbackLabel(scope!)}</option>}
          {list.map((s) => (
            <option key={s.scope} value={s.scope}>
              {s.title}{s.live ? ' · 进行中' : ''}
            </option>
          ))}
        </select>
      </label>
      {byMerchant && <MerchantSearch onPick={(m) => { setPicked(m); choose(m.scope); }} />}
    </>
  );
}
