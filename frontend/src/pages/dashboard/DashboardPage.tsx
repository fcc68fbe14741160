import { useCallback, useEffect } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { FormAlert } from '../../components/Field';
import { usePageTitle } from '../../lib/usePageTitle';
import { useConnectionStatus } from '../../realtime/connectionStatus';
import type { ConnectionStatus } from '../../realtime/connectionStatus';
import { BigNumbers } from './BigNumbers';
import { formatClock } from './dashboard';
import { useDashboardPaths, withScope } from './dashboardPaths';
import { LiveSeries } from './LiveSeries';
import { Rankings } from './Rankings';
import { RegionsTable } from './RegionsTable';
import { RoomsTable } from './RoomsTable';
import { ScopePicker } from './ScopePicker';
import { useLiveDashboard } from './useLiveDashboard';
import { useScopes } from './useScopes';
import './dashboard.css';

const LINK_LABELS: Record<ConnectionStatus, string> = {
  idle: '连接中',
  connecting: '连接中',
  connected: '实时',
  reconnecting: '重连中',
  offline: '重连中',
};

/**
 * /organiser/dashboard?scope=… — the organisers' live dashboard: big numbers, the last 60 minutes, rankings, regions
 * and rooms of one scope, read over REST and then kept live by its STOMP topic. `&screen=1` is the big-screen mode:
 * dark, full screen, large type, no site chrome. /merchant/dashboard is the same for a merchant's own scope.
 */
export function DashboardPage() {
  const scopes = useScopes();
  const paths = useDashboardPaths();
  const { snapshot, series, error } = useLiveDashboard(scopes.scope);
  const status = useConnectionStatus();
  const [params, setParams] = useSearchParams();
  const screen = params.get('screen') === '1';
  usePageTitle(snapshot ? `实时看板 · ${snapshot.title}` : '实时看板');

  const setScreen = useCallback(
    (on: boolean) => {
      setParams((p) => {
        const next = new URLSearchParams(p);
        if (on) next.set('screen', '1');
        else next.delete('screen');
        return next;
      });
      if (on) void document.documentElement.requestFullscreen?.().catch(() => undefined);
      else if (document.fullscreenElement) void document.exitFullscreen?.().catch(() => undefined);
    },
    [setParams],
  );

  useEffect(() => {
    if (!screen) return;
    document.body.classList.add('dash-screen-open');
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setScreen(false);
    // the browser's own Esc leaves full screen without a keydown: leave the big-screen layout with it
    const onFullscreen = () => !document.fullscreenElement && setScreen(false);
    window.addEventListener('keydown', onKey);
    document.addEventListener('fullscreenchange', onFullscreen);
    return () => {
      document.body.classList.remove('dash-screen-open');
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('fullscreenchange', onFullscreen);
    };
  }, [screen, setScreen]);

  const live = status === 'connected';
  const scope = scopes.scope;

  return (
    <div className={screen ? 'dash dash-screen' : 'container page dash'} data-testid="dashboard-page" data-screen={screen ? '1' : '0'}>
      <div className="dash-head">
        <div className="dash-title">
          {!screen && <p className="small"><Link to={paths.home} data-testid="link-home">← {paths.homeLabel}</Link></p>}
          <h1>实时看板{snapshot ? `：${snapshot.title}` : ''}</h1>
          {snapshot && (
            <p className="dash-status small" data-testid="dash-status">
              <span className={`dash-link dash-link-${live ? 'live' : 'down'}`} data-testid="dash-connection" data-status={status}>
                <span className="dash-link-dot" aria-hidden="true" />
                {LINK_LABELS[status]}
              </span>
              <span data-testid="dash-at">数据时间 {formatClock(snapshot.at)}（北京时间）</span>
            </p>
          )}
        </div>
        <div className="dash-tools">
          <ScopePicker scopes={scopes} />
          {scope && (
            <Link className="btn btn-ghost btn-sm" to={withScope(paths.report, scope)} data-testid="link-report">
              报表与历史
            </Link>
          )}
          <button type="button" className="btn btn-ghost btn-sm" data-testid="screen-toggle" onClick={() => setScreen(!screen)}>
            {screen ? '退出大屏' : '大屏模式'}
          </button>
        </div>
      </div>

      <FormAlert message={scopes.error ?? error} />
      {scopes.list && scopes.list.length === 0 && !scope && (
        <p className="muted" data-testid="no-scopes">你还没有可查看的看板。主办培训或对接会后，这里会显示它们的实时数据。</p>
      )}
      {scope && !snapshot && !error && !scopes.error && <p className="muted" data-testid="dash-loading">加载中…</p>}

      {snapshot && (
        <>
          <BigNumbers totals={snapshot.totals} shop={snapshot.scope.startsWith('merchant-')} />
          <div className="dash-grid">
            <LiveSeries minutes={series} dark={screen} />
            <Rankings products={snapshot.topProducts ?? []} sessions={snapshot.topSessions ?? []} dark={screen} />
            <RegionsTable regions={snapshot.regions ?? []} showcase={scope === 'showcase'} />
            <RoomsTable rooms={snapshot.rooms ?? []} />
          </div>
        </>
      )}
    </div>
  );
}
