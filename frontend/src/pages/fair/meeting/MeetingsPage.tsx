import { useCallback, useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { fairMeetingApi } from '../../../api/fairMeeting';
import type { Meeting, MyMeetings, Slot } from '../../../api/fairMeeting';
import { downloadFile } from '../../../api/download';
import { isApiError } from '../../../api/errors';
import { FormAlert } from '../../../components/Field';
import { Toast, useToast } from '../../../components/Toast';
import { formatDateTime, formatTime } from '../../../lib/format';
import { useNow } from '../../../lib/useNow';
import { usePageTitle } from '../../../lib/usePageTitle';
import { userQueues } from '../../../realtime/destinations';
import { useTopic } from '../../../realtime/useTopic';
import { AcceptDialog, DeclineDialog, RequestDialog } from './MeetingDialogs';
import { canCancel, canConfirmHeld, otherSide, ROLE_TEXT, STATUS_TEXT } from './meetingLogic';
import { preferredTimes } from './boardLogic';
import './fair-meeting.css';
import { FairNav } from '../FairNav';

/** /fairs/:id/meetings — 我的洽谈: my agenda in time order, the requests I received and sent, and a new request. */
export function MeetingsPage() {
  usePageTitle('洽谈日程');
  const fairId = Number(useParams().id);
  const [search, setSearch] = useSearchParams();
  const [mine, setMine] = useState<MyMeetings | null>(null);
  const [slots, setSlots] = useState<Slot[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [accepting, setAccepting] = useState<Meeting | null>(null);
  const [declining, setDeclining] = useState<Meeting | null>(null);
  const [requesting, setRequesting] = useState(false);
  const [toast, showToast] = useToast();
  const now = useNow(30_000);

  const load = useCallback(() => {
    Promise.all([fairMeetingApi.mine(fairId), fairMeetingApi.slots(fairId)])
      .then(([m, s]) => {
        setMine(m);
        setSlots(s);
        setError(null);
      })
      .catch((e: unknown) => setError(isApiError(e) ? e.detail : '加载失败'));
  }, [fairId]);

  useEffect(load, [load]);
  // a counterpart's answer (or a new request) arrives as a notification: reload
  useTopic<{ type?: string }>(userQueues.notifications, (n) => {
    if (n.type?.startsWith('fair-meeting')) load();
  }, { background: true });

  const invite = search.get('invite');
  useEffect(() => {
    if (invite) setRequesting(true);
  }, [invite]);

  const act = (p: Promise<unknown>, done: string) =>
    p.then(() => {
      showToast(done);
      load();
    }).catch((e: unknown) => showToast(isApiError(e) ? e.detail : '操作失败，请重试'));

  const me = mine?.participantId ?? 0;
  const wanted = (m: Meeting) => {
    const times = preferredTimes(m, slots, (s) => `${formatDateTime(s.startsAt)}–${formatTime(s.endsAt)}`);
    return times.length > 0 ? <p className="small muted" data-testid="preferred-times">希望时段：{times.join('、')}</p> : null;
  };
  const waitingIn = mine?.incoming.filter((m) => m.status === 'REQUESTED').length ?? 0;
  const waitingOut = mine?.outgoing.filter((m) => m.status === 'REQUESTED').length ?? 0;

  return (
    <section className="container page fair-meetings" data-testid="fair-meetings">
      <FairNav fairId={fairId} />
      <div className="page-head">
        <h1>洽谈日程</h1>
        {mine && (
          <div className="meeting-actions">
            {mine.agenda.length > 0 && (
              <button type="button" className="btn btn-ghost"
                onClick={() => void downloadFile(`/api/fairs/${fairId}/meetings.ics`, `fair-${fairId}-meetings.ics`)
                  .catch((e: unknown) => showToast(isApiError(e) ? e.detail : '下载失败'))}>
                导出日历
              </button>
            )}
            <button type="button" className="btn btn-primary" onClick={() => setRequesting(true)} data-testid="meeting-new">
              发起洽谈
            </button>
          </div>
        )}
      </div>
      <FormAlert message={error} />

      {mine && (
        <>
          <h2>我的日程</h2>
          {mine.agenda.length === 0 && <p className="muted">还没有已预约的洽谈。</p>}
          {waitingIn + waitingOut > 0 && (
            <p className="card meeting-card meeting-waiting" data-testid="agenda-pending">
              另有待回复的洽谈请求：
              {waitingIn > 0 && <a href="#meeting-incoming">收到 {waitingIn} 个，待您接受或婉拒</a>}
              {waitingIn > 0 && waitingOut > 0 && '；'}
              {waitingOut > 0 && <a href="#meeting-outgoing">发出 {waitingOut} 个，待对方回复</a>}
            </p>
          )}
          <ol className="meeting-list" data-testid="meeting-agenda">
            {mine.agenda.map((m) => (
              <li key={m.id} className={`card meeting-card meeting-${m.status.toLowerCase()}`} data-testid="agenda-item">
                <div className="meeting-when">
                  <strong>{formatDateTime(m.startsAt)}</strong>–{formatTime(m.endsAt)}
                  <span className={`chip meeting-status status-${m.status.toLowerCase()}`}>{STATUS_TEXT[m.status]}</span>
                </div>
                <p className="meeting-with">
                  与 <strong>{otherSide(m, me).enterprise}</strong>（{ROLE_TEXT[otherSide(m, me).role]}）
                </p>
                {m.place && (
                  <p className="small">
                    {m.place.kind === 'TABLE' ? '洽谈位：' : '线上会议室：'}
                    {m.place.link ? (
                      <a href={m.place.link} target="_blank" rel="noopener noreferrer">{m.place.name}</a>
                    ) : (
                      m.place.name
                    )}
                  </p>
                )}
                <div className="meeting-actions">
                  {canConfirmHeld(m, me, now) && (
                    <button type="button" className="btn btn-sm btn-primary"
                      onClick={() => void act(fairMeetingApi.confirmHeld(fairId, m.id), '已确认洽谈')}>
                      确认已洽谈
                    </button>
                  )}
                  {canCancel(m, me, now) && (
                    <button type="button" className="btn btn-sm btn-ghost"
                      onClick={() => void act(fairMeetingApi.cancel(fairId, m.id), '已取消洽谈')}>
                      取消
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ol>

          <h2 id="meeting-incoming">收到的邀请</h2>
          {mine.incoming.length === 0 && <p className="muted">暂无。</p>}
          <ul className="meeting-list" data-testid="meeting-incoming">
            {mine.incoming.map((m) => (
              <li key={m.id} className="card meeting-card" data-testid="incoming-item">
                <p className="meeting-with">
                  <strong>{m.requester.enterprise}</strong>（{ROLE_TEXT[m.requester.role]}）
                  <span className={`chip meeting-status status-${m.status.toLowerCase()}`}>{STATUS_TEXT[m.status]}</span>
                </p>
                {m.message && <p className="meeting-message">{m.message}</p>}
                {m.status === 'REQUESTED' && wanted(m)}
                {m.reason && <p className="small muted">原因：{m.reason}</p>}
                {m.status === 'REQUESTED' && (
                  <div className="meeting-actions">
                    <button type="button" className="btn btn-sm btn-primary" onClick={() => setAccepting(m)}>接受</button>
                    <button type="button" className="btn btn-sm btn-ghost" onClick={() => setDeclining(m)}>婉拒</button>
                  </div>
                )}
              </li>
            ))}
          </ul>

          <h2 id="meeting-outgoing">发出的邀请</h2>
          {mine.outgoing.length === 0 && <p className="muted">暂无。</p>}
          <ul className="meeting-list" data-testid="meeting-outgoing">
            {mine.outgoing.map((m) => (
              <li key={m.id} className="card meeting-card" data-testid="outgoing-item">
                <p className="meeting-with">
                  致 <strong>{m.invitee.enterprise}</strong>
                  <span className={`chip meeting-status status-${m.status.toLowerCase()}`}>{STATUS_TEXT[m.status]}</span>
                </p>
                {m.message && <p className="meeting-message">{m.message}</p>}
                {m.status === 'REQUESTED' && wanted(m)}
                {m.reason && <p className="small muted">原因：{m.reason}</p>}
                {m.status === 'REQUESTED' && (
                  <div className="meeting-actions">
                    <button type="button" className="btn btn-sm btn-ghost"
                      onClick={() => void act(fairMeetingApi.cancel(fairId, m.id), '已取消请求')}>
                      取消请求
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {error && <p className="small"><Link to={`/fairs/${fairId}`}>← 返回对接会</Link></p>}

      {accepting && (
        <AcceptDialog fairId={fairId} meeting={accepting} slots={slots} now={now}
          onClose={() => setAccepting(null)}
          onDone={() => { setAccepting(null); showToast('已预约洽谈'); load(); }} />
      )}
      {declining && (
        <DeclineDialog fairId={fairId} meeting={declining}
          onClose={() => setDeclining(null)}
          onDone={() => { setDeclining(null); showToast('已婉拒'); load(); }} />
      )}
      {requesting && (
        <RequestDialog fairId={fairId} slots={slots} now={now}
          invite={invite ? { participantId: Number(invite), enterprise: search.get('name') ?? '' } : null}
          onClose={() => { setRequesting(false); if (invite) setSearch({}, { replace: true }); }}
          onDone={() => { setRequesting(false); if (invite) setSearch({}, { replace: true }); showToast('已发出洽谈邀请'); load(); }} />
      )}
      <Toast message={toast} />
    </section>
  );
}
