import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeUser, renderWithAuth } from '../../../test/renderWithAuth';
import { sessionCard } from '../../live/testData';
import { MerchantLiveListPage } from './MerchantLiveListPage';

describe('MerchantLiveListPage', () => {
  it('offers the replay link on ended sessions only', async () => {
    const merchant = makeUser(['VIEWER', 'MERCHANT']);
    const calls: string[] = [];
    renderWithAuth(<MerchantLiveListPage />, merchant, '/merchant/live', async (input) => {
      const url = String(input);
      calls.push(url);
      if (url.startsWith('/api/merchant/live-sessions?')) {
        return Response.json({
          items: [
            sessionCard(3, { status: 'ENDED', endedAt: '2026-11-22T13:00:00Z' }),
            sessionCard(2, { status: 'LIVE' }),
            sessionCard(1, { status: 'SCHEDULED' }),
          ],
          next: null,
        });
      }
      if (url === '/api/merchant/live-sessions/3/replay') {
        return Response.json({ sessionId: 3, replayUrl: 'https://v.example.com/r/3' });
      }
      return Response.json(merchant);
    });
    const rows = await screen.findAllByTestId('console-session');
    expect(rows).toHaveLength(3);
    await waitFor(() => expect(within(rows[0]).getByTestId('replay-current').getAttribute('href')).toBe('https://v.example.com/r/3'));
    expect(within(rows[0]).getByTestId('replay-edit').textContent).toBe('修改回放');
    expect(within(rows[1]).queryByTestId('replay-editor')).toBeNull();
    expect(within(rows[2]).queryByTestId('replay-editor')).toBeNull();
    expect(calls.filter((u) => u.endsWith('/replay'))).toEqual(['/api/merchant/live-sessions/3/replay']);
  });
});
