// Training attendance (docs/api.md "Training attendance"): the organiser's report and CSV, the series' certificate
// rule, an attendee's own record and certificate, public verification. Types mirror the server's answers.
import { request } from './client';
import { downloadFile } from './download';
import type { TrainingStatus } from './training';

export interface AttendanceSummary {
  sessionId: number;
  sessionTitle: string;
  seriesTitle: string;
  status: TrainingStatus;
  startsAt: string;
  registered: number;
  attended: number;
  peakViewers: number;
  uniqueViewers: number;
  /** every viewer's watch time in the room, guests included */
  roomWatchSeconds: number;
  attendeeWatchSeconds: number;
  averageWatchSeconds: number;
  checkedIn: number;
  /** 0..1, or null without registrations */
  checkInRate: number | null;
  questions: number;
  replayViews: number;
  replayWatchSeconds: number;
  certificateMinutes: number;
  certificateCountsReplay: boolean;
  eligible: number;
}

export interface AttendeeRow {
  userId: number;
  name: string;
  /** null for someone who did not watch live (replay only, or checked in / asked without a live slot) */
  firstJoin: string | null;
  lastLeave: string | null;
  stays: number;
  liveSeconds: number;
  replaySeconds: number;
  checkedIn: boolean;
  questions: number;
  eligible: boolean;
}

export interface AttendanceReport {
  summary: AttendanceSummary;
  attendees: AttendeeRow[];
}

export interface Stay {
  joinedAt: string;
  leftAt: string;
}

export interface MyAttendance {
  sessionId: number;
  liveSeconds: number;
  replaySeconds: number;
  stays: Stay[];
  checkedIn: boolean;
  questions: number;
  certificateMinutes: number;
  certificateCountsReplay: boolean;
  eligible: boolean;
  sessionOver: boolean;
  certificateCode: string | null;
}

export interface CertificateRule {
  seriesId: number;
  configured: boolean;
  minWatchMinutes: number | null;
  includeReplay: boolean;
}

export interface VerifiedCertificate {
  code: string;
  holderName: string;
  sessionTitle: string;
  seriesTitle: string;
  organiser: string;
  sessionStartsAt: string;
  watchMinutes: number;
  issuedAt: string;
}

const id = (n: number) => encodeURIComponent(String(n));

export const attendanceApi = {
  report: (sessionId: number, signal?: AbortSignal) =>
    request<AttendanceReport>(`/api/organiser/training/sessions/${id(sessionId)}/attendance`, { signal }),
  downloadCsv: (sessionId: number) =>
    downloadFile(`/api/organiser/training/sessions/${id(sessionId)}/attendance.csv`, `考勤-${sessionId}.csv`),
  rule: (seriesId: number, signal?: AbortSignal) =>
    request<CertificateRule>(`/api/organiser/training/series/${id(seriesId)}/certificate-rule`, { signal }),
  saveRule: (seriesId: number, body: { minWatchMinutes: number; includeReplay: boolean }) =>
    request<CertificateRule>(`/api/organiser/training/series/${id(seriesId)}/certificate-rule`, { method: 'PUT', body }),
  mine: (sessionId: number, signal?: AbortSignal) =>
    request<MyAttendance>(`/api/me/training/sessions/${id(sessionId)}/attendance`, { signal }),
  downloadCertificate: (sessionId: number) =>
    downloadFile(`/api/me/training/sessions/${id(sessionId)}/certificate.pdf`, `结业证书-${sessionId}.pdf`),
  verify: (code: string, signal?: AbortSignal) =>
    request<VerifiedCertificate>(`/api/training/certificates/${encodeURIComponent(code)}`, { auth: false, signal }),
};

/** Seconds as the reports show them: 75 → "1 分 15 秒", 3600 → "60 分". */
export function formatWatch(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  if (m === 0) return `${s} 秒`;
  return s === 0 ? `${m} 分` : `${m} 分 ${s} 秒`;
}
