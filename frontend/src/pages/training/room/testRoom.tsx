// Shared set-up of the training room's component tests: a fake realtime server and a fetch that answers by path.
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import type { User } from '../../../api/types';
import { fakeRealtime } from '../../../test/realtime';
import { renderWithAuth } from '../../../test/renderWithAuth';

export type Route = (method: string, path: string, body: unknown) => unknown;

/** Renders `ui` with a fake realtime server; `route` answers each request (a thrown Response is sent as is). */
export function renderRoom(ui: ReactElement, user: User | null, route: Route, path = '/') {
  const realtime = fakeRealtime();
  const calls: Array<{ method: string; path: string; body: unknown }> = [];
  const handler = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const method = init?.method ?? 'GET';
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, path: url.pathname, body });
    if (url.pathname === '/api/me') return user ? Response.json(user) : new Response(null, { status: 401 });
    try {
      const answer = route(method, url.pathname, body);
      return answer === undefined ? new Response(null, { status: 204 }) : Response.json(answer);
    } catch (e) {
      if (e instanceof Response) return e;
      throw e;
    }
  });
  const view = renderWithAuth(realtime.wrap(ui), user, path, handler);
  return { ...realtime, ...view, calls };
}

/** A ProblemDetail response. */
export function problem(status: number, detail: string, extra: Record<string, unknown> = {}): Response {
  return new Response(JSON.stringify({ type: 'https://livehall.io/problems/x', title: 'x', status, detail, ...extra }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}
