import { useId } from 'react';
import type { Scopes } from './useScopes';

/** The scope picker: every event (or group of them) the caller may watch, live ones marked. */
export function ScopePicker({ scopes }: { scopes: Scopes }) {
  const id = useId();
  const { list, scope, choose } = scopes;
  if (!list) return null;
  // a scope typed into the URL that is not listed still shows (the server answers for it: 403/404)
  const known = scope === null || list.some((s) => s.scope === scope);
  return (
    <label className="dash-scope" htmlFor={id}>
      <span className="dash-scope-label">看板范围</span>
      <select id={id} value={scope ?? ''} onChange={(e) => choose(e.target.value)} data-testid="scope-picker">
        {!known && <option value={scope!}>{scope}</option>}
        {list.map((s) => (
          <option key={s.scope} value={s.scope}>
            {s.title}{s.live ? ' · 进行中' : ''}
          </option>
        ))}
      </select>
    </label>
  );
}
