import { useState } from 'react';
import type { FormEvent } from 'react';
import { organiserMatchingApi, roleLabel } from '../../../api/fairMatching';
import type { MatchedPair, Party } from '../../../api/fairMatching';
import { isApiError } from '../../../api/errors';
import { Dialog } from '../../../components/Dialog';
import { Field, FormAlert } from '../../../components/Field';

interface Props {
  fairId: number;
  /** the participant the organiser starts from (one without a match yet) */
  first: Party;
  onDone: (pair: MatchedPair) => void;
  onClose: () => void;
}

/** 人工匹配: find the second approved enterprise by name, write why, and match the two. */
export function ManualMatchDialog({ fairId, first, onDone, onClose }: Props) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Party[] | null>(null);
  const [second, setSecond] = useState<Party | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const find = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const list = await organiserMatchingApi.participants(fairId, q.trim());
      setFound(list.filter((p) => p.participantId !== first.participantId));
      setErrors({});
    } catch (err) {
      setErrors(isApiError(err) ? { q: err.fieldErrors.q ?? err.detail } : { q: '网络异常，请稍后重试' });
    }
  };

  const submit = async () => {
    if (!second) {
      setErrors({ participantB: '请选择要匹配的企业' });
      return;
    }
    if (!note.trim()) {
      setErrors({ note: '请填写推荐理由' });
      return;
    }
    setBusy(true);
    try {
      onDone(await organiserMatchingApi.match(fairId, {
        participantA: first.participantId, participantB: second.participantId, note: note.trim(),
      }));
    } catch (err) {
      if (isApiError(err)) {
        setErrors(Object.keys(err.fieldErrors).length > 0 ? err.fieldErrors : { form: err.detail });
      } else {
        setErrors({ form: '网络异常，请稍后重试' });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={`人工匹配：${first.enterpriseName}`} onClose={onClose} testId="manual-match">
      <div className="dialog-body">
        <FormAlert message={errors.form} />
        <form className="training-search" onSubmit={find}>
          <label htmlFor="match-q" className="sr-only">企业名称</label>
          <input id="match-q" value={q} maxLength={50} placeholder="输入企业名称查找" onChange={(e) => setQ(e.target.value)} />
          <button type="submit" className="btn btn-ghost btn-sm">查找</button>
        </form>
        <FormAlert message={errors.q ?? errors.participantB} />
        {found && found.length === 0 && <p className="small muted">没有找到已通过审核的企业</p>}
        {found && found.length > 0 && (
          <ul className="match-pick">
            {found.map((p) => (
              <li key={p.participantId}>
                <button type="button" data-testid="pick"
                  className={second?.participantId === p.participantId ? 'btn btn-primary btn-sm' : 'btn btn-ghost btn-sm'}
                  onClick={() => setSecond(p)}>
                  {p.enterpriseName} · {roleLabel(p.role)} · {p.region}
                </button>
              </li>
            ))}
          </ul>
        )}
        <Field id="match-note" label="推荐理由（双方可见）" error={errors.note}>
          <textarea id="match-note" rows={3} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
        </Field>
      </div>
      <div className="dialog-actions">
        <button type="button" className="btn btn-ghost" onClick={onClose}>取消</button>
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void submit()}
          data-testid="match-submit">
          匹配
        </button>
      </div>
    </Dialog>
  );
}
