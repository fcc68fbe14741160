// Trainings (docs/api.md "Trainings"): public series, sessions and calendar; the organiser's series and sessions.
// Types mirror the server's answers.
import { request } from './client';
import { uploadFile } from './files';
import type { StreamKind } from './live';
import type { Page } from './types';

export type TrainingStatus = 'SCHEDULED' | 'LIVE' | 'ENDED' | 'REPLAY_AVAILABLE';
/** ?status= of the public list */
export type TrainingWhen = 'upcoming' | 'live' | 'past';

export const TRAINING_STATUS_LABELS: Record<TrainingStatus, string> = {
  SCHEDULED: '未开始',
  LIVE: '直播中',
  ENDED: '已结束',
  REPLAY_AVAILABLE: '可回看',
};

export interface SeriesCard {
  id: number;
  title: string;
  audience: string;
  tags: string[];
  coverFileId: number | null;
  organiser: string;
  sessionCount: number;
  liveCount: number;
  /** the live session's or the next scheduled one's start, or null */
  nextStartsAt: string | null;
  createdAt: string;
}

export interface SessionCard {
  id: number;
  seriesId: number;
  seriesTitle: string;
  title: string;
  lecturer: string;
  startsAt: string;
  durationMinutes: number;
  status: TrainingStatus;
}

export interface SeriesDetail {
  id: number;
  title: string;
  audience: string;
  tags: string[];
  coverFileId: number | null;
  organiser: string;
  organiserId: number;
  createdAt: string;
  updatedAt: string;
  sessions: SessionCard[];
}

export interface Material {
  fileId: number;
  name: string;
  contentType: string;
  sizeBytes: number;
}

export interface SessionDetail {
  id: number;
  seriesId: number;
  seriesTitle: string;
  tags: string[];
  coverFileId: number | null;
  title: string;
  lecturer: string;
  startsAt: string;
  durationMinutes: number;
  streamUrl: string;
  streamKind: StreamKind;
  status: TrainingStatus;
  startedAt: string | null;
  endedAt: string | null;
  materials: Material[];
  viewers: { now: number; peak: number; unique: number };
}

/** /topic/training/{id}/status */
export interface TrainingStatusEvent {
  sessionId: number;
  status: TrainingStatus;
  startedAt: string | null;
  endedAt: string | null;
}

export interface SeriesRequest {
  title: string;
  audience: string;
  tags: string[];
  coverFileId: number | null;
}

export interface SessionRequest {
  title: string;
  lecturer: string;
  startsAt: string;
  durationMinutes: number;
  streamUrl: string;
  materialFileIds: number[];
}

export interface SeriesFilter {
  tag?: string;
  audience?: string;
  status?: TrainingWhen | '';
}

const seg = (id: number) => encodeURIComponent(String(id));

export const trainingApi = {
  /** GET /api/training/series?tag=&audience=&status=&after=&limit= */
  series: (filter: SeriesFilter, after?: string | null, limit = 20, signal?: AbortSignal) =>
    request<Page<SeriesCard>>('/api/training/series', {
      query: { tag: filter.tag || undefined, audience: filter.audience || undefined, status: filter.status || undefined, after, limit },
      signal,
    }),
  seriesDetail: (id: number, signal?: AbortSignal) => request<SeriesDetail>(`/api/training/series/${seg(id)}`, { signal }),
  session: (id: number, signal?: AbortSignal) => request<SessionDetail>(`/api/training/sessions/${seg(id)}`, { signal }),
  /** GET /api/training/sessions?from=&to= (at most 62 days) */
  calendar: (from: string, to: string, signal?: AbortSignal) =>
    request<SessionCard[]>('/api/training/sessions', { query: { from, to }, signal }),
};

const org = '/api/organiser/training';

export const organiserTrainingApi = {
  mine: (after?: string | null, signal?: AbortSignal) =>
    request<Page<SeriesCard>>(`${org}/series`, { query: { after, limit: 50 }, signal }),
  series: (id: number, signal?: AbortSignal) => request<SeriesDetail>(`${org}/series/${seg(id)}`, { signal }),
  createSeries: (body: SeriesRequest) => request<SeriesDetail>(`${org}/series`, { method: 'POST', body }),
  updateSeries: (id: number, body: SeriesRequest) => request<SeriesDetail>(`${org}/series/${seg(id)}`, { method: 'PUT', body }),
  addSession: (seriesId: number, body: SessionRequest) =>
    request<SessionDetail>(`${org}/series/${seg(seriesId)}/sessions`, { method: 'POST', body }),
  session: (id: number, signal?: AbortSignal) => request<SessionDetail>(`${org}/sessions/${seg(id)}`, { signal }),
  updateSession: (id: number, body: SessionRequest) =>
    request<SessionDetail>(`${org}/sessions/${seg(id)}`, { method: 'PUT', body }),
  start: (id: number) => request<SessionDetail>(`${org}/sessions/${seg(id)}/start`, { method: 'POST' }),
  end: (id: number) => request<SessionDetail>(`${org}/sessions/${seg(id)}/end`, { method: 'POST' }),
};

/** POST /api/files with purpose DOCUMENT (slides, handouts: PDF or pictures). */
export const uploadMaterial = (file: File) => uploadFile(file, 'DOCUMENT');
