import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DashboardHistory } from '../../api/dashboard';
import { makeUser, renderWithAuth } from '../../test/renderWithAuth';
import { DashboardReportPage } from './DashboardReportPage';
import { TABLE_ROWS } from './HistorySection';
import { historyRow, report, scopes } from './testData';

vi.mock('./LazyChart', () => ({
  LazyChart: ({ option, testId }: { option: unknown; testId?: string }) => (
    <div data-testid={testId} data-option={JSON.stringify(option)} />
  ),
}));

afterEach(() => vi.useRealTimers());

function Where() {
  const l = useLocation();
  return <output data-testid="where">{l.pathname + l.search}</output>;
}

const problem = (status: number, detail: string, errors?: unknown) =>
  new Response(JSON.stringify({ status, title: 'x', detail, errors }), {
    status, headers: { 'Content-Type': 'application/problem+json' },
  });

const history = (by: DashboardHistory['by'], rows = [historyRow('2026-12-05T16:00:00Z'), historyRow('2026-12-06T16:00:00Z', { orders: 33 })]) =>
  ({ scope: 'fair-3', by, rows });

function open(path: string, answer: (url: string) => Response | undefined) {
  const urls: string[] = [];
  const user = makeUser(['ORGANISER']);
  const view = renderWithAuth(
    <><Routes><Route path="/organiser/dashboard/report" element={<DashboardReportPage />} /></Routes><Where /></>,
    user, path,
    async (input) => {
      const url = String(input);
      urls.push(url);
      if (url === '/api/dashboard/scopes') return Response.json(scopes);
      return answer(url) ?? Response.json(user);
    });
  return { ...view, urls };
}

