import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../api/errors';
import { fileUrl } from '../../api/files';
import type { LiveStatus } from '../../api/live';
import { TRAINING_STATUS_LABELS, trainingApi } from '../../api/training';
import type { SessionDetail, TrainingStatus, TrainingStatusEvent } from '../../api/training';
import type { Viewers } from '../../api/types';
import { FormAlert } from '../../components/Field';
import { ShareButton } from '../../components/share/ShareButton';
import { formatCount, formatDateTime } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { trainingDestinations } from '../../realtime/destinations';
import { useLatest } from '../../realtime/useTopic';
import { LivePlayer } from '../live/LivePlayer';
import { useAuth } from '../../auth/AuthProvider';
import { MyAttendanceCard } from './attendance/MyAttendanceCard';
import { TrainingReplay } from './replay/TrainingReplay';
import { MaterialLink } from './registration/MaterialLink';
import { RegistrationPanel } from './registration/RegistrationPanel';
import { TrainingRoomPanel } from './room/TrainingRoomPanel';

/** What the live player shows for a training status (a session with a replay plays it in TrainingReplay instead). */
function playerStatus(s: TrainingStatus | null): LiveStatus | null {
  if (s === 'REPLAY_AVAILABLE') return 'ENDED';
  return s;
}

/**
 * /training/sessions/:id — countdown before the start, the player and the live viewer count while live; the status
 * topic turns the page live (and ended) by itself. Subscribing to the viewers topic makes this page a viewer.
 */
export function SessionPage() {
  const { id = '' } = useParams();
  const [loaded, setLoaded] = useState<{ id: string; session: SessionDetail | null; error: string | null }>();
  const topics = useMemo(() => ({ viewers: trainingDestinations.viewers(id), status: trainingDestinations.status(id) }), [id]);
  const statusEvent = useLatest<TrainingStatusEvent>(topics.status);
  const viewers = useLatest<Viewers>(topics.viewers);
  const { user } = useAuth();

  useEffect(() => {
    const ctl = new AbortController();
    const n = Number(id);
    if (!Number.isSafeInteger(n) || n <= 0) {
      setLoaded({ id, session: null, error: '培训课程不存在' });
      return;
    }
    trainingApi
      .session(n, ctl.signal)
      .then((session) => setLoaded({ id, session, error: null }))
      .catch((e: unknown) => {
        if (!ctl.signal.aborted) setLoaded({ id, session: null, error: isApiError(e) ? e.detail : '加载失败' });
      });
    return () => ctl.abort();
  }, [id]);

  const session = loaded?.id === id ? loaded.session : null;
  const error = loaded?.id === id ? loaded.error : null;
  const status = statusEvent?.status ?? session?.status ?? null;
  usePageTitle(session?.title ?? '培训课程');
  const live = status === 'LIVE';
  const badge = (
    <span className="live-viewers" data-testid="viewers-badge" title="当前在线人数">
      <span className="live-dot" aria-hidden="true" />
      <span data-testid="viewer-count">{viewers ? viewers.now : (session?.viewers.now ?? '—')}</span>
      <span className="live-viewers-unit">人在看</span>
    </span>
  );

  return (
    <div className="live-room training-session" data-testid="training-session" data-status={status ?? 'unknown'}>
      <div className="live-stage">
        {session && status === 'REPLAY_AVAILABLE' ? (
          <TrainingReplay sessionId={session.id} coverFileId={session.coverFileId} />
        ) : (
          <LivePlayer
            status={playerStatus(status)}
            streamUrl={session?.streamUrl ?? ''}
            streamKind={session?.streamKind ?? 'OTHER'}
            coverFileId={session?.coverFileId ?? null}
            startsAt={session?.startsAt ?? ''}
            overlay={live ? badge : undefined}
          />
        )}
        <div className="live-info">
          <h1>{session?.title ?? `培训课程 #${id}`}</h1>
          <FormAlert message={error} />
          {session && (
            <>
              <p className="small">
                <Link to={`/training/series/${session.seriesId}`}>{session.seriesTitle}</Link>
                <span aria-hidden="true"> · </span>讲师 {session.lecturer}
              </p>
              <p className="small muted">
                {formatDateTime(session.startsAt)} · {session.durationMinutes} 分钟 ·{' '}
                <span data-testid="session-status">{status ? TRAINING_STATUS_LABELS[status] : '—'}</span>
                {live && viewers && <> · 峰值 <span data-testid="viewer-peak">{formatCount(viewers.peak)}</span> 人</>}
              </p>
              <div className="room-actions">
                <ShareButton
                  kind="培训"
                  path={`/training/sessions/${session.id}`}
                  title={session.title}
                  lines={[`${formatDateTime(session.startsAt)} 开讲`, `讲师 ${session.lecturer}`, session.seriesTitle]}
                  imageUrl={session.coverFileId ? fileUrl(session.coverFileId) : null}
                />
              </div>
            </>
          )}
          {session && <RegistrationPanel sessionId={session.id} title={session.seriesTitle} />}
        </div>
      </div>
      {session && <TrainingRoomPanel sessionId={session.id} status={status} />}
      {session && user && status && status !== 'SCHEDULED' && (
        <MyAttendanceCard sessionId={session.id} live={live} status={status} />
      )}
      {session && session.materials.length > 0 && (
        <section className="card training-materials" data-testid="materials">
          <h2>课程资料</h2>
          <ul>
            {session.materials.map((m) => (
              <li key={m.fileId}>
                <MaterialLink sessionId={session.id} material={m} />
                <span className="muted small"> {Math.max(1, Math.round(m.sizeBytes / 1024))} KB</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
