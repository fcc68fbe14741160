import type { SeriesCard, SeriesDetail, SessionCard, SessionDetail } from '../../api/training';

export const seriesCard = (id: number, over: Partial<SeriesCard> = {}): SeriesCard => ({
  id,
  title: `系列 ${id}`,
  audience: '中小企业负责人',
  tags: ['专精特新'],
  coverFileId: null,
  organiser: '展厅组织方',
  sessionCount: 4,
  liveCount: 0,
  nextStartsAt: '2026-12-10T11:30:00Z',
  createdAt: '2026-12-01T00:00:00Z',
  ...over,
});

export const sessionCard = (id: number, over: Partial<SessionCard> = {}): SessionCard => ({
  id,
  seriesId: 5,
  seriesTitle: '宁夏中小企业高质量发展系列培训',
  title: `课程 ${id}`,
  lecturer: '李静 处长',
  startsAt: '2026-12-08T02:00:00Z',
  durationMinutes: 90,
  status: 'SCHEDULED',
  ...over,
});

export const seriesDetail = (over: Partial<SeriesDetail> = {}): SeriesDetail => ({
  id: 5,
  title: '宁夏中小企业高质量发展系列培训',
  audience: '宁夏区内中小企业负责人',
  tags: ['专精特新', '政策解读'],
  coverFileId: null,
  organiser: '展厅组织方',
  organiserId: 2,
  createdAt: '2026-12-01T00:00:00Z',
  updatedAt: '2026-12-01T00:00:00Z',
  sessions: [sessionCard(11, { title: '趋势篇', status: 'ENDED' }), sessionCard(12, { title: '政策篇', status: 'LIVE' })],
  ...over,
});

export const sessionDetail = (over: Partial<SessionDetail> = {}): SessionDetail => ({
  id: 12,
  seriesId: 5,
  seriesTitle: '宁夏中小企业高质量发展系列培训',
  tags: ['专精特新'],
  coverFileId: null,
  title: '政策篇：惠企政策与申报要点',
  lecturer: '李静 处长',
  startsAt: '2099-12-08T02:00:00Z',
  durationMinutes: 120,
  streamUrl: 'https://cdn.example.com/t/12.flv',
  streamKind: 'FLV',
  status: 'SCHEDULED',
  startedAt: null,
  endedAt: null,
  materials: [],
  viewers: { now: 0, peak: 0, unique: 0 },
  ...over,
});
