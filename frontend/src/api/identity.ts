import { request } from './client';
import type {
  GuestPass,
  LoginRequest,
  LoginResult,
  LoginUnlockResult,
  Page,
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