describe('DashboardReportPage', () => {
  it('shows the per-event report: peak with its time, uniques, watch time, orders, GMV, conversion and the funnel', async () => {
    open('/organiser/dashboard/report?scope=fair-3&by=day&from=2026-12-06&to=2026-12-07', (url) => {
      if (url === '/api/dashboard/fair-3/report') return Response.json(report());
      if (url.startsWith('/api/dashboard/fair-3/history?')) return Response.json(history('day'));
      return undefined;
    });
    await waitFor(() => expect(screen.getByTestId('report-peak-value').textContent).toBe('2,345'));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('数据报表：2026 安徽采购对接会');
    expect(screen.getByTestId('report-peak').textContent).toContain('出现于 2026/12/06 14:31');
    expect(screen.getByTestId('report-window').textContent).toBe('统计时段 2026/12/06 09:00 – 2026/12/07 17:00（北京时间）');
    expect(screen.getByTestId('report-uniques-value').textContent).toBe('12,000');
    expect(screen.getByTestId('report-watch-value').textContent).toBe('12小时34分钟');
    expect(screen.getByTestId('report-orders-value').textContent).toBe('321');
    expect(screen.getByTestId('report-buyers-value').textContent).toBe('150');
    expect(screen.getByTestId('report-gmv-value').textContent).toBe('123.46万元');
    expect(screen.getByTestId('report-gmv').textContent).toContain('¥1,234,567.89');
    expect(screen.getByTestId('report-gmv-value').querySelector('small')!.textContent).toBe('万元');
    expect(screen.getByTestId('report-conversion-value').textContent).toBe('1.25%');
    expect(screen.getByTestId('report-meetings').textContent).toContain('爽约 4');
    expect(screen.getByTestId('report-signed-value').textContent).toBe('480万元');
    expect(screen.getByTestId('report-signed').textContent).toContain('签约 5 项 · ¥4,800,000.00');
    expect(screen.getByTestId('funnel-booked').textContent).toBe('对接会预约40');
    expect(screen.getByTestId('funnel-held').textContent).toBe('对接会举行3075.00%');
    expect(screen.getByTestId('funnel-intentions').textContent).toBe('达成意向1240.00%');
    expect(screen.getByTestId('funnel-signed').textContent).toBe('签约541.67%');
    expect(screen.getByTestId('report-products').textContent).toContain('秦岭野生猕猴桃');
    expect(screen.getByTestId('link-live').getAttribute('href')).toBe('/organiser/dashboard?scope=fair-3');

    // the history of the range asked for
    await waitFor(() => expect(screen.getAllByTestId('history-row')).toHaveLength(2));
    expect(screen.getAllByTestId('history-row')[1].textContent).toBe('2026-12-0730090033¥12,345.00543211¥100,000.00');
  });

  it('shows — for the conversion when nobody watched', async () => {
    open('/organiser/dashboard/report?scope=fair-3', (url) => {
      if (url === '/api/dashboard/fair-3/report') return Response.json(report({ uniqueViewers: 0, conversion: null, peakAt: null, topProducts: [], topSessions: [] }));
      if (url.includes('/history?')) return Response.json(history('day', []));
      return undefined;
    });
    await waitFor(() => expect(screen.getByTestId('report-conversion-value').textContent).toBe('—'));
    expect(screen.getByTestId('report-top-empty').textContent).toBe('暂无成交商品和场次');
    await waitFor(() => expect(screen.getByTestId('history-empty').textContent).toBe('所选时间段没有数据'));
  });

  it('asks the history by day for the last 7 Shanghai days by default, and again when the granularity changes', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-06T17:00:00Z')); // 01:00 on 12-07 in Shanghai
    const { urls } = open('/organiser/dashboard/report?scope=fair-3', (url) => {
      if (url === '/api/dashboard/fair-3/report') return Response.json(report());
      if (url.includes('by=day')) return Response.json(history('day'));
      if (url.includes('by=hour')) return Response.json(history('hour', [historyRow('2026-12-07T02:00:00Z')]));
      return undefined;
    });
    await waitFor(() => expect(urls).toContain('/api/dashboard/fair-3/history?from=2026-12-01&to=2026-12-07&by=day'));
    await waitFor(() => expect(screen.getAllByTestId('history-row')).toHaveLength(2));
    expect((screen.getByTestId('history-from') as HTMLInputElement).value).toBe('2026-12-01');

    fireEvent.change(screen.getByTestId('history-by'), { target: { value: 'hour' } });
    await waitFor(() => expect(urls).toContain('/api/dashboard/fair-3/history?from=2026-12-01&to=2026-12-07&by=hour'));
    await waitFor(() => expect(screen.getAllByTestId('history-row')).toHaveLength(1));
    expect(screen.getByTestId('history-row').textContent).toMatch(/^12-07 10:00/);
    expect(screen.getByTestId('where').textContent).toBe('/organiser/dashboard/report?scope=fair-3&by=hour&from=2026-12-01&to=2026-12-07');
  });

  it('links the CSV with the same parameters and downloads it with the token', async () => {
    const createObjectURL = vi.fn(() => 'blob:x');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { fetch } = open('/organiser/dashboard/report?scope=fair-3&by=minute&from=2026-12-06&to=2026-12-07', (url) => {
      if (url === '/api/dashboard/fair-3/report') return Response.json(report());
      if (url.includes('/history?')) return Response.json(history('minute'));
      if (url.includes('/history.csv?')) return new Response('\uFEFF时间,峰值在线\n', { headers: { 'Content-Type': 'text/csv; charset=UTF-8' } });
      return undefined;
    });
    const link = await screen.findByTestId('history-csv');
    expect(link.getAttribute('href')).toBe('/api/dashboard/fair-3/history.csv?from=2026-12-06&to=2026-12-07&by=minute');
    fireEvent.click(link);
    await waitFor(() => expect(createObjectURL).toHaveBeenCalled());
    const call = fetch.mock.calls.find(([u]) => String(u).includes('history.csv'))!;
    expect(String(call[0])).toBe('/api/dashboard/fair-3/history.csv?from=2026-12-06&to=2026-12-07&by=minute');
    expect((call[1]?.headers as Record<string, string>).Authorization).toBe('Bearer test-token');
    expect(click).toHaveBeenCalled();
  });

  it('refuses a range too long for its granularity before asking, and shows the server\'s field errors', async () => {
    const { urls } = open('/organiser/dashboard/report?scope=fair-3&by=minute&from=2026-12-01&to=2026-12-07', (url) => {
      if (url === '/api/dashboard/fair-3/report') return Response.json(report());
      if (url.includes('by=hour')) return problem(400, '请求参数有误', [{ field: 'to', message: '按小时最多查询 31 天' }]);
      return undefined;
    });
    await waitFor(() => expect(screen.getByTestId('form-alert').textContent).toBe('按分钟最多查询 2 天'));
    expect(urls.some((u) => u.includes('/history'))).toBe(false);
    expect(screen.queryByTestId('history-csv')).toBeNull();

    fireEvent.change(screen.getByTestId('history-by'), { target: { value: 'hour' } });
    await waitFor(() => expect(screen.getByTestId('form-alert').textContent).toBe('按小时最多查询 31 天'));
    expect(urls.some((u) => u.includes('by=hour'))).toBe(true);
  });

  it('shows only the newest rows in the table when there are many (the CSV has them all)', async () => {
    const rows = Array.from({ length: TABLE_ROWS + 20 }, (_, i) => historyRow(new Date(Date.parse('2026-12-06T00:00:00Z') + i * 60_000).toISOString()));
    open('/organiser/dashboard/report?scope=fair-3&by=minute&from=2026-12-06&to=2026-12-07', (url) => {
      if (url === '/api/dashboard/fair-3/report') return Response.json(report());
      if (url.includes('/history?')) return Response.json(history('minute', rows));
      return undefined;
    });
    await waitFor(() => expect(screen.getAllByTestId('history-row')).toHaveLength(TABLE_ROWS));
    expect(screen.getByTestId('history-truncated').textContent).toContain('共 520 行');
    expect(screen.getAllByTestId('history-row')[0].textContent).toMatch(/^12-06 08:20/);
  });

  it('explains 404 and 403 in Chinese', async () => {
    const view = open('/organiser/dashboard/report?scope=fair-99', (url) =>
      url === '/api/dashboard/fair-99/report' ? problem(404, 'Not Found') : undefined);
    await waitFor(() => expect(screen.getByTestId('form-alert').textContent).toBe('找不到这个看板：活动不存在，或不是你主办的活动。'));
    expect(screen.queryByTestId('report-figures')).toBeNull();
    // the history (asked for alongside) is not shown for a scope the report refused
    expect(screen.queryByText('历史数据')).toBeNull();
    view.unmount();

    open('/organiser/dashboard/report?scope=platform', (url) =>
      url === '/api/dashboard/platform/report' ? problem(403, 'Forbidden') : undefined);
    await waitFor(() => expect(screen.getByTestId('form-alert').textContent).toContain('没有权限'));
  });
});
