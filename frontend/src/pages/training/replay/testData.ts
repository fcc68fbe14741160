import type { OrganiserReplay, TrainingReplay } from '../../../api/trainingReplay';

export function replay(over: Partial<TrainingReplay> = {}): TrainingReplay {
  return {
    sessionId: 12,
    source: 'URL',
    url: 'https://cdn.example.com/replay/a.m3u8',
    fileId: null,
    kind: 'HLS',
    playUrl: 'https://cdn.example.com/replay/a.m3u8',
    chapters: [
      { title: '开场', startSeconds: 0 },
      { title: '数字化转型趋势', startSeconds: 60 },
    ],
    figures: { views: 41, uniqueViewers: 30, watchSeconds: 7_380 },
    updatedAt: '2026-12-01T00:00:00Z',
    ...over,
  };
}

export function organiserReplay(over: Partial<OrganiserReplay> = {}): OrganiserReplay {
  const r = over.replay === undefined ? replay() : over.replay;
  return { sessionId: 12, status: 'REPLAY_AVAILABLE', figures: r?.figures ?? { views: 0, uniqueViewers: 0, watchSeconds: 0 }, ...over, replay: r };
}
