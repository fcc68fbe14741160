// Types from docs/api.md ("Types" section). Keep in sync with the contract.

export type Role = 'VIEWER' | 'MERCHANT' | 'ORGANISER' | 'ADMIN';
export type EnterpriseSize = 'MICRO' | 'SMALL' | 'MEDIUM' | 'LARGE';
export type SpecialisationTier =
  | 'NONE'
  | 'INNOVATIVE_SME'
  | 'SPECIALISED'
  | 'LITTLE_GIANT'
  | 'SINGLE_CHAMPION';

export interface Enterprise {
  id: number;
  name: string;
  creditCode: string;
  region: string;
  industry: string;
  size: EnterpriseSize;
  tier: SpecialisationTier;
  createdAt: string;
}

export interface User {
  id: number;
  username: string;
  displayName: string;
  phone: string | null;
  roles: Role[];
  enterprise: Enterprise | null;
  createdAt: string;
}

export interface LoginResult {
  accessToken: string;
  tokenType: 'Bearer';
  expiresAt: string;
  user: User;
}

export interface Page<T> {
  items: T[];
  next: string | null;
}

/** Enterprise data as sent at registration: the stored enterprise without its id and timestamp. */
export type EnterpriseInput = Omit<Enterprise, 'id' | 'createdAt'>;

export interface RegisterRequest {
  username: string;
  password: string;
  displayName: string;
  phone?: string;
  enterprise?: EnterpriseInput;
}

export interface LoginRequest {
  username: string;
  password: string;
}

export interface UserQuery {
  q?: string;
  after?: string | null;
  limit?: number;
}

/** One entry of a problem's `errors` array. */
export interface FieldErrorItem {
  field: string;
  message: string;
}

/** RFC 9457 problem body as the server sends it. */
export interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  errors?: FieldErrorItem[];
  /** failed login (401): attempts left before 429 */
  remainingAttempts?: number;
  /** 429 (and a login's last failed attempt): seconds until trying again helps */
  retryAfterSeconds?: number;
}

/** POST /api/admin/users/{id}/temporary-password: shown once, never stored in clear */
export interface TemporaryPassword {
  userId: number;
  username: string;
  password: string;
}

/** POST /api/admin/users/{id}/unlock */
export interface LoginUnlockResult {
  /** logins of the user were being refused (429) */
  wasLocked: boolean;
  /** failed logins of the username (all addresses) in the current window, now cleared */
  failuresCleared: number;
}

// ---- Realtime payloads (docs/api.md "Realtime") ----

/** /topic/{live|training|fair}/{id}/viewers */
export interface Viewers {
  room: string;
  now: number;
  peak: number;
  unique: number;
  watchSeconds: number;
  at: string;
}

/**
 * A chat line as the page keeps it: the body of /topic/live/{liveId}/chat plus `id`, which is the
 * MESSAGE's x-stream-id (the server does not repeat it in the body). userId is the account id or "guest-<id>".
 */
export interface ChatMessage {
  id: string;
  room: string;
  userId: string;
  name: string;
  text: string;
  at: string;
}

/** /topic/live/{liveId}/likes */
export interface LikesTotal {
  room: string;
  total: number;
}

/** POST /api/auth/guest: who a browser without an account is, kept in localStorage and sent with every CONNECT. */
export interface GuestPass {
  guestId: string;
  pass: string;
}

/** PATCH /api/me: an empty phone clears it. */
export interface ProfileUpdate {
  displayName: string;
  phone: string;
}

export type JoinRequestStatus = 'PENDING' | 'APPROVED' | 'REJECTED' | 'CANCELLED';

/** A request to join an enterprise (decided by the enterprise's first account). */
export interface JoinRequest {
  id: number;
  enterpriseId: number;
  enterpriseName: string;
  userId: number;
  userDisplayName: string;
  username: string;
  status: JoinRequestStatus;
  createdAt: string;
  decidedAt: string | null;
}

/** GET /api/me/enterprise/join-requests: `approver` is true only for the enterprise's first account. */
export interface JoinReview {
  approver: boolean;
  pending: JoinRequest[];
}
