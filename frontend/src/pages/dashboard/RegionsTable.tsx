import type { DashboardRegion } from '../../api/dashboard';
import { formatNumber, formatYuan } from './dashboard';

/**
 * Viewers, orders and today's GMV by region (the showcase: Shaanxi's cities), and the fairs' participating enterprises
 * (a column of its own, shown when the scope has fairs), the busiest first.
 */
export function RegionsTable({ regions, showcase }: { regions: DashboardRegion[]; showcase: boolean }) {
  const enterprises = regions.some((r) => r.enterprises > 0);
  return (
    <section className="dash-panel" aria-labelledby="dash-regions-title">
      <h2 id="dash-regions-title">{showcase ? '地区分布（陕西各地市）' : '地区分布'}</h2>
      {regions.length === 0 ? (
        <p className="muted" data-testid="regions-empty">暂无地区数据</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table dash-table" data-testid="regions-table">
            <thead>
              <tr><th>地区</th><th className="num">在线</th><th className="num">订单</th><th className="num">今日成交额</th>{enterprises && <th className="num">参会企业</th>}</tr>
            </thead>
            <tbody>
              {regions.map((r) => (
                <tr key={r.region} data-testid="region-row">
                  <td>{r.region}</td>
                  <td className="num">{formatNumber(r.viewers)}</td>
                  <td className="num">{formatNumber(r.orders)}</td>
                  <td className="num">{formatYuan(r.gmvFenToday)}</td>
                  {enterprises && <td className="num" data-testid="region-enterprises">{formatNumber(r.enterprises)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
