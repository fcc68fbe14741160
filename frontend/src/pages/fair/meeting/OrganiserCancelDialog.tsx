import { useState } from 'react';
import { fairMeetingApi } from '../../../api/fairMeeting';
import type { Meeting } from '../../../api/fairMeeting';
import { isApiError } from '../../../api/errors';
import { Dialog } from '../../../components/Dialog';
import { Field, FormAlert } from '../../../components/Field';
import { formatDateTime } from '../../../lib/format';

interface Props {
  fairId: number;
  meeting: Meeting;
  onClose: () => void;
  onDone: (m: Meeting) => void;
}

/** 主办方取消洽谈: a reason (required, ≤ 500) both enterprises are told; the table and the time are freed. */
export function OrganiserCancelDialog({ fairId, meeting, onClose, onDone }: Props) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = () => {
    if (!reason.trim()) {
      setError('请填写取消原因');
      return;
    }
    setBusy(true);
    fairMeetingApi
      .cancelByOrganiser(fairId, meeting.id, reason.trim())
      .then(onDone)
      .catch((e: unknown) => {
        if (isApiError(e) && e.fieldErrors.reason) setError(e.fieldErrors.reason);
        else setAlert(isApiError(e) ? e.detail : '网络异常，请重试');
      })
      .finally(() => setBusy(false));
  };
  return (
    <Dialog title={meeting.status === 'REQUESTED' ? '取消洽谈请求' : '取消洽谈'} onClose={onClose} testId="organiser-cancel-dialog">
      <div className="dialog-body">
        <FormAlert message={alert} />
        <p className="meeting-with">
          <strong>{meeting.requester.enterprise}</strong> ↔ <strong>{meeting.invitee.enterprise}</strong>
          {meeting.startsAt && <span className="small muted">{' '}{formatDateTime(meeting.startsAt)}{meeting.place ? ` · ${meeting.place.name}` : ''}</span>}
        </p>
        <Field id="organiser-cancel-reason" label="取消原因" error={error ?? undefined} hint="双方企业都会收到通知并看到原因">
          <textarea id="organiser-cancel-reason" rows={3} maxLength={500} value={reason}
            onChange={(e) => setReason(e.target.value)} />
        </Field>
      </div>
      <div className="dialog-actions">
        <button type="button" className="btn btn-ghost" onClick={onClose}>返回</button>
        <button type="button" className="btn btn-primary" onClick={submit} disabled={busy} data-testid="organiser-cancel-send">
          确认取消
        </button>
      </div>
    </Dialog>
  );
}
