import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeUser, renderWithAuth } from '../../test/renderWithAuth';
import { application, round } from '../merchant/testData';
import { OnboardingReviewPage } from './OnboardingReviewPage';

const organiser = makeUser(['VIEWER', 'ORGANISER']);

describe('OnboardingReviewPage', () => {
  it('shows rounds with their quota, pages the submitted applications and refreshes figures after a decision', async () => {
    let approved = 12;
    const { fetch } = renderWithAuth(<OnboardingReviewPage />, organiser, '/organiser/applications', async (input, init) => {
      const url = String(input);
      if (url === '/api/organiser/rounds') return Response.json([round({ approved, quotaLeft: 20 - approved })]);
      if (url.startsWith('/api/organiser/rounds/3/applications?status=SUBMITTED&after=11')) {
        return Response.json({ round: round(), items: [application({ id: 12, enterprise: { ...application().enterprise, name: '西凤酒业' } })], next: null });
      }
      if (url.startsWith('/api/organiser/rounds/3/applications')) {
        return Response.json({ round: round(), items: [application()], next: '11' });
      }
      if (url === '/api/organiser/applications/11/decision' && init?.method === 'POST') {
        approved = 13;
        return Response.json(application({ status: 'APPROVED' }));
      }
      return Response.json(organiser);
    });
    const card = await screen.findByTestId('round-3');
    expect(within(card).getByTestId('quota-text').textContent).toBe('已通过 12 / 20，剩余 8');
    expect(card.textContent).toContain('收到申请 200 · 待审核 30');

    await screen.findByTestId('row-11');
    fireEvent.click(screen.getByTestId('load-more'));
    await screen.findByTestId('row-12');
    expect(fetch.mock.calls.map(([u]) => String(u))).toContain('/api/organiser/rounds/3/applications?status=SUBMITTED&after=11&limit=20');

    fireEvent.click(screen.getByRole('button', { name: '东裕茗茶有限公司' }));
    const detail = screen.getByTestId('application-detail');
    expect(detail.textContent).toContain('91610100MA6TG1XX7Q');
    expect(within(detail).getByText('营业执照.pdf').getAttribute('href')).toBe('/api/files/7');
    fireEvent.click(within(detail).getByRole('button', { name: '通过' }));
    fireEvent.click(within(detail).getByTestId('decision-confirm'));
    await waitFor(() => expect(within(screen.getByTestId('round-3')).getByTestId('quota-text').textContent).toBe('已通过 13 / 20，剩余 7'));
    expect(within(screen.getByTestId('row-11')).getByTestId('status-badge').textContent).toBe('已通过');
  });

  it('filters by status', async () => {
    const { fetch } = renderWithAuth(<OnboardingReviewPage />, organiser, '/organiser/applications', async (input) => {
      const url = String(input);
      if (url === '/api/organiser/rounds') return Response.json([round()]);
      if (url.startsWith('/api/organiser/rounds/3/applications')) return Response.json({ round: round(), items: [], next: null });
      return Response.json(organiser);
    });
    await screen.findByText('没有符合条件的申请。');
    fireEvent.click(screen.getByRole('button', { name: '未通过' }));
    fireEvent.click(screen.getByRole('button', { name: '全部' }));
    await waitFor(() =>
      expect(fetch.mock.calls.map(([u]) => String(u))).toEqual(
        expect.arrayContaining([
          '/api/organiser/rounds/3/applications?status=REJECTED&limit=20',
          '/api/organiser/rounds/3/applications?limit=20',
        ]),
      ),
    );
  });
});
