import type { FairFigure } from '../../../api/fairPipeline';
import { FIGURES, FIGURE_LABELS, formatFigure } from './kpi';

/** A fair's KPIs as a grid of cards (the same figures as the KPI table and CSV). */
export function KpiCards({ figures }: { figures: Record<FairFigure, number> }) {
  return (
    <div className="kpi-cards" data-testid="kpi-cards">
      {FIGURES.map((f) => (
        <div className={`figure${f === 'SIGNED' || f === 'SIGNED_AMOUNT_FEN' ? ' figure-strong' : ''}`} key={f}
          data-testid={`kpi-${f}`}>
          <span className="figure-label">{FIGURE_LABELS[f]}</span>
          <strong>{formatFigure(f, figures[f])}</strong>
        </div>
      ))}
    </div>
  );
}
