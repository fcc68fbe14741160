import { useEffect, useState } from 'react';
import { dashboardApi } from '../../api/dashboard';
import type { DashboardMinute, DashboardSnapshot } from '../../api/dashboard';
import { dashboardDestinations } from '../../realtime/destinations';
import { useTopic } from '../../realtime/useTopic';
import { dashboardErrorText, isNewer, mergeMinutes } from './dashboard';

export interface LiveDashboard {
  snapshot: DashboardSnapshot | null;
  /** the live chart's points: the last 60 minutes, grown by each frame */
  series: DashboardMinute[];
  error: string | null;
}

interface State extends LiveDashboard {
  scope: string | null;
}

const EMPTY: LiveDashboard = { snapshot: null, series: [], error: null };

/**
 * A scope's snapshot: read once over REST, then each frame of `/topic/dashboard/{scope}/overview` (subscribed only
 * once the read succeeded: a refused SUBSCRIBE would end the whole connection). An older answer never replaces a
 * newer frame; the series keeps what it showed and takes the frame's minutes over it.
 */
export function useLiveDashboard(scope: string | null): LiveDashboard {
  const [state, setState] = useState<State>({ scope, ...EMPTY });
  const current = state.scope === scope ? state : EMPTY;

  const apply = (forScope: string, next: DashboardSnapshot) =>
    setState((s) => {
      if (s.scope !== forScope || !isNewer(next, s.snapshot)) return s;
      return { scope: forScope, snapshot: next, series: mergeMinutes(s.series, next.minutes ?? []), error: null };
    });

  useEffect(() => {
    setState({ scope, ...EMPTY });
    if (!scope) return;
    const ctl = new AbortController();
    dashboardApi.snapshot(scope, ctl.signal).then((s) => apply(scope, s)).catch((e: unknown) => {
      if (!ctl.signal.aborted) setState((s) => (s.scope === scope ? { ...s, error: dashboardErrorText(e) } : s));
    });
    return () => ctl.abort();
  }, [scope]);

  const readable = scope !== null && current.snapshot !== null;
  useTopic<DashboardSnapshot>(readable ? dashboardDestinations.overview(scope) : null, (frame) => apply(scope!, frame));

  return current;
}
