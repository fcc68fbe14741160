import { request } from './client';
import type {
  EnterpriseInput,
  GuestPass,
  JoinRequest,
  JoinReview,
  LoginRequest,
  LoginResult,
  LoginUnlockResult,
  Page,
  ProfileUpdate,
  RegisterRequest,
  Role,
  TemporaryPassword,
  User,
  UserQuery,
} from './types';

export const authApi = {
  /** POST /api/auth/register → 201 User (role VIEWER) */
  register: (body: RegisterRequest) =>
    request<User>('/api/auth/register', { method: 'POST', body, auth: false }),
  /** POST /api/auth/login → LoginResult */
  login: (body: LoginRequest) =>
    request<LoginResult>('/api/auth/login', { method: 'POST', body, auth: false }),
  /** POST /api/auth/logout → 204; the token is revoked at once */
  logout: () => request<void>('/api/auth/logout', { method: 'POST' }),
  /** POST /api/auth/guest → a signed guest id for a browser without an account (sent as x-guest on CONNECT) */
  guest: () => request<GuestPass>('/api/auth/guest', { method: 'POST', auth: false }),
  /** GET /api/me → User */
  me: (signal?: AbortSignal) => request<User>('/api/me', { signal }),
};

const id = (n: number) => encodeURIComponent(String(n));

/** The personal centre (个人中心). */
export const profileApi = {
  /** PATCH /api/me { displayName, phone } → User */
  update: (body: ProfileUpdate) => request<User>('/api/me', { method: 'PATCH', body }),
  /** POST /api/me/password → LoginResult: a fresh token for this tab; every other session ends */
  changePassword: (currentPassword: string, newPassword: string) =>
    request<LoginResult>('/api/me/password', { method: 'POST', body: { currentPassword, newPassword } }),
  /** POST /api/me/enterprise → 201 User; 409 `enterprise-exists` (with enterpriseName) when already registered */
  addEnterprise: (body: EnterpriseInput) => request<User>('/api/me/enterprise', { method: 'POST', body }),
  /** POST /api/me/enterprise-join-requests { creditCode } → 201 JoinRequest */
  requestToJoin: (creditCode: string) =>
    request<JoinRequest>('/api/me/enterprise-join-requests', { method: 'POST', body: { creditCode } }),
  /** GET /api/me/enterprise-join-requests → my requests, newest first */
  myRequests: (signal?: AbortSignal) => request<JoinRequest[]>('/api/me/enterprise-join-requests', { signal }),
  /** DELETE /api/me/enterprise-join-requests/{id} → the withdrawn request */
  cancel: (requestId: number) =>
    request<JoinRequest>(`/api/me/enterprise-join-requests/${id(requestId)}`, { method: 'DELETE' }),
  /** GET /api/me/enterprise/join-requests → JoinReview */
  review: (signal?: AbortSignal) => request<JoinReview>('/api/me/enterprise/join-requests', { signal }),
  /** POST /api/me/enterprise/join-requests/{id}/approve|reject → JoinRequest */
  decide: (requestId: number, approve: boolean) =>
    request<JoinRequest>(`/api/me/enterprise/join-requests/${id(requestId)}/${approve ? 'approve' : 'reject'}`, {
      method: 'POST',
    }),
};

export const adminApi = {
  /** GET /api/admin/users?q=&after=&limit= → Page<User> (newest first) */
  listUsers: ({ q, after, limit }: UserQuery = {}, signal?: AbortSignal) =>
    request<Page<User>>('/api/admin/users', { query: { q, after, limit }, signal }),
  /** PUT /api/admin/users/{id}/roles { roles } → User */
  setRoles: (id: number, roles: Role[]) =>
    request<User>(`/api/admin/users/${encodeURIComponent(String(id))}/roles`, {
      method: 'PUT',
      body: { roles },
    }),
  /** POST /api/admin/users/{id}/unlock → LoginUnlockResult: clears the user's failed-login counters */
  unlockLogin: (id: number) =>
    request<LoginUnlockResult>(`/api/admin/users/${encodeURIComponent(String(id))}/unlock`, { method: 'POST' }),
  /**
   * POST /api/admin/users/{id}/temporary-password → TemporaryPassword (shown once): for a user who forgot their
   * password; their tokens end and their login lock is lifted.
   */
  setTemporaryPassword: (id: number) =>
    request<TemporaryPassword>(`/api/admin/users/${encodeURIComponent(String(id))}/temporary-password`, {
      method: 'POST',
    }),
};
