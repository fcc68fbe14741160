// Fairs — screening (docs/api.md "Fairs — screening"): the public list and a fair's home page, invitation links, an
// enterprise's registration (摸底 questionnaire), the participant directory; the organisers' fairs, co-organisers,
// invitations, screening queue, decisions and CSV.
import { downloadFile } from './download';
import { request } from './client';
import type { EnterpriseSize, Page, SpecialisationTier } from './types';

export type FairKind = 'PROCUREMENT' | 'ROADSHOW' | 'CHAIN' | 'CLOUD_EXPO';
export type FairMode = 'ONLINE' | 'OFFLINE' | 'HYBRID';
export type FairVisibility = 'PUBLIC' | 'CLOSED';
export type FairStatus = 'DRAFT' | 'PUBLISHED' | 'CANCELLED';
export type ParticipantRole = 'SUPPLIER' | 'BUYER' | 'BOTH' | 'PROJECT' | 'INVESTOR';
export type ParticipantStatus = 'PENDING' | 'NEEDS_INFO' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN';

export interface FairCard {
  id: number;
  title: string;
  kind: FairKind;
  mode: FairMode;
  visibility: FairVisibility;
  status: FairStatus;
  startsAt: string;
  endsAt: string;
  region: string;
  venue: string | null;
  organiser: string;
  coverFileId: number | null;
  capacity: number;
  approved: number;
}

export interface AgendaItem {
  id: number;
  startsAt: string;
  endsAt: string | null;
  title: string;
  place: string | null;
  speaker: string | null;
}

export interface FairOrganiser {
  userId: number;
  username: string;
  displayName: string;
  creator: boolean;
}

export interface MyParticipation {
  participantId: number;
  status: ParticipantStatus;
  role: ParticipantRole;
  reason: string | null;
}

export interface FairDetail {
  fair: FairCard;
  summary: string;
  agenda: AgendaItem[];
  organisers: FairOrganiser[];
  registered: number;
  registrationOpen: boolean;
  mine: MyParticipation | null;
  runs: boolean;
}

