import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { dashboardApi } from '../../api/dashboard';
import type { DashboardScope } from '../../api/dashboard';
import { dashboardErrorText } from './dashboard';

export interface Scopes {
  /** what the caller may watch (live ones first); null while loading */
  list: DashboardScope[] | null;
  error: string | null;
  /** the scope in the URL (`?scope=`), or null until the first of the list is put there */
  scope: string | null;
  /** switch to another scope (kept in the URL, other parameters kept too) */
  choose: (scope: string) => void;
}

/**
 * The scopes the caller may watch and the chosen one, remembered in the URL. Without `?scope=` the first of the list
 * (the server puts live ones first) is chosen, replacing the history entry.
 */
export function useScopes(): Scopes {
  const [params, setParams] = useSearchParams();
  const [list, setList] = useState<DashboardScope[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const scope = params.get('scope') || null;

  useEffect(() => {
    const ctl = new AbortController();
    dashboardApi.scopes(ctl.signal).then(setList).catch((e: unknown) => {
      if (!ctl.signal.aborted) setError(dashboardErrorText(e));
    });
    return () => ctl.abort();
  }, []);

  useEffect(() => {
    if (scope || !list || list.length === 0) return;
    setParams((p) => {
      const next = new URLSearchParams(p);
      next.set('scope', list[0].scope);
      return next;
    }, { replace: true });
  }, [scope, list, setParams]);

  const choose = (next: string) =>
    setParams((p) => {
      const q = new URLSearchParams(p);
      q.set('scope', next);
      return q;
    });

  return { list, error, scope, choose };
}
