import { Link } from 'react-router-dom';
import type { DashboardRoom } from '../../api/dashboard';
import { ROOM_KIND_LABELS, formatNumber, roomLink } from './dashboard';

/** Every room of the scope: viewers now, peak and unique viewers, live or not. */
export function RoomsTable({ rooms }: { rooms: DashboardRoom[] }) {
  return (
    <section className="dash-panel" aria-labelledby="dash-rooms-title">
      <h2 id="dash-rooms-title">直播间与场次</h2>
      {rooms.length === 0 ? (
        <p className="muted" data-testid="rooms-empty">暂无直播间或场次</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table dash-table" data-testid="rooms-table">
            <thead>
              <tr><th>名称</th><th>状态</th><th className="num">在线</th><th className="num">峰值</th><th className="num">独立观众</th></tr>
            </thead>
            <tbody>
              {rooms.map((r) => (
                <tr key={`${r.kind}-${r.id}`} data-testid="room-row">
                  <td className="dash-name">
                    <span className="dash-kind">{ROOM_KIND_LABELS[r.kind] ?? r.kind}</span>
                    <Link to={roomLink(r.kind, r.id)}>{r.title}</Link>
                  </td>
                  <td>{r.live ? <span className="dash-live-badge">直播中</span> : <span className="muted">未开播</span>}</td>
                  <td className="num">{formatNumber(r.viewersNow)}</td>
                  <td className="num">{formatNumber(r.peakViewers)}</td>
                  <td className="num">{formatNumber(r.uniqueViewers)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
