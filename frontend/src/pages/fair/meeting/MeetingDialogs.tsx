import { useEffect, useRef, useState } from 'react';
import { fairMeetingApi } from '../../../api/fairMeeting';
import type { Counterpart, Meeting, Slot } from '../../../api/fairMeeting';
import { isApiError } from '../../../api/errors';
import { Dialog } from '../../../components/Dialog';
import { Field, FormAlert } from '../../../components/Field';
import { formatDateTime, formatTime } from '../../../lib/format';
import { newKey, pickableSlots, ROLE_TEXT } from './meetingLogic';

const MAX_PREFERRED = 5;

function problemOf(e: unknown): { detail: string; field?: string; message?: string } {
  if (!isApiError(e)) return { detail: '网络异常，请重试' };
  const [field, message] = Object.entries(e.fieldErrors)[0] ?? [];
  return { detail: e.detail, field, message };
}

function slotLabel(s: Slot) {
  return `${formatDateTime(s.startsAt)}–${formatTime(s.endsAt)}（余 ${s.freePlaces} 个洽谈位）`;
}

interface RequestProps {
  fairId: number;
  slots: Slot[];
  now: number;
  /** a counterpart chosen elsewhere (the directory, the matches) */
  invite: { participantId: number; enterprise: string } | null;
  onClose: () => void;
  onDone: () => void;
}

/** 发起洽谈: pick an approved enterprise, write a message (≤ 500), tick up to five preferred slots. */
export function RequestDialog({ fairId, slots, now, invite, onClose, onDone }: RequestProps) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Counterpart[]>([]);
  const [who, setWho] = useState<{ participantId: number; enterprise: string } | null>(invite);
  const [message, setMessage] = useState('');
  const [preferred, setPreferred] = useState<number[]>([]);
  const [error, setError] = useState<{ detail: string; field?: string; message?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  // one key per dialog: a retry after a lost answer is the same request
  const key = useRef(newKey());

  useEffect(() => {
    if (who) return;
    const ctl = new AbortController();
    const t = setTimeout(() => {
      fairMeetingApi.counterparts(fairId, q.trim(), ctl.signal).then(setFound).catch(() => undefined);
    }, 250);
    return () => {
      clearTimeout(t);
      ctl.abort();
    };
  }, [fairId, q, who]);

  const toggle = (id: number) =>
    setPreferred((p) => (p.includes(id) ? p.filter((x) => x !== id) : p.length < MAX_PREFERRED ? [...p, id] : p));

  const submit = () => {
    if (!who) {
      setError({ detail: '请选择约见的企业', field: 'inviteeId', message: '请选择约见的企业' });
      return;
    }
    setBusy(true);
    fairMeetingApi
      .request(fairId, { inviteeId: who.participantId, message: message.trim(), slotIds: preferred }, key.current)
      .then(onDone)
      .catch((e: unknown) => setError(problemOf(e)))
      .finally(() => setBusy(false));
  };

  const open = pickableSlots(slots, [], now);
  return (
    <Dialog title="发起洽谈" onClose={onClose} testId="meeting-request-dialog">
      <div className="dialog-body">
        <FormAlert message={error && !error.field ? error.detail : null} />
        {who ? (
          <p className="meeting-with">
            约见 <strong>{who.enterprise || `企业 #${who.participantId}`}</strong>{' '}
            <button type="button" className="btn-link" onClick={() => setWho(null)}>更换</button>
          </p>
        ) : (
          <Field id="meeting-who" label="约见企业" error={error?.field === 'inviteeId' ? error.message : undefined}>
            <input id="meeting-who" type="search" value={q} maxLength={50} placeholder="输入企业名称筛选"
              onChange={(e) => setQ(e.target.value)} />
          </Field>
        )}
        {!who && (
          <ul className="counterpart-list" data-testid="counterparts">
            {found.map((c) => (
              <li key={c.participantId}>
                <button type="button" className="btn btn-ghost btn-block counterpart" onClick={() => setWho(c)}>
                  <strong>{c.enterprise}</strong>
                  <span className="small muted">{ROLE_TEXT[c.role]} · {c.region}</span>
                </button>
              </li>
            ))}
            {found.length === 0 && <li className="small muted">没有找到符合的企业</li>}
          </ul>
        )}
        <Field id="meeting-message" label="留言" optional hint={`${message.length}/500`}
          error={error?.field === 'message' ? error.message : undefined}>
          <textarea id="meeting-message" rows={3} maxLength={500} value={message}
            placeholder="简单介绍来意，如希望了解的产品或合作方式" onChange={(e) => setMessage(e.target.value)} />
        </Field>
        <fieldset className="slot-picks">
          <legend>意向时段（最多 {MAX_PREFERRED} 个，选填）</legend>
          {open.length === 0 && <p className="small muted">主办方尚未开放洽谈时段。</p>}
          {open.map((s) => (
            <label key={s.id} className="check-toggle">
              <input type="checkbox" checked={preferred.includes(s.id)} onChange={() => toggle(s.id)}
                disabled={!preferred.includes(s.id) && preferred.length >= MAX_PREFERRED} />
              {slotLabel(s)}
            </label>
          ))}
          {error?.field === 'slotIds' && <p className="field-error" role="alert">{error.message}</p>}
        </fieldset>
      </div>
      <div className="dialog-actions">
        <button type="button" className="btn btn-ghost" onClick={onClose}>取消</button>
        <button type="button" className="btn btn-primary" onClick={submit} disabled={busy} data-testid="meeting-request-send">
          发送邀请
        </button>
      </div>
    </Dialog>
  );
}

