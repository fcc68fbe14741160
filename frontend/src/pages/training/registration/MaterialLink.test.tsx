import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearSession } from '../../../auth/session';
import { makeUser, renderWithAuth } from '../../../test/renderWithAuth';
import { MaterialLink } from './MaterialLink';

const material = { fileId: 3, name: '讲义.pdf', contentType: 'application/pdf', sizeBytes: 2048 };

afterEach(() => {
  clearSession();
  vi.restoreAllMocks();
});

describe('MaterialLink', () => {
  it('downloads through the registration endpoint with the token', async () => {
    const createObjectURL = vi.fn(() => 'blob:x');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const { fetch } = renderWithAuth(<MaterialLink sessionId={12} material={material} />, makeUser(['VIEWER']), '/', async (input) =>
      String(input).includes('/materials/') ? new Response(new Blob(['%PDF']), { status: 200 }) : Response.json(makeUser(['VIEWER'])));
    fireEvent.click(screen.getByTestId('material-download'));
    await waitFor(() => expect(createObjectURL).toHaveBeenCalled());
    const call = fetch.mock.calls.find(([url]) => String(url) === '/api/training/sessions/12/materials/3');
    expect((call?.[1]?.headers as Record<string, string>).Authorization).toBe('Bearer test-token');
  });

  it('tells a person who is not confirmed why, and a guest to log in', async () => {
    const view = renderWithAuth(<MaterialLink sessionId={12} material={material} />, makeUser(['VIEWER']), '/', async (input) =>
      String(input).includes('/materials/')
        ? new Response(JSON.stringify({ status: 403, title: 'Forbidden', detail: '报名确认后才能下载课程资料' }),
          { status: 403, headers: { 'Content-Type': 'application/problem+json' } })
        : Response.json(makeUser(['VIEWER'])));
    fireEvent.click(screen.getByTestId('material-download'));
    expect((await screen.findByTestId('material-note')).textContent).toContain('报名确认后才能下载课程资料');
    view.unmount();
    clearSession();
    vi.restoreAllMocks();

    renderWithAuth(<MaterialLink sessionId={12} material={material} />, null, '/');
    fireEvent.click(screen.getByTestId('material-download'));
    expect((await screen.findByTestId('material-note')).textContent).toContain('登录并报名后可下载');
  });
});
