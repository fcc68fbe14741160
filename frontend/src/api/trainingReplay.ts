// Training replays (docs/api.md "Training replay"): the public replay with chapters and figures, replay heartbeats
// (users by their token, guests by their signed guest pass), and the organiser's replay form.
import { getToken } from '../auth/session';
import { guestPass } from '../realtime/guestPass';
import { request } from './client';
import type { TrainingStatus } from './training';

export type ReplayKind = 'HLS' | 'MP4';

export interface ReplayChapter {
  title: string;
  startSeconds: number;
}

/** 回看人次 (plays with a counted heartbeat), people, and seconds watched: apart from the live audience. */
export interface ReplayFigures {
  views: number;
  uniqueViewers: number;
  watchSeconds: number;
}

export interface TrainingReplay {
  sessionId: number;
  source: 'URL' | 'FILE';
  url: string | null;
  fileId: number | null;
  kind: ReplayKind;
  playUrl: string;
  chapters: ReplayChapter[];
  figures: ReplayFigures;
  updatedAt: string;
}

export interface OrganiserReplay {
  sessionId: number;
  status: TrainingStatus;
  replay: TrainingReplay | null;
  figures: ReplayFigures;
}

export interface ReplayRequest {
  url?: string;
  fileId?: number;
  chapters: ReplayChapter[];
}

export interface HeartbeatResult {
  counted: boolean;
  figures: ReplayFigures;
}

/** How often the replay player reports, in seconds of playing (the server counts 15 s per heartbeat). */
export const HEARTBEAT_SECONDS = 15;

const base = (id: number) => `/api/training/sessions/${encodeURIComponent(String(id))}/replay`;
const organiser = (id: number) => `/api/organiser/training/sessions/${encodeURIComponent(String(id))}/replay`;

export const trainingReplayApi = {
  /** GET /api/training/sessions/{id}/replay → 404 while there is none */
  replay: (id: number, signal?: AbortSignal) => request<TrainingReplay>(base(id), { signal }),
  /** POST …/replay/heartbeat; a guest sends the kept guest pass (asked for once) as X-Guest */
  heartbeat: async (id: number, viewId: string, positionSeconds: number): Promise<HeartbeatResult> => {
    const headers: Record<string, string> = {};
    if (!getToken()) {
      const pass = await guestPass();
      if (pass) headers['X-Guest'] = pass;
    }
    return request<HeartbeatResult>(`${base(id)}/heartbeat`, {
      method: 'POST',
      body: { viewId, positionSeconds: Math.max(0, Math.floor(positionSeconds)) },
      headers,
    });
  },
};

export const organiserReplayApi = {
  /** GET /api/organiser/training/sessions/{id}/replay */
  get: (id: number, signal?: AbortSignal) => request<OrganiserReplay>(organiser(id), { signal }),
  /** PUT …/replay: an address or an uploaded video, and chapters; the first time the session becomes 可回看 */
  set: (id: number, body: ReplayRequest) => request<OrganiserReplay>(organiser(id), { method: 'PUT', body }),
};

/** The kind of a replay address the player can play (HLS .m3u8 or MP4 .mp4, by its path), else null. */
export function replayKindOf(url: string | null | undefined): ReplayKind | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url, 'http://localhost').pathname.toLowerCase();
  } catch {
    return null;
  }
  if (path.endsWith('.m3u8')) return 'HLS';
  if (path.endsWith('.mp4')) return 'MP4';
  return null;
}
