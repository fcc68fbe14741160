import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { roadshowApi } from '../../../api/fairMeeting';
import type { RoadshowQa, RoadshowRoom, RoadshowStage } from '../../../api/fairMeeting';
import { isApiError } from '../../../api/errors';
import type { Viewers } from '../../../api/types';
import { FormAlert } from '../../../components/Field';
import { Toast, useToast } from '../../../components/Toast';
import { usePageTitle } from '../../../lib/usePageTitle';
import { roadshowDestinations } from '../../../realtime/destinations';
import { useLatest } from '../../../realtime/useTopic';
import { LivePlayer } from '../../live/LivePlayer';
import { amountRange, canMarkAnswered, questionsOf, streamKindOf } from './roadshowLogic';
import './fair-meeting.css';
import { FairNav } from '../FairNav';

/**
 * /fairs/:id/roadshow — 路演间 of a financing fair: the stream, the project pitching now (the organisers switch),
 * every project with its 感兴趣 count (investors mark once), and investor Q&A (ask, upvote once, answered).
 * Stage and Q&A arrive live (latest-value topics); subscribing to the viewers topic makes this page one of the audience.
 */
export function RoadshowPage() {
  usePageTitle('路演间');
  const fairId = Number(useParams().id);
  const [room, setRoom] = useState<RoadshowRoom | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [asking, setAsking] = useState(false);
  const [toast, showToast] = useToast();
  const allowed = room !== null;
  const viewers = useLatest<Viewers>(allowed ? roadshowDestinations.viewers(fairId) : null);
  const liveStage = useLatest<RoadshowStage>(allowed ? roadshowDestinations.stage(fairId) : null);
  const liveQa = useLatest<RoadshowQa>(allowed ? roadshowDestinations.qa(fairId) : null);

  const load = useCallback(() => {
    roadshowApi.room(fairId).then(setRoom).catch((e: unknown) => setError(isApiError(e) ? e.detail : '加载失败'));
  }, [fairId]);
  useEffect(load, [load]);

  const stage = liveStage ?? room?.stage;
  const qa = liveQa ?? room?.qa;
  const current = stage?.projects.find((p) => p.participantId === stage.currentProjectId) ?? null;

  const fail = (e: unknown) => showToast(isApiError(e) ? e.detail : '操作失败，请重试');
  const interest = (projectId: number) =>
    roadshowApi.interest(fairId, projectId).then(() => {
      setRoom((r) => (r ? { ...r, interests: [...r.interests, projectId] } : r));
      showToast('已告知项目方');
    }).catch(fail);
  const vote = (questionId: number) =>
    roadshowApi.vote(fairId, questionId).then(() => setRoom((r) => (r ? { ...r, votes: [...r.votes, questionId] } : r))).catch(fail);
  const answered = (questionId: number) => roadshowApi.answered(fairId, questionId).then(() => showToast('已标记已答复')).catch(fail);
  const switchTo = (projectId: number | null) => roadshowApi.setCurrent(fairId, projectId).then(() => showToast('已切换路演项目')).catch(fail);
  const ask = () => {
    if (!text.trim()) return;
    setAsking(true);
    roadshowApi.ask(fairId, text.trim(), current?.participantId ?? null)
      .then(() => { setText(''); showToast('问题已提交'); })
      .catch(fail)
      .finally(() => setAsking(false));
  };

  return (
    <section className="container page fair-meetings" data-testid="roadshow">
      <FairNav fairId={fairId} kind="ROADSHOW" />
      <div className="page-head">
        <h1>路演间{stage ? `：${stage.title}` : ''}</h1>
        {viewers && <span className="chip" data-testid="roadshow-viewers" title="当前在线人数">在线 {viewers.now}</span>}
      </div>
      <FormAlert message={error} />
      {error && <p className="small"><Link to={`/fairs/${fairId}`}>← 返回对接会</Link></p>}
      {room && stage && qa && (
        <div className="roadshow-layout">
          <div>
            {stage.streamUrl ? (
              <LivePlayer status="LIVE" streamUrl={stage.streamUrl} streamKind={streamKindOf(stage.streamUrl)}
                coverFileId={null} startsAt={new Date().toISOString()} />
            ) : (
              <div className="roadshow-player"><p>直播尚未开始</p></div>
            )}
            <h2 data-testid="roadshow-current">
              {current ? `正在路演：${current.enterprise}` : '路演间隙，请稍候'}
            </h2>
            {current && <p className="small">{current.offers} {amountRange(current)}</p>}
            <h2>路演项目</h2>
            <ul className="roadshow-projects">
              {stage.projects.map((p) => (
                <li key={p.participantId} className={`card meeting-card roadshow-project${p.participantId === stage.currentProjectId ? ' current' : ''}`}
                  data-testid="roadshow-project">
                  <strong>{p.enterprise}</strong>
                  <p className="small muted">{p.offers || '—'} {amountRange(p)}</p>
                  <div className="meeting-actions">
                    <span className="small" data-testid="interest-count">{p.interested} 家机构感兴趣</span>
                    {room.role === 'INVESTOR' && (
                      <button type="button" className="btn btn-sm btn-primary" disabled={room.interests.includes(p.participantId)}
                        onClick={() => void interest(p.participantId)}>
                        {room.interests.includes(p.participantId) ? '已感兴趣' : '感兴趣'}
                      </button>
                    )}
                    {room.organiser && p.participantId !== stage.currentProjectId && (
                      <button type="button" className="btn btn-sm btn-ghost" onClick={() => void switchTo(p.participantId)}>切换到此项目</button>
                    )}
                    {room.role === 'INVESTOR' && (
                      <Link className="btn btn-sm btn-ghost"
                        to={`/fairs/${fairId}/meetings?invite=${p.participantId}&name=${encodeURIComponent(p.enterprise)}`}>约见</Link>
                    )}
                  </div>
                </li>
              ))}
            </ul>
            {room.organiser && stage.currentProjectId !== null && (
              <button type="button" className="btn btn-ghost" onClick={() => void switchTo(null)}>结束当前路演</button>
            )}
          </div>
          <aside>
            <h2>投资人问答</h2>
            {room.participantId !== null && (
              <form className="card qa-item" onSubmit={(e) => { e.preventDefault(); ask(); }}>
                <label htmlFor="roadshow-ask" className="small">向{current ? current.enterprise : '项目'}提问</label>
                <textarea id="roadshow-ask" rows={2} maxLength={300} value={text} onChange={(e) => setText(e.target.value)}
                  placeholder={current ? '如：明年的营收目标？' : '当前没有正在路演的项目'} disabled={!current} />
                <button type="submit" className="btn btn-sm btn-primary" disabled={asking || !current || !text.trim()}>提问</button>
              </form>
            )}
            <ul className="qa-list" data-testid="roadshow-qa">
              {questionsOf(qa, stage).map((q) => (
                <li key={q.id} className={`card qa-item${q.answered ? ' answered' : ''}`} data-testid="roadshow-question">
                  <p className="small muted">{q.asker} → {q.project}</p>
                  <p className="qa-text">{q.text}</p>
                  <div className="meeting-actions">
                    <button type="button" className="btn btn-sm btn-ghost" disabled={room.votes.includes(q.id)}
                      onClick={() => void vote(q.id)} aria-label={`点赞，当前 ${q.votes}`}>
                      👍 {q.votes}
                    </button>
                    {q.answered ? <span className="chip">已答复</span> : canMarkAnswered(room, q) && (
                      <button type="button" className="btn btn-sm btn-ghost" onClick={() => void answered(q.id)}>标记已答复</button>
                    )}
                  </div>
                </li>
              ))}
              {qa.questions.length === 0 && <li className="small muted">还没有问题。</li>}
            </ul>
          </aside>
        </div>
      )}
      <Toast message={toast} />
    </section>
  );
}
