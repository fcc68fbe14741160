import type { DashboardTotals } from '../../api/dashboard';
import { formatNumber, formatYuan, formatYuanShort } from './dashboard';
import { FigureValue } from './FigureValue';

interface Figure {
  key: string;
  label: string;
  value: string;
  /** a second line: the unit's context or an exact amount */
  note?: string;
  title?: string;
  strong?: boolean;
}

function figuresOf(t: DashboardTotals): Figure[] {
  return [
    { key: 'viewersNow', label: '在线人数', value: formatNumber(t.viewersNow), strong: true },
    { key: 'peakViewers', label: '峰值', value: formatNumber(t.peakViewers) },
    // people who watched today, each once however many rooms they watched
    { key: 'uniqueViewers', label: '独立观众', value: formatNumber(t.uniqueViewers), note: '今日 · 按人计' },
    { key: 'ordersPerMinute', label: '每分钟订单', value: formatNumber(t.ordersPerMinute), note: `今日 ${formatNumber(t.ordersToday)} 单` },
    { key: 'gmvToday', label: '今日成交额', value: formatYuanShort(t.gmvTodayFen), title: formatYuan(t.gmvTodayFen), strong: true },
    { key: 'dealsSoldOut', label: '秒杀售罄', value: formatNumber(t.dealsSoldOut), note: '场' },
    { key: 'registrations', label: '报名 / 签到', value: `${formatNumber(t.registrations)} / ${formatNumber(t.checkIns)}` },
    { key: 'meetings', label: '对接会预约 / 举行', value: `${formatNumber(t.meetingsBooked)} / ${formatNumber(t.meetingsHeld)}` },
    {
      key: 'deals',
      label: '意向 / 签约',
      value: `${formatNumber(t.intentions)} / ${formatNumber(t.signedDeals)}`,
      note: `签约金额 ${formatYuanShort(t.signedAmountFen)}`,
      title: formatYuan(t.signedAmountFen),
    },
  ];
}

/** the events' figures, which a merchant's own scope never has */
const EVENT_FIGURES = new Set(['registrations', 'meetings', 'deals']);

/** The dashboard's big numbers (the scope's totals now); `shop`: a merchant's own, its sales and audience only. */
export function BigNumbers({ totals, shop = false }: { totals: DashboardTotals; shop?: boolean }) {
  return (
    <div className="dash-figures" data-testid="dash-figures">
      {figuresOf(totals).filter((f) => !shop || !EVENT_FIGURES.has(f.key)).map((f) => (
        <div key={f.key} className={`dash-figure${f.strong ? ' dash-figure-strong' : ''}`} data-testid={`fig-${f.key}`} title={f.title}>
          <span className="dash-figure-label">{f.label}</span>
          <FigureValue text={f.value} testId={`fig-${f.key}-value`} />
          {f.note && <span className="dash-figure-note">{f.note}</span>}
        </div>
      ))}
    </div>
  );
}
