import { useCallback, useEffect, useState } from 'react';
import { isApiError } from '../../../api/errors';
import { fileUrl } from '../../../api/files';
import { trainingReplayApi } from '../../../api/trainingReplay';
import type { ReplayFigures, TrainingReplay as Replay } from '../../../api/trainingReplay';
import { ReplayPlayer } from '../../../components/replay/ReplayPlayer';
import { formatCount } from '../../../lib/format';

interface Props {
  sessionId: number;
  coverFileId: number | null;
}

/**
 * A training session's replay on its page (status 可回看): the shared replay player with the chapters, and
 * 回看 N 人次. The player's heartbeats are counted by the server (apart from the live audience); each answer brings
 * the figures as they are now.
 */
export function TrainingReplay({ sessionId, coverFileId }: Props) {
  const [loaded, setLoaded] = useState<{ id: number; replay: Replay | null; error: string | null }>();
  const [figures, setFigures] = useState<ReplayFigures | null>(null);

  useEffect(() => {
    const ctl = new AbortController();
    trainingReplayApi
      .replay(sessionId, ctl.signal)
      .then((replay) => {
        setLoaded({ id: sessionId, replay, error: null });
        setFigures(replay.figures);
      })
      .catch((e: unknown) => {
        if (ctl.signal.aborted) return;
        setLoaded({ id: sessionId, replay: null, error: isApiError(e) && e.status === 404 ? '回看正在准备中' : '回看加载失败' });
      });
    return () => ctl.abort();
  }, [sessionId]);

  const beat = useCallback(
    (viewId: string, position: number) => {
      trainingReplayApi.heartbeat(sessionId, viewId, position).then(
        (r) => setFigures(r.figures),
        () => undefined, // a lost heartbeat is a few uncounted seconds, nothing to tell the viewer
      );
    },
    [sessionId],
  );

  const replay = loaded?.id === sessionId ? loaded.replay : null;
  const error = loaded?.id === sessionId ? loaded.error : null;
  if (!replay) {
    return (
      <div className="live-player" data-testid="replay-pending">
        <p className="live-player-note">{error ?? '回看加载中…'}</p>
      </div>
    );
  }
  return (
    <ReplayPlayer
      src={replay.playUrl}
      kind={replay.kind}
      chapters={replay.chapters}
      resumeKey={`training:${sessionId}`}
      poster={coverFileId ? fileUrl(coverFileId) : undefined}
      onHeartbeat={beat}
      footer={
        <p className="replay-figures small muted" data-testid="replay-figures">
          回看 <strong data-testid="replay-views">{formatCount(figures?.views ?? 0)}</strong> 人次
        </p>
      }
    />
  );
}