interface AcceptProps {
  fairId: number;
  meeting: Meeting;
  slots: Slot[];
  now: number;
  onClose: () => void;
  onDone: () => void;
}

/** 接受洽谈: pick a slot (the requester's preferred ones first); a free table or room is assigned. */
export function AcceptDialog({ fairId, meeting, slots, now, onClose, onDone }: AcceptProps) {
  const choices = pickableSlots(slots, meeting.preferredSlots, now);
  const [slotId, setSlotId] = useState<number | null>(choices[0]?.id ?? null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const key = useRef(newKey());
  const wanted = new Set(meeting.preferredSlots);

  const submit = () => {
    if (slotId === null) return;
    setBusy(true);
    fairMeetingApi
      .accept(fairId, meeting.id, slotId, key.current)
      .then(onDone)
      .catch((e: unknown) => {
        setError(problemOf(e).detail);
        // the slot was taken meanwhile: a new choice is a new booking
        key.current = newKey();
      })
      .finally(() => setBusy(false));
  };

  return (
    <Dialog title={`接受 ${meeting.requester.enterprise} 的洽谈邀请`} onClose={onClose} testId="meeting-accept-dialog">
      <div className="dialog-body">
        <FormAlert message={error} />
        {choices.length === 0 && <p className="muted">暂无空闲时段，请稍后再试或婉拒。</p>}
        <fieldset className="slot-picks">
          <legend>选择洽谈时段</legend>
          {choices.map((s) => (
            <label key={s.id} className="check-toggle">
              <input type="radio" name="slot" checked={slotId === s.id} onChange={() => setSlotId(s.id)} />
              {slotLabel(s)}
              {wanted.has(s.id) && <span className="chip">对方意向</span>}
            </label>
          ))}
        </fieldset>
      </div>
      <div className="dialog-actions">
        <button type="button" className="btn btn-ghost" onClick={onClose}>取消</button>
        <button type="button" className="btn btn-primary" onClick={submit} disabled={busy || slotId === null}
          data-testid="meeting-accept-send">
          确认预约
        </button>
      </div>
    </Dialog>
  );
}

interface DeclineProps {
  fairId: number;
  meeting: Meeting;
  onClose: () => void;
  onDone: () => void;
}

/** 婉拒: a reason (required, ≤ 500) the requester sees. */
export function DeclineDialog({ fairId, meeting, onClose, onDone }: DeclineProps) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = () => {
    if (!reason.trim()) {
      setError('请填写原因');
      return;
    }
    setBusy(true);
    fairMeetingApi
      .decline(fairId, meeting.id, reason.trim())
      .then(onDone)
      .catch((e: unknown) => setError(problemOf(e).message ?? problemOf(e).detail))
      .finally(() => setBusy(false));
  };
  return (
    <Dialog title={`婉拒 ${meeting.requester.enterprise}`} onClose={onClose} testId="meeting-decline-dialog">
      <div className="dialog-body">
        <Field id="decline-reason" label="原因" error={error ?? undefined} hint="对方会看到">
          <textarea id="decline-reason" rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
      </div>
      <div className="dialog-actions">
        <button type="button" className="btn btn-ghost" onClick={onClose}>取消</button>
        <button type="button" className="btn btn-primary" onClick={submit} disabled={busy} data-testid="meeting-decline-send">
          婉拒
        </button>
      </div>
    </Dialog>
  );
}
