import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { fairMeetingApi } from '../../../api/fairMeeting';
import type { Meeting, MeetingBoard, PlacesForm, SlotsForm } from '../../../api/fairMeeting';
import { isApiError } from '../../../api/errors';
import { Field, FormAlert } from '../../../components/Field';
import { Toast, useToast } from '../../../components/Toast';
import { formatDateTime, formatTime } from '../../../lib/format';
import { useNow } from '../../../lib/useNow';
import { usePageTitle } from '../../../lib/usePageTitle';
import { boardFigures, cellKey, pendingBySlot, preferredTimes, shanghaiDay } from './boardLogic';
import { STATUS_TEXT } from './meetingLogic';
import { OrganiserCancelDialog } from './OrganiserCancelDialog';
import './fair-meeting.css';
import { FairNav } from '../FairNav';

/** /organiser/fairs/:id/slots — 洽谈时段与洽谈位: generate slots, add tables / rooms, the booking grid, marks, cancels. */
export function SlotsBoardPage() {
  usePageTitle('洽谈安排');
  const fairId = Number(useParams().id);
  const [board, setBoard] = useState<MeetingBoard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [toast, showToast] = useToast();
  const now = useNow(30_000);
  const [slotsForm, setSlotsForm] = useState<SlotsForm>({ date: '', from: '09:00', until: '17:00', minutes: 20, breakMinutes: 0 });
  const [placesForm, setPlacesForm] = useState<PlacesForm>({ kind: 'TABLE', count: 10, name: '', link: '' });
  const [cancelling, setCancelling] = useState<Meeting | null>(null);

  const load = useCallback(() => {
    fairMeetingApi.board(fairId).then((b) => {
      setBoard(b);
      setError(null);
    }).catch((e: unknown) => setError(isApiError(e) ? e.detail : '加载失败'));
  }, [fairId]);
  useEffect(load, [load]);
  useEffect(() => {
    if (board && !slotsForm.date) {
      setSlotsForm((f) => ({ ...f, date: board.slots[0] ? shanghaiDay(board.slots[0].startsAt) : shanghaiDay(new Date(now).toISOString()) }));
    }
  }, [board, slotsForm.date, now]);

  const run = (p: Promise<MeetingBoard | Meeting>, done: string) =>
    p.then((r) => {
      if ('slots' in r) setBoard(r);
      else load();
      setFieldErrors({});
      showToast(done);
    }).catch((e: unknown) => {
      if (isApiError(e)) {
        setFieldErrors(e.fieldErrors);
        showToast(e.detail);
      } else showToast('操作失败，请重试');
    });

  const cells = useMemo(() => {
    const map = new Map<string, Meeting>();
    board?.meetings.forEach((m) => m.slotId && m.place && map.set(cellKey(m.slotId, m.place.id), m));
    return map;
  }, [board]);
  const figures = board ? boardFigures(board) : null;
  const waiting = useMemo(() => (board ? pendingBySlot(board) : new Map<number, number>()), [board]);

  const addPlaces = () => {
    const body: PlacesForm = placesForm.kind === 'TABLE'
      ? { kind: 'TABLE', count: placesForm.count, name: placesForm.name?.trim() || undefined }
      : { kind: 'ROOM', name: placesForm.name?.trim(), link: placesForm.link?.trim() };
    void run(fairMeetingApi.addPlaces(fairId, body), '已添加洽谈位');
  };

  return (
    <section className="container page fair-meetings" data-testid="slots-board">
      <p className="small"><Link to={`/organiser/fairs/${fairId}`}>← 对接会管理</Link></p>
      <FairNav fairId={fairId} organiser />
      <h1>洽谈安排{board ? `：${board.title}` : ''}</h1>
      <FormAlert message={error} />
      {figures && (
        <div className="board-figures" data-testid="board-figures">
          <div className="card"><strong>{figures.slots}</strong><span className="small">时段</span></div>
          <div className="card"><strong>{figures.places}</strong><span className="small">洽谈位</span></div>
          <div className="card"><strong>{figures.booked}</strong><span className="small">已预约</span></div>
          <div className="card"><strong>{figures.held}</strong><span className="small">已洽谈</span></div>
          <div className="card"><strong>{figures.noShows}</strong><span className="small">未到场</span></div>
          <div className="card"><strong>{figures.pending}</strong><span className="small">待回复请求</span></div>
        </div>
      )}
      {board && (
        <div className="board-forms">
          <form className="card" onSubmit={(e) => { e.preventDefault(); void run(fairMeetingApi.addSlots(fairId, slotsForm), '已生成时段'); }}>
            <h2>批量生成时段（北京时间）</h2>
            <Field id="slot-date" label="日期" error={fieldErrors.date}>
              <input id="slot-date" type="date" value={slotsForm.date} onChange={(e) => setSlotsForm({ ...slotsForm, date: e.target.value })} />
            </Field>
            <div className="field-row">
              <Field id="slot-from" label="开始" error={fieldErrors.from}>
                <input id="slot-from" type="time" value={slotsForm.from} onChange={(e) => setSlotsForm({ ...slotsForm, from: e.target.value })} />
              </Field>
              <Field id="slot-until" label="结束" error={fieldErrors.until}>
                <input id="slot-until" type="time" value={slotsForm.until} onChange={(e) => setSlotsForm({ ...slotsForm, until: e.target.value })} />
              </Field>
            </div>
            <div className="field-row">
              <Field id="slot-minutes" label="每段分钟" error={fieldErrors.minutes}>
                <input id="slot-minutes" type="number" min={5} max={240} value={slotsForm.minutes}
                  onChange={(e) => setSlotsForm({ ...slotsForm, minutes: Number(e.target.value) })} />
              </Field>
              <Field id="slot-break" label="间隔分钟" error={fieldErrors.breakMinutes}>
                <input id="slot-break" type="number" min={0} max={120} value={slotsForm.breakMinutes}
                  onChange={(e) => setSlotsForm({ ...slotsForm, breakMinutes: Number(e.target.value) })} />
              </Field>
            </div>
            <button type="submit" className="btn btn-primary" data-testid="slots-generate">生成</button>
          </form>
          <form className="card" onSubmit={(e) => { e.preventDefault(); addPlaces(); }}>
            <h2>添加洽谈位</h2>
            <Field id="place-kind" label="类型">
              <select id="place-kind" value={placesForm.kind} onChange={(e) => setPlacesForm({ ...placesForm, kind: e.target.value as 'TABLE' | 'ROOM' })}>
                <option value="TABLE">线下洽谈桌</option>
                <option value="ROOM">线上会议室</option>
              </select>
            </Field>
            {placesForm.kind === 'TABLE' ? (
              <Field id="place-count" label="桌数（编号续接）" error={fieldErrors.count}>
                <input id="place-count" type="number" min={1} max={500} value={placesForm.count}
                  onChange={(e) => setPlacesForm({ ...placesForm, count: Number(e.target.value) })} />
              </Field>
            ) : (
              <>
                <Field id="place-name" label="名称" error={fieldErrors.name}>
                  <input id="place-name" maxLength={30} value={placesForm.name} placeholder="如：线上洽谈室 A"
                    onChange={(e) => setPlacesForm({ ...placesForm, name: e.target.value })} />
                </Field>
                <Field id="place-link" label="会议链接" error={fieldErrors.link}>
                  <input id="place-link" type="url" maxLength={500} value={placesForm.link} placeholder="https://"
                    onChange={(e) => setPlacesForm({ ...placesForm, link: e.target.value })} />
                </Field>
              </>
            )}
            <button type="submit" className="btn btn-primary" data-testid="places-add">添加</button>
          </form>
        </div>
      )}

      {board && board.slots.length > 0 && board.places.length > 0 && (
        <div className="slot-board" data-testid="booking-grid">
          <table>
            <thead>
              <tr>
                <th scope="col">时段</th>
                {board.places.map((p) => (
                  <th key={p.id} scope="col" className={p.active ? '' : 'muted'}>
                    {p.link ? <a href={p.link} target="_blank" rel="noopener noreferrer">{p.name}</a> : p.name}
                    <button type="button" className="btn-link small"
                      onClick={() => void run(fairMeetingApi.setPlaceActive(fairId, p.id, !p.active), p.active ? '已停用' : '已启用')}>
                      {p.active ? '停用' : '启用'}
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {board.slots.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    {formatTime(s.startsAt)}–{formatTime(s.endsAt)}
                    {(waiting.get(s.id) ?? 0) > 0 && (
                      <span className="chip meeting-status status-requested slot-waiting" data-testid="slot-pending"
                        title="希望在此时段洽谈、尚待对方回复的请求">
                        待回复 {waiting.get(s.id)}
                      </span>
                    )}
                    {s.booked === 0 && (
                      <button type="button" className="btn-link small" aria-label={`删除时段 ${formatTime(s.startsAt)}`}
                        onClick={() => void run(fairMeetingApi.deleteSlot(fairId, s.id), '已删除时段')}>
                        删除
                      </button>
                    )}
                  </th>
                  {board.places.map((p) => {
                    const m = cells.get(cellKey(s.id, p.id));
                    return (
                      <td key={p.id}>
                        {m && (
                          <div className="slot-cell" data-testid="grid-meeting">
                            <span className="slot-cell-names">{m.requester.enterprise} ↔ {m.invitee.enterprise}</span>
                            <span className={`chip meeting-status status-${m.status.toLowerCase()}`}>{STATUS_TEXT[m.status]}</span>
                            {m.status === 'BOOKED' && m.startsAt && Date.parse(m.startsAt) > now && (
                              <span className="meeting-actions">
                                <button type="button" className="btn btn-sm btn-ghost" onClick={() => setCancelling(m)}
                                  aria-label={`取消 ${m.requester.enterprise} 与 ${m.invitee.enterprise} 的洽谈`}>取消洽谈</button>
                              </span>
                            )}
                            {m.startsAt && Date.parse(m.startsAt) <= now && (
                              <span className="meeting-actions">
                                {m.status !== 'HELD' && (
                                  <button type="button" className="btn btn-sm btn-ghost"
                                    onClick={() => void run(fairMeetingApi.mark(fairId, m.id, 'HELD'), '已标记已洽谈')}>已洽谈</button>
                                )}
                                {m.status !== 'NO_SHOW' && (
                                  <button type="button" className="btn btn-sm btn-ghost"
                                    onClick={() => void run(fairMeetingApi.mark(fairId, m.id, 'NO_SHOW'), '已标记未到场')}>未到场</button>
                                )}
                              </span>
                            )}
                          </div>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {board && board.pending.length > 0 && (
        <>
          <h2>待回复的洽谈请求（{board.pending.length}）</h2>
          <ul className="meeting-list" data-testid="board-pending">
            {board.pending.map((m) => {
              const times = preferredTimes(m, board.slots, (s) => `${formatDateTime(s.startsAt)}–${formatTime(s.endsAt)}`);
              return (
                <li key={m.id} className="card meeting-card" data-testid="pending-request">
                  <p className="meeting-with">
                    <strong>{m.requester.enterprise}</strong> → <strong>{m.invitee.enterprise}</strong>
                    <span className="chip meeting-status status-requested">{STATUS_TEXT[m.status]}</span>
                  </p>
                  <p className="small muted">
                    {formatDateTime(m.createdAt)} 发出 · 希望时段：{times.length > 0 ? times.join('、') : '未指定'}
                  </p>
                  {m.message && <p className="meeting-message">{m.message}</p>}
                  <div className="meeting-actions">
                    <button type="button" className="btn btn-sm btn-ghost" onClick={() => setCancelling(m)}
                      aria-label={`取消 ${m.requester.enterprise} 向 ${m.invitee.enterprise} 的洽谈请求`}>取消请求</button>
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {board && (board.slots.length === 0 || board.places.length === 0) && (
        <p className="muted">先生成时段并添加洽谈位，企业即可预约洽谈。</p>
      )}
      {cancelling && (
        <OrganiserCancelDialog fairId={fairId} meeting={cancelling} onClose={() => setCancelling(null)}
          onDone={() => {
            setCancelling(null);
            load();
            showToast(cancelling.status === 'REQUESTED' ? '已取消请求，双方已收到通知' : '已取消洽谈，双方已收到通知');
          }} />
      )}
      <Toast message={toast} />
    </section>
  );
}
