import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../../api/errors';
import { TRAINING_STATUS_LABELS } from '../../../api/training';
import { organiserReplayApi } from '../../../api/trainingReplay';
import type { OrganiserReplay } from '../../../api/trainingReplay';
import { FormAlert } from '../../../components/Field';
import { Toast, useToast } from '../../../components/Toast';
import { formatCount } from '../../../lib/format';
import { usePageTitle } from '../../../lib/usePageTitle';
import { ReplayForm } from './ReplayForm';

/** Seconds → "3 小时 5 分" / "12 分" / "40 秒". */
export function formatWatchTime(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  if (h > 0) return `${h} 小时 ${m} 分`;
  return m > 0 ? `${m} 分` : `${seconds} 秒`;
}

/**
 * /organiser/training/sessions/:id/replay — the organiser's replay of a session once it ended: the form (address or
 * upload, chapters) and the replay figures (回看人次, people, watch time; apart from the live audience).
 */
export function ReplayManagePage() {
  const { id = '' } = useParams();
  const sessionId = Number(id);
  const [data, setData] = useState<OrganiserReplay | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [toast, showToast] = useToast();
  usePageTitle('课程回看');

  useEffect(() => {
    const ctl = new AbortController();
    if (!Number.isSafeInteger(sessionId) || sessionId <= 0) {
      setError('培训课程不存在');
      return;
    }
    organiserReplayApi.get(sessionId, ctl.signal).then(setData, (e: unknown) => {
      if (!ctl.signal.aborted) setError(isApiError(e) ? e.detail : '加载失败');
    });
    return () => ctl.abort();
  }, [sessionId]);

  const ended = data?.status === 'ENDED' || data?.status === 'REPLAY_AVAILABLE';
  return (
    <section className="container page training-manage" data-testid="replay-manage-page">
      <p className="small"><Link to="/organiser/training">← 培训管理</Link></p>
      <h1>课程回看</h1>
      <FormAlert message={error} />
      {data && (
        <>
          <p className="small muted">
            状态：<span data-testid="replay-session-status">{TRAINING_STATUS_LABELS[data.status]}</span> ·{' '}
            <Link to={`/training/sessions/${data.sessionId}`}>查看课程页面</Link>
          </p>
          <dl className="replay-stats card" data-testid="replay-stats">
            <div><dt>回看人次</dt><dd data-testid="stat-views">{formatCount(data.figures.views)}</dd></div>
            <div><dt>回看人数</dt><dd data-testid="stat-viewers">{formatCount(data.figures.uniqueViewers)}</dd></div>
            <div><dt>回看时长</dt><dd data-testid="stat-time">{formatWatchTime(data.figures.watchSeconds)}</dd></div>
          </dl>
          {ended ? (
            <ReplayForm
              key={data.replay?.updatedAt ?? 'new'}
              sessionId={data.sessionId}
              initial={data.replay}
              onSaved={(saved) => {
                setData(saved);
                showToast(data.replay ? '回看已保存' : '回看已发布，课程可回看');
              }}
            />
          ) : (
            <p className="card small" data-testid="replay-not-yet">课程结束后才能设置回看。</p>
          )}
        </>
      )}
      <Toast message={toast} />
    </section>
  );
}
