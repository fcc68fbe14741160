import { useState } from 'react';
import { isApiError } from '../../../api/errors';
import { PIPELINE_LINE, STAGE_LABELS, needsReason, pipelineApi } from '../../../api/fairPipeline';
import type { Pair, PairDetail, PairStage } from '../../../api/fairPipeline';
import { Field, FormAlert, describedBy } from '../../../components/Field';
import { changeOf, formOf } from './pairForm';
import type { PairFormState } from './pairForm';

const STAGES: PairStage[] = [...PIPELINE_LINE, 'DROPPED'];

interface PairEditorProps {
  pair: Pair;
  onSaved: (detail: PairDetail) => void;
  /** the pair changed meanwhile (409): reload it */
  onStale: () => void;
}

/** Moves or edits a pair: stage, amounts (万元) and dates, a note; a reason when going back, dropping or reopening. */
export function PairEditor({ pair, onSaved, onStale }: PairEditorProps) {
  const [f, setF] = useState<PairFormState>(() => formOf(pair));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<PairFormState>) => setF((prev) => ({ ...prev, ...patch }));
  const reasonNeeded = needsReason(pair.stage, f.stage);
  const showIntended = f.stage === 'INTENTION' || f.stage === 'SIGNED' || f.intended !== '';
  const showSigned = f.stage === 'SIGNED' || f.signed !== '';

  async function save(e: React.FormEvent) {
    e.preventDefault();
    const { change, errors: found } = changeOf(pair, f);
    setErrors(found);
    setAlert(null);
    if (!change) return;
    setBusy(true);
    try {
      const detail = await pipelineApi.update(pair.fairId, pair.id, change);
      setF(formOf(detail.pair));
      onSaved(detail);
    } catch (err) {
      if (isApiError(err) && err.status === 409) {
        setStale(true);
        setAlert(err.detail);
      } else if (isApiError(err)) {
        setErrors(err.fieldErrors);
        setAlert(err.hasFieldErrors ? null : err.detail);
      } else {
        setAlert('保存失败，请稍后再试');
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="pair-editor" onSubmit={save} noValidate data-testid="pair-editor">
      <FormAlert message={alert} />
      {stale && (
        <button type="button" className="btn btn-ghost btn-sm" onClick={onStale} data-testid="pair-reload">
          刷新查看最新进展
        </button>
      )}
      <Field id="pair-stage" label="对接阶段">
        <div className="stage-choices" role="radiogroup" aria-label="对接阶段">
          {STAGES.map((s) => (
            <button key={s} type="button" role="radio" aria-checked={f.stage === s}
              className={`filter-chip${f.stage === s ? ' active' : ''}`} data-testid={`stage-${s}`}
              onClick={() => set({ stage: s })}>
              {STAGE_LABELS[s]}
            </button>
          ))}
        </div>
      </Field>
      {showIntended && (
        <div className="pair-amounts">
          <Field id="pair-intended" label="意向金额（万元）" error={errors.intendedAmountFen}
            optional={f.stage !== 'INTENTION'}>
            <input id="pair-intended" inputMode="decimal" value={f.intended} data-testid="pair-intended"
              onChange={(e) => set({ intended: e.target.value })} aria-invalid={errors.intendedAmountFen ? true : undefined}
              aria-describedby={describedBy('pair-intended', errors.intendedAmountFen)} />
          </Field>
          <Field id="pair-intended-on" label="意向日期" error={errors.intendedOn} optional>
            <input id="pair-intended-on" type="date" value={f.intendedOn} onChange={(e) => set({ intendedOn: e.target.value })} />
          </Field>
        </div>
      )}
      {showSigned && (
        <div className="pair-amounts">
          <Field id="pair-signed" label="签约金额（万元）" error={errors.signedAmountFen}>
            <input id="pair-signed" inputMode="decimal" value={f.signed} data-testid="pair-signed"
              onChange={(e) => set({ signed: e.target.value })} aria-invalid={errors.signedAmountFen ? true : undefined}
              aria-describedby={describedBy('pair-signed', errors.signedAmountFen)} />
          </Field>
          <Field id="pair-signed-on" label="签约日期" error={errors.signedOn}>
            <input id="pair-signed-on" type="date" value={f.signedOn} data-testid="pair-signed-on"
              onChange={(e) => set({ signedOn: e.target.value })} aria-invalid={errors.signedOn ? true : undefined}
              aria-describedby={describedBy('pair-signed-on', errors.signedOn)} />
          </Field>
        </div>
      )}
      {reasonNeeded && (
        <Field id="pair-reason" label={f.stage === 'DROPPED' ? '放弃原因' : '原因'} error={errors.reason}>
          <textarea id="pair-reason" rows={2} maxLength={500} value={f.reason} data-testid="pair-reason"
            onChange={(e) => set({ reason: e.target.value })} aria-invalid={errors.reason ? true : undefined}
            aria-describedby={describedBy('pair-reason', errors.reason)} />
        </Field>
      )}
      <Field id="pair-note" label="备注" error={errors.note} optional hint="双方和主办方都能看到，记入变更历史">
        <textarea id="pair-note" rows={2} maxLength={1000} value={f.note} data-testid="pair-note"
          onChange={(e) => set({ note: e.target.value })}
          aria-describedby={describedBy('pair-note', errors.note, '双方和主办方都能看到，记入变更历史')} />
      </Field>
      <button type="submit" className="btn btn-primary" disabled={busy || stale} data-testid="pair-save">
        {busy ? '保存中…' : '保存进展'}
      </button>
    </form>
  );
}
