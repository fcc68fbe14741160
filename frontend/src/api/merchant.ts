// Merchant onboarding (docs/api.md "Showcase — merchant onboarding"): selection rounds, applications,
// review, agreements, merchant status.
import { request } from './client';
import { uploadFile } from './files';
export type { StoredFile } from './files';
import type { Enterprise, Page } from './types';

export type ProductCategory = 'FAMOUS_QUALITY' | 'CULTURAL_CREATIVE' | 'INTANGIBLE_HERITAGE' | 'TOURISM_SOUVENIR';
export type DocumentKind = 'BUSINESS_LICENSE' | 'PRODUCT_QUALIFICATION' | 'QUALITY_CERTIFICATE' | 'TRADEMARK' | 'OTHER';
export type ApplicationStatus = 'SUBMITTED' | 'CHANGES_REQUESTED' | 'APPROVED' | 'REJECTED';
export type Decision = 'APPROVE' | 'REJECT' | 'REQUEST_CHANGES';
export type AgreementKind = 'ENTRY_AGREEMENT' | 'QUALITY_COMMITMENT';
export type MerchantStatus = 'ACTIVE' | 'SUSPENDED';

/** A selection round with its live figures (organisers). */
export interface SelectionRound {
  id: number;
  name: string;
  quota: number;
  opensAt: string;
  closesAt: string;
  open: boolean;
  received: number;
  pending: number;
  approved: number;
  quotaLeft: number;
  createdAt: string;
}

/** A round open for applications now (applicants). */
export interface OpenRound {
  id: number;
  name: string;
  quota: number;
  opensAt: string;
  closesAt: string;
}

export interface RoundInput {
  name: string;
  quota: number;
  opensAt: string;
  closesAt: string;
}

export interface ApplicationDocument {
  fileId: number;
  kind: DocumentKind;
  name: string;
  contentType: string;
  sizeBytes: number;
  url: string;
}

export interface StatusChange {
  from: ApplicationStatus | null;
  to: ApplicationStatus;
  reason: string | null;
  actorId: number;
  actorName: string;
  at: string;
}

export interface MerchantApplication {
  id: number;
  roundId: number;
  roundName: string;
  enterprise: Enterprise;
  applicantId: number;
  applicantName: string;
  contactName: string;
  contactPhone: string;
  category: ProductCategory;
  proposedProducts: string;
  status: ApplicationStatus;
  decisionReason: string | null;
  documents: ApplicationDocument[];
  history: StatusChange[];
  createdAt: string;
  updatedAt: string;
}

export interface ApplicationInput {
  roundId?: number;
  contactName: string;
  contactPhone: string;
  category: ProductCategory;
  proposedProducts: string;
  documents: Array<{ fileId: number; kind: DocumentKind }>;
}

export interface ReviewPage extends Page<MerchantApplication> {
  round: SelectionRound;
}

export interface Agreement {
  id: number;
  kind: AgreementKind;
  version: number;
  title: string;
  body: string;
  textSha256: string;
  publishedAt: string;
}

export interface AgreementState {
  agreement: Agreement;
  accepted: boolean;
  acceptedAt: string | null;
  acceptedBy: string | null;
}

export interface MerchantProfile {
  id: number;
  displayName: string;
  status: MerchantStatus;
  enterpriseId: number;
  trading: boolean;
  agreements: AgreementState[];
  createdAt: string;
}

export interface MerchantSummary {
  id: number;
  displayName: string;
  status: MerchantStatus;
  enterprise: Enterprise;
  applicationId: number;
  agreementsAccepted: boolean;
  trading: boolean;
  /** sessions the merchant may have live at the same time (1 unless an organiser allows more) */
  liveAllowance: number;
  createdAt: string;
  updatedAt: string;
}

const id = (n: number) => encodeURIComponent(String(n));

