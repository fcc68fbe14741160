import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { vi } from 'vitest';
import type { Role, User } from '../api/types';
import { AuthProvider } from '../auth/AuthProvider';
import { setSession } from '../auth/session';

export function makeUser(roles: Role[], over: Partial<User> = {}): User {
  return {
    id: 1,
    username: 'zhangsan',
    displayName: '张三',
    phone: null,
    roles,
    enterprise: null,
    createdAt: '2026-11-23T04:05:06Z',
    ...over,
  };
}

type FetchHandler = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/**
 * Render inside a router and AuthProvider, logged in as `user` (or logged out).
 * `handler` answers fetch calls; by default every call (e.g. GET /api/me) echoes the user.
 */
export function renderWithAuth(ui: ReactElement, user: User | null, path = '/', handler?: FetchHandler) {
  if (user) setSession({ token: 'test-token', expiresAt: '2999-01-01T00:00:00Z', user });
  const fallback: FetchHandler = async () => (user ? Response.json(user) : new Response(null, { status: 401 }));
  const fetch = vi.spyOn(globalThis, 'fetch').mockImplementation(handler ?? fallback);
  const result = render(
    <MemoryRouter initialEntries={[path]}>
      <AuthProvider>{ui}</AuthProvider>
    </MemoryRouter>,
  );
  return { ...result, fetch };
}