export interface ParticipantRow {
  id: number;
  fairId: number;
  enterpriseId: number;
  enterpriseName: string;
  creditCode: string;
  region: string;
  industry: string;
  size: EnterpriseSize;
  tier: SpecialisationTier;
  role: ParticipantRole;
  status: ParticipantStatus;
  offers: string;
  needs: string;
  amountMinFen: number | null;
  amountMaxFen: number | null;
  certifications: string[];
  contactName: string | null;
  contactPhone: string | null;
  invited: boolean;
  reason: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface DirectoryEntry {
  id: number;
  enterpriseId: number;
  enterpriseName: string;
  region: string;
  industry: string;
  size: EnterpriseSize;
  tier: SpecialisationTier;
  role: ParticipantRole;
  offers: string;
  needs: string;
  amountMinFen: number | null;
  amountMaxFen: number | null;
  certifications: string[];
  /** masked (张**) unless it is the caller's own */
  contactName: string | null;
  /** masked (138****1234) unless it is the caller's own */
  contactPhone: string | null;
  mine: boolean;
}

export interface ScreeningStep {
  from: ParticipantStatus | null;
  to: ParticipantStatus;
  note: string | null;
  by: string;
  at: string;
}

export interface RegistrationView {
  /** null: the account has no enterprise yet (set one up in the profile) */
  enterprise: { id: number; name: string } | null;
  participant: ParticipantRow | null;
  history: ScreeningStep[];
  registrationOpen: boolean;
}

export interface RegistrationBody {
  role: ParticipantRole;
  offers: string;
  needs: string;
  amountMinFen: number | null;
  amountMaxFen: number | null;
  certifications: string[];
  contactName: string;
  contactPhone: string;
  invitation?: string | null;
  answer?: string | null;
}

export interface AgendaItemBody {
  startsAt: string;
  endsAt: string | null;
  title: string;
  place: string | null;
  speaker: string | null;
}

export interface FairBody {
  title: string;
  kind: FairKind;
  mode: FairMode;
  visibility: FairVisibility;
  startsAt: string;
  endsAt: string;
  region: string;
  venue: string | null;
  summary: string;
  capacity: number;
  coverFileId: number | null;
  agenda: AgendaItemBody[];
}

export interface Invitation {
  id: number;
  note: string;
  maxUses: number;
  used: number;
  createdAt: string;
  revokedAt: string | null;
  /** set on a named invitation (one enterprise's, usable once, until expiresAt); null on a shared link */
  inviteeName: string | null;
  enterpriseId: number | null;
  contactPhone: string | null;
  contactEmail: string | null;
  expiresAt: string | null;
  /** when its link was first opened */
  openedAt: string | null;
  /** the registration made through a named invitation */
  registered: { participantId: number; enterpriseName: string; status: ParticipantStatus } | null;
}

/** An invitation made out to one enterprise: a known one (enterpriseId) or a name with a phone or an e-mail. */
export interface NamedInvitationBody {
  enterpriseId?: number;
  inviteeName?: string;
  contactPhone?: string;
  contactEmail?: string;
  validDays?: number;
}

/** An enterprise that registered for one of my fairs, to invite by name. */
export interface KnownEnterprise {
  id: number;
  name: string;
  region: string;
}

export interface CreatedInvitation {
  invitation: Invitation;
  token: string;
  /** the app path to send: /fairs/7/register?invite=… */
  path: string;
}

export interface Invited {
  fair: FairCard;
  summary: string;
  note: string;
}

export interface Participation {
  fair: FairCard;
  mine: MyParticipation;
}

export interface ScreeningCounts {
  byStatus: Partial<Record<ParticipantStatus, number>>;
  approved: number;
  capacity: number;
}

export interface ParticipantDetail {
  participant: ParticipantRow;
  history: ScreeningStep[];
}

export interface FairListQuery {
  kind?: FairKind | '';
  region?: string;
  when?: 'upcoming' | 'past';
}

const id = (n: number) => encodeURIComponent(String(n));

export const fairApi = {
  list: (q: FairListQuery, after: string | null, signal?: AbortSignal) =>
    request<Page<FairCard>>('/api/fairs', { query: { kind: q.kind, region: q.region, when: q.when, after }, signal }),
  mine: (signal?: AbortSignal) => request<Participation[]>('/api/fairs/mine', { signal }),
  detail: (fairId: number, signal?: AbortSignal) => request<FairDetail>(`/api/fairs/${id(fairId)}`, { signal }),
  invitation: (token: string, signal?: AbortSignal) =>
    request<Invited>(`/api/fair-invitations/${encodeURIComponent(token)}`, { signal }),
  registration: (fairId: number, invite: string | null, signal?: AbortSignal) =>
    request<RegistrationView>(`/api/fairs/${id(fairId)}/registration`, { query: { invite }, signal }),
  register: (fairId: number, body: RegistrationBody) =>
    request<RegistrationView>(`/api/fairs/${id(fairId)}/registration`, { method: 'POST', body }),
  update: (fairId: number, body: RegistrationBody) =>
    request<RegistrationView>(`/api/fairs/${id(fairId)}/registration`, { method: 'PUT', body }),
  withdraw: (fairId: number) => request<RegistrationView>(`/api/fairs/${id(fairId)}/registration`, { method: 'DELETE' }),
  directory: (fairId: number, q: { role?: ParticipantRole | ''; q?: string }, after: string | null, signal?: AbortSignal) =>
    request<Page<DirectoryEntry>>(`/api/fairs/${id(fairId)}/participants`, { query: { role: q.role, q: q.q, after }, signal }),
};

export const organiserFairApi = {
  mine: (after: string | null, signal?: AbortSignal) => request<Page<FairCard>>('/api/organiser/fairs', { query: { after }, signal }),
  create: (body: FairBody) => request<FairDetail>('/api/organiser/fairs', { method: 'POST', body }),
  detail: (fairId: number, signal?: AbortSignal) => request<FairDetail>(`/api/organiser/fairs/${id(fairId)}`, { signal }),
  update: (fairId: number, body: FairBody) => request<FairDetail>(`/api/organiser/fairs/${id(fairId)}`, { method: 'PUT', body }),
  publish: (fairId: number) => request<FairDetail>(`/api/organiser/fairs/${id(fairId)}/publish`, { method: 'POST' }),
  cancel: (fairId: number) => request<FairDetail>(`/api/organiser/fairs/${id(fairId)}/cancel`, { method: 'POST' }),
  addOrganiser: (fairId: number, username: string) =>
    request<FairOrganiser[]>(`/api/organiser/fairs/${id(fairId)}/organisers`, { method: 'POST', body: { username } }),
  removeOrganiser: (fairId: number, userId: number) =>
    request<FairOrganiser[]>(`/api/organiser/fairs/${id(fairId)}/organisers/${id(userId)}`, { method: 'DELETE' }),
  invitations: (fairId: number, signal?: AbortSignal) =>
    request<Invitation[]>(`/api/organiser/fairs/${id(fairId)}/invitations`, { signal }),
  invite: (fairId: number, note: string, maxUses: number) =>
    request<CreatedInvitation>(`/api/organiser/fairs/${id(fairId)}/invitations`, { method: 'POST', body: { note, maxUses } }),
  inviteNamed: (fairId: number, body: NamedInvitationBody) =>
    request<CreatedInvitation>(`/api/organiser/fairs/${id(fairId)}/invitations/named`, { method: 'POST', body }),
  knownEnterprises: (fairId: number, q: string, signal?: AbortSignal) =>
    request<KnownEnterprise[]>(`/api/organiser/fairs/${id(fairId)}/invitations/enterprises`, { query: { q }, signal }),
  revoke: (fairId: number, invitationId: number) =>
    request<Invitation[]>(`/api/organiser/fairs/${id(fairId)}/invitations/${id(invitationId)}`, { method: 'DELETE' }),
  queue: (fairId: number, q: { status?: ParticipantStatus | ''; role?: ParticipantRole | ''; q?: string }, after: string | null,
    signal?: AbortSignal) =>
    request<Page<ParticipantRow>>(`/api/organiser/fairs/${id(fairId)}/participants`,
      { query: { status: q.status, role: q.role, q: q.q, after }, signal }),
  counts: (fairId: number, signal?: AbortSignal) =>
    request<ScreeningCounts>(`/api/organiser/fairs/${id(fairId)}/screening`, { signal }),
  participant: (participantId: number, signal?: AbortSignal) =>
    request<ParticipantDetail>(`/api/organiser/fair-participants/${id(participantId)}`, { signal }),
  approve: (participantId: number) =>
    request<ParticipantDetail>(`/api/organiser/fair-participants/${id(participantId)}/approve`, { method: 'POST' }),
  reject: (participantId: number, reason: string) =>
    request<ParticipantDetail>(`/api/organiser/fair-participants/${id(participantId)}/reject`, { method: 'POST', body: { reason } }),
  needsInfo: (participantId: number, reason: string) =>
    request<ParticipantDetail>(`/api/organiser/fair-participants/${id(participantId)}/needs-info`,
      { method: 'POST', body: { reason } }),
  exportCsv: (fairId: number) => downloadFile(`/api/organiser/fairs/${id(fairId)}/participants.csv`, `对接会-${fairId}-参会企业.csv`),
};