export const roundsApi = {
  /** GET /api/rounds/open → rounds accepting applications now */
  open: (signal?: AbortSignal) => request<OpenRound[]>('/api/rounds/open', { signal }),
  /** GET /api/organiser/rounds → every round with its figures */
  list: (signal?: AbortSignal) => request<SelectionRound[]>('/api/organiser/rounds', { signal }),
  /** POST /api/organiser/rounds → 201 SelectionRound */
  create: (body: RoundInput) => request<SelectionRound>('/api/organiser/rounds', { method: 'POST', body }),
};

export const applicationsApi = {
  /** POST /api/applications → 201 MerchantApplication */
  submit: (body: ApplicationInput) => request<MerchantApplication>('/api/applications', { method: 'POST', body }),
  /** GET /api/applications/mine → the enterprise's applications, newest first */
  mine: (signal?: AbortSignal) => request<MerchantApplication[]>('/api/applications/mine', { signal }),
  /** PUT /api/applications/{id} → revised and SUBMITTED again (only after CHANGES_REQUESTED) */
  revise: (applicationId: number, body: ApplicationInput) =>
    request<MerchantApplication>(`/api/applications/${id(applicationId)}`, { method: 'PUT', body }),
};

export const reviewApi = {
  /** GET /api/organiser/rounds/{id}/applications?status=&after=&limit= */
  list: (
    roundId: number,
    q: { status?: ApplicationStatus | ''; after?: string | null; limit?: number } = {},
    signal?: AbortSignal,
  ) =>
    request<ReviewPage>(`/api/organiser/rounds/${id(roundId)}/applications`, {
      query: { status: q.status, after: q.after, limit: q.limit },
      signal,
    }),
  /** POST /api/organiser/applications/{id}/decision { decision, reason? } */
  decide: (applicationId: number, decision: Decision, reason?: string) =>
    request<MerchantApplication>(`/api/organiser/applications/${id(applicationId)}/decision`, {
      method: 'POST',
      body: reason ? { decision, reason } : { decision },
    }),
};

export const agreementsApi = {
  /** GET /api/agreements/current (public) */
  current: (signal?: AbortSignal) => request<Agreement[]>('/api/agreements/current', { signal, auth: false }),
  /** POST /api/organiser/agreements → 201 the new version */
  publish: (body: { kind: AgreementKind; title: string; body: string }) =>
    request<Agreement>('/api/organiser/agreements', { method: 'POST', body }),
  /** POST /api/merchant/agreements/{id}/accept { textSha256 } → MerchantProfile */
  accept: (agreementId: number, textSha256: string) =>
    request<MerchantProfile>(`/api/merchant/agreements/${id(agreementId)}/accept`, {
      method: 'POST',
      body: { textSha256 },
    }),
  /** GET /api/merchant/profile */
  profile: (signal?: AbortSignal) => request<MerchantProfile>('/api/merchant/profile', { signal }),
};

export const merchantsApi = {
  /** GET /api/organiser/merchants?status=&after=&limit= */
  list: (q: { status?: MerchantStatus | ''; after?: string | null; limit?: number } = {}, signal?: AbortSignal) =>
    request<Page<MerchantSummary>>('/api/organiser/merchants', {
      query: { status: q.status, after: q.after, limit: q.limit },
      signal,
    }),
  /** PUT /api/organiser/merchants/{id}/status { status } */
  setStatus: (merchantId: number, status: MerchantStatus) =>
    request<MerchantSummary>(`/api/organiser/merchants/${id(merchantId)}/status`, {
      method: 'PUT',
      body: { status },
    }),
  /** PUT /api/organiser/merchants/{id}/live-allowance { liveAllowance: 1-10 } */
  setLiveAllowance: (merchantId: number, liveAllowance: number) =>
    request<MerchantSummary>(`/api/organiser/merchants/${id(merchantId)}/live-allowance`, {
      method: 'PUT',
      body: { liveAllowance },
    }),
};

/** POST /api/files with purpose DOCUMENT (a qualification document). */
export const uploadDocument = (file: File, signal?: AbortSignal) => uploadFile(file, 'DOCUMENT', signal);
