import { useState } from 'react';
import { reviewApi } from '../../api/merchant';
import type { Decision, MerchantApplication } from '../../api/merchant';
import { isApiError } from '../../api/errors';
import { Field, FormAlert } from '../../components/Field';

interface Props {
  application: MerchantApplication;
  /** Places left in the application's round: approving is offered only while some are. */
  quotaLeft: number;
  onDecided: (application: MerchantApplication) => void;
}

const TITLES: Record<Decision, string> = {
  APPROVE: '通过申请',
  REJECT: '驳回申请',
  REQUEST_CHANGES: '要求补充材料',
};

const CONFIRM: Record<Decision, string> = {
  APPROVE: '确认通过',
  REJECT: '确认驳回',
  REQUEST_CHANGES: '确认要求补充',
};

/** 通过 / 驳回 / 要求补充 for a SUBMITTED application; refusals and requests for changes ask for a reason. */
export function DecisionActions({ application, quotaLeft, onDecided }: Props) {
  const [open, setOpen] = useState<Decision | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (application.status !== 'SUBMITTED') return null;
  const full = quotaLeft <= 0;

  const start = (d: Decision) => {
    setOpen(d);
    setReason('');
    setError(null);
  };

  const confirm = async () => {
    if (!open) return;
    if (open !== 'APPROVE' && !reason.trim()) {
      setError('请填写原因，申请方会看到这段说明');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const decided = await reviewApi.decide(application.id, open, reason.trim() || undefined);
      setOpen(null);
      onDecided(decided);
    } catch (e) {
      setError(isApiError(e) ? (e.fieldError('reason') ?? e.detail) : '操作失败，请稍后再试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="decision-actions" data-testid="decision-actions">
      <div className="button-row">
        <button type="button" className="btn btn-primary" disabled={full || busy} onClick={() => start('APPROVE')}
          title={full ? '本批次名额已满' : undefined}>
          通过
        </button>
        <button type="button" className="btn btn-ghost" disabled={busy} onClick={() => start('REQUEST_CHANGES')}>
          要求补充
        </button>
        <button type="button" className="btn btn-ghost danger" disabled={busy} onClick={() => start('REJECT')}>
          驳回
        </button>
      </div>
      {full && <p className="field-hint">本批次名额已满，不能再通过申请。</p>}
      {open && (
        <div className="card decision-dialog" role="dialog" aria-modal="false" aria-labelledby="decision-title">
          <h3 id="decision-title">{TITLES[open]}</h3>
          {open === 'APPROVE' ? (
            <p>
              通过后将为「{application.enterprise.name}」开通商家，并授予申请人商家角色（本批次剩余名额 {quotaLeft}）。
            </p>
          ) : (
            <Field id="decision-reason" label={open === 'REJECT' ? '驳回原因' : '需要补充的内容'}>
              <textarea id="decision-reason" rows={3} maxLength={500} value={reason}
                onChange={(e) => setReason(e.target.value)} autoFocus />
            </Field>
          )}
          <FormAlert message={error} />
          <div className="form-actions">
            <button type="button" className="btn btn-ghost" onClick={() => setOpen(null)} disabled={busy}>
              取消
            </button>
            <button type="button" className="btn btn-primary" onClick={confirm} disabled={busy}
              data-testid="decision-confirm">
              {busy ? '提交中…' : CONFIRM[open]}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
