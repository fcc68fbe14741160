import { render, screen, waitFor } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import { makeUser, renderWithAuth } from '../../test/renderWithAuth';
import { MerchantPage } from '../merchant/MerchantPage';
import { profile } from '../merchant/testData';
import { BigNumbers } from './BigNumbers';
import { DashboardReportPage } from './DashboardReportPage';
import { historyRow, report, snapshot } from './testData';

vi.mock('./LazyChart', () => ({
  LazyChart: ({ testId }: { testId?: string }) => <div data-testid={testId} />,
}));

function Where() {
  const l = useLocation();
  return <output data-testid="where">{l.pathname + l.search}</output>;
}

const merchant = makeUser(['VIEWER', 'MERCHANT']);

describe('a merchant’s own figures (经营数据)', () => {
  it('are linked from the merchant centre', async () => {
    renderWithAuth(<MerchantPage />, merchant, '/merchant', async (input) =>
      String(input) === '/api/merchant/profile' ? Response.json(profile()) : Response.json(merchant));
    const link = await screen.findByTestId('merchant-dashboard-link');
    expect(link.textContent).toBe('经营数据');
    expect(link.getAttribute('href')).toBe('/merchant/dashboard/report');
  });

  it('show a merchant’s live sales and audience without the events’ figures', () => {
    const { totals } = snapshot();
    render(<BigNumbers totals={totals} shop />);
    expect(screen.getByTestId('fig-gmvToday')).toBeTruthy();
    expect(screen.getByTestId('fig-viewersNow')).toBeTruthy();
    expect(screen.getByTestId('fig-dealsSoldOut')).toBeTruthy();
    for (const hidden of ['registrations', 'meetings', 'deals']) expect(screen.queryByTestId(`fig-${hidden}`)).toBeNull();
  });

  it('open on the merchant’s own scope: sales and audience, its history, no meetings or registrations', async () => {
    const urls: string[] = [];
    renderWithAuth(
      <><Routes><Route path="/merchant/dashboard/report" element={<DashboardReportPage />} /></Routes><Where /></>,
      merchant, '/merchant/dashboard/report',
      async (input) => {
        const url = String(input);
        urls.push(url);
        if (url === '/api/dashboard/scopes') return Response.json([{ scope: 'merchant-7', kind: 'MERCHANT', title: '秦岭茶业', live: false }]);
        if (url === '/api/dashboard/merchant-7/report') return Response.json(report({ scope: 'merchant-7', title: '秦岭茶业' }));
        if (url.startsWith('/api/dashboard/merchant-7/history?')) {
          return Response.json({ scope: 'merchant-7', by: 'day', rows: [historyRow('2026-12-06T16:00:00Z', { orders: 33 })] });
        }
        return Response.json(merchant);
      });
    await waitFor(() => expect(screen.getByTestId('report-orders-value').textContent).toBe('321'));
    expect(screen.getByTestId('where').textContent).toBe('/merchant/dashboard/report?scope=merchant-7');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('数据报表：秦岭茶业');
    expect(screen.getByTestId('report-gmv')).toBeTruthy();
    expect(screen.getByTestId('report-conversion')).toBeTruthy();
    expect(screen.queryByTestId('report-registrations')).toBeNull();
    expect(screen.queryByTestId('report-meetings')).toBeNull();
    expect(screen.queryByTestId('report-signed')).toBeNull();
    expect(screen.queryByText('对接转化')).toBeNull();
    expect(screen.getByTestId('link-live').getAttribute('href')).toBe('/merchant/dashboard?scope=merchant-7');
    expect(screen.queryByTestId('merchant-search-open')).toBeNull();
    await waitFor(() => expect(urls.some((u) => u.startsWith('/api/dashboard/merchant-7/history?'))).toBe(true));
  });
});
