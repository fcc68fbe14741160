// Training registration (docs/api.md "Training registration"): the form and my registration, register / cancel,
// my registrations, calendar files, materials; the organiser's settings, list, decisions and CSV export.
import { getToken } from '../auth/session';
import { request } from './client';
import { parseErrorResponse } from './errors';
import type { Page } from './types';

export type RegistrationMode = 'OPEN' | 'CAPACITY' | 'APPROVAL';
export type FieldRule = 'OFF' | 'OPTIONAL' | 'REQUIRED';
export type RegistrationState = 'CONFIRMED' | 'WAITLISTED' | 'PENDING' | 'REJECTED' | 'CANCELLED';

export const MODE_LABELS: Record<RegistrationMode, string> = {
  OPEN: '开放报名',
  CAPACITY: '限额报名（满额候补）',
  APPROVAL: '审核报名',
};
export const FIELD_RULE_LABELS: Record<FieldRule, string> = { OFF: '不填写', OPTIONAL: '选填', REQUIRED: '必填' };
export const STATE_LABELS: Record<RegistrationState, string> = {
  CONFIRMED: '已报名',
  WAITLISTED: '候补中',
  PENDING: '待审核',
  REJECTED: '未通过',
  CANCELLED: '已取消',
};

export interface RegistrationForm {
  seriesId: number;
  mode: RegistrationMode;
  capacity: number | null;
  confirmed: number;
  waiting: number;
  company: FieldRule;
  jobTitle: FieldRule;
  phone: FieldRule;
  deadline: string | null;
  open: boolean;
  closedReason: string | null;
}

export interface MyRegistration {
  id: number;
  seriesId: number;
  seriesTitle: string;
  state: RegistrationState;
  stateLabel: string;
  /** 1 = next in line (WAITLISTED only) */
  position: number | null;
  reason: string | null;
  company: string | null;
  jobTitle: string | null;
  /** the full number: it is the person's own */
  phone: string | null;
  registeredAt: string;
  decidedAt: string | null;
}

export interface RegistrationStatus {
  form: RegistrationForm;
  registration: MyRegistration | null;
}

export interface RegisterBody {
  company?: string;
  jobTitle?: string;
  phone?: string;
}

export interface RegistrationRow {
  id: number;
  userId: number;
  name: string;
  state: RegistrationState;
  stateLabel: string;
  position: number | null;
  company: string | null;
  jobTitle: string | null;
  /** masked: 138****1234 */
  phone: string | null;
  reason: string | null;
  registeredAt: string;
  decidedAt: string | null;
}

export interface RegistrationSettings {
  seriesId: number;
  mode: RegistrationMode;
  capacity: number | null;
  company: FieldRule;
  jobTitle: FieldRule;
  phone: FieldRule;
  reminderOffsets: number[];
  deadline: string | null;
  counts: Record<RegistrationState, number>;
}

export type SettingsBody = Omit<RegistrationSettings, 'seriesId' | 'counts'>;

const n = (v: number) => encodeURIComponent(String(v));

/** The state line a person reads: 已报名 / 候补第 N 位 / 待审核 / 未通过：原因 / 已取消. */
export function stateText(r: Pick<MyRegistration, 'state' | 'position' | 'reason'>): string {
  switch (r.state) {
    case 'WAITLISTED':
      return r.position ? `候补第 ${r.position} 位` : '候补中';
    case 'REJECTED':
      return r.reason ? `未通过：${r.reason}` : '未通过';
    default:
      return STATE_LABELS[r.state];
  }
}

export function isActive(state: RegistrationState): boolean {
  return state === 'CONFIRMED' || state === 'WAITLISTED' || state === 'PENDING';
}

/** Fetches with the token and saves the answer under `filename` (a plain link cannot carry the token). */
async function download(path: string, filename: string): Promise<void> {
  const token = getToken();
  const res = await fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!res.ok) throw await parseErrorResponse(res);
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

export const registrationApi = {
  ofSeries: (seriesId: number, signal?: AbortSignal) =>
    request<RegistrationStatus>(`/api/training/series/${n(seriesId)}/registration`, { signal }),
  ofSession: (sessionId: number, signal?: AbortSignal) =>
    request<RegistrationStatus>(`/api/training/sessions/${n(sessionId)}/registration`, { signal }),
  register: (seriesId: number, body: RegisterBody) =>
    request<RegistrationStatus>(`/api/training/series/${n(seriesId)}/registration`, { method: 'POST', body }),
  cancel: (seriesId: number) =>
    request<RegistrationStatus>(`/api/training/series/${n(seriesId)}/registration`, { method: 'DELETE' }),
  mine: ({ after, limit }: { after?: string | null; limit?: number } = {}, signal?: AbortSignal) =>
    request<Page<MyRegistration>>('/api/training/registrations/mine', { query: { after, limit }, signal }),
  seriesCalendarUrl: (seriesId: number) => `/api/training/series/${n(seriesId)}/calendar.ics`,
  sessionCalendarUrl: (sessionId: number) => `/api/training/sessions/${n(sessionId)}/calendar.ics`,
  downloadMaterial: (sessionId: number, fileId: number, name: string) =>
    download(`/api/training/sessions/${n(sessionId)}/materials/${n(fileId)}`, name),

  settings: (seriesId: number, signal?: AbortSignal) =>
    request<RegistrationSettings>(`/api/organiser/training/series/${n(seriesId)}/registration-settings`, { signal }),
  saveSettings: (seriesId: number, body: SettingsBody) =>
    request<RegistrationSettings>(`/api/organiser/training/series/${n(seriesId)}/registration-settings`, { method: 'PUT', body }),
  list: (seriesId: number, state: RegistrationState | null, after?: string | null, signal?: AbortSignal) =>
    request<Page<RegistrationRow>>(`/api/organiser/training/series/${n(seriesId)}/registrations`, {
      query: { state, after, limit: 50 },
      signal,
    }),
  approve: (id: number) => request<RegistrationRow>(`/api/organiser/training/registrations/${n(id)}/approve`, { method: 'POST' }),
  reject: (id: number, reason: string) =>
    request<RegistrationRow>(`/api/organiser/training/registrations/${n(id)}/reject`, { method: 'POST', body: { reason } }),
  exportCsv: (seriesId: number) =>
    download(`/api/organiser/training/series/${n(seriesId)}/registrations.csv`, `报名名单-${seriesId}.csv`),
};
