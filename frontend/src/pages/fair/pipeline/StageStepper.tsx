import { PIPELINE_LINE, STAGE_LABELS } from '../../../api/fairPipeline';
import type { PairStage } from '../../../api/fairPipeline';

/** The pipeline as a row of steps: done ones filled, the current one marked; a dropped pair shows 已放弃 instead. */
export function StageStepper({ stage, compact }: { stage: PairStage; compact?: boolean }) {
  if (stage === 'DROPPED') {
    return (
      <p className="stage-dropped" data-testid="stage-stepper" data-stage="DROPPED">
        {STAGE_LABELS.DROPPED}
      </p>
    );
  }
  const at = PIPELINE_LINE.indexOf(stage);
  return (
    <ol className={`stage-stepper${compact ? ' compact' : ''}`} data-testid="stage-stepper" data-stage={stage}
      aria-label={`对接阶段：${STAGE_LABELS[stage]}`}>
      {PIPELINE_LINE.map((s, i) => (
        <li key={s} className={i < at ? 'done' : i === at ? 'current' : ''} aria-current={i === at ? 'step' : undefined}>
          <span className="stage-dot" aria-hidden="true">{i < at ? '✓' : i + 1}</span>
          <span className="stage-name">{STAGE_LABELS[s]}</span>
        </li>
      ))}
    </ol>
  );
}
