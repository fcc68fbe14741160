import { formatNumber, formatPercent } from './dashboard';

interface Step {
  key: string;
  label: string;
  value: number;
}

/** A small funnel (bars as wide as their share of the first step, each step's rate from the one before). */
export function ReportFunnel({ steps }: { steps: Step[] }) {
  const first = Math.max(1, steps[0]?.value ?? 0);
  return (
    <ol className="dash-funnel" data-testid="report-funnel">
      {steps.map((s, i) => {
        const before = i > 0 ? steps[i - 1].value : null;
        return (
          <li key={s.key} data-testid={`funnel-${s.key}`}>
            <span className="dash-funnel-label">{s.label}</span>
            <span className="dash-funnel-bar" style={{ width: `${Math.max(2, Math.min(100, (s.value / first) * 100))}%` }} />
            <strong className="dash-funnel-value">{formatNumber(s.value)}</strong>
            {before !== null && <span className="dash-funnel-rate small muted">{before > 0 ? formatPercent(s.value / before) : '—'}</span>}
          </li>
        );
      })}
    </ol>
  );
}
