import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import type { DashboardSnapshot } from '../../api/dashboard';
import { fakeRealtime } from '../../test/realtime';
import { makeUser, renderWithAuth } from '../../test/renderWithAuth';
import { DashboardPage } from './DashboardPage';
import { minutes, scopes, snapshot } from './testData';

// ECharts needs a canvas: the charts show their option instead
vi.mock('./LazyChart', () => ({
  LazyChart: ({ option, testId }: { option: unknown; testId?: string }) => (
    <div data-testid={testId} data-option={JSON.stringify(option)} />
  ),
}));

function Where() {
  const l = useLocation();
  return <output data-testid="where">{l.pathname + l.search}</output>;
}

type Answer = Response | (() => Response);
const problem = (status: number, detail: string) =>
  new Response(JSON.stringify({ status, title: 'x', detail }), { status, headers: { 'Content-Type': 'application/problem+json' } });

function open(path: string, answers: Record<string, Answer>) {
  const realtime = fakeRealtime();
  const urls: string[] = [];
  const user = makeUser(['ORGANISER']);
  const view = renderWithAuth(
    realtime.wrap(<><Routes><Route path="/organiser/dashboard" element={<DashboardPage />} /></Routes><Where /></>),
    user, path,
    async (input) => {
      const url = String(input);
      urls.push(url);
      const a = answers[url];
      if (a) return typeof a === 'function' ? a() : a.clone();
      return Response.json(user);
    });
  return { ...view, realtime, urls };
}

const overview = (scope: string) => `/topic/dashboard/${scope}/overview`;
const series = () => Number(screen.getByTestId('live-series').getAttribute('data-points'));
const chartOption = (id: string) => JSON.parse(screen.getByTestId(id).getAttribute('data-option')!);

describe('DashboardPage', () => {
  it('shows the scope from REST, then numbers and series from the frames of its topic', async () => {
    const { realtime } = open('/organiser/dashboard?scope=showcase', {
      '/api/dashboard/scopes': Response.json(scopes),
      '/api/dashboard/showcase': Response.json(snapshot()),
    });
    await waitFor(() => expect(screen.getByTestId('fig-viewersNow-value').textContent).toBe('1,234'));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('实时看板：展厅直播');
    expect(screen.getByTestId('fig-peakViewers-value').textContent).toBe('2,345');
    expect(screen.getByTestId('fig-uniqueViewers-value').textContent).toBe('12,345');
    expect(screen.getByTestId('fig-uniqueViewers').textContent).toContain('今日 · 按人计');
    expect(screen.getByTestId('fig-ordersPerMinute').textContent).toContain('今日 321 单');
    expect(screen.getByTestId('fig-gmvToday-value').textContent).toBe('123.46万元');
    expect(screen.getByTestId('fig-gmvToday').getAttribute('title')).toBe('¥1,234,567.89');
    expect(screen.getByTestId('fig-registrations-value').textContent).toBe('80 / 60');
    expect(screen.getByTestId('fig-meetings-value').textContent).toBe('40 / 30');
    expect(screen.getByTestId('fig-deals').textContent).toContain('签约金额 480万元');
    expect(screen.getByTestId('dash-at').textContent).toBe('数据时间 11:00:05（北京时间）');
    // rooms, regions (Shaanxi's cities for the showcase), rankings
    const rooms = screen.getAllByTestId('room-row');
    expect(rooms[0].textContent).toContain('直播中');
    expect(rooms[0].querySelector('a')!.getAttribute('href')).toBe('/live/12');
    expect(rooms[1].textContent).toContain('未开播');
    expect(screen.getByText('地区分布（陕西各地市）')).toBeTruthy();
    expect(screen.getAllByTestId('region-row')[0].textContent).toBe('西安市600150¥600,000.00');
    expect(screen.getAllByTestId('product-rank')[0].textContent).toContain('秦岭野生猕猴桃');
    expect(chartOption('products-chart').yAxis.data).toEqual(['紫阳富硒茶', '秦岭野生猕猴桃']);
    expect(series()).toBe(3);

    // live: the topic is subscribed once the read succeeded
    await realtime.connect();
    await waitFor(() => expect(realtime.fake.live(overview('showcase'))).toHaveLength(1));
    expect(screen.getByTestId('dash-connection').textContent).toBe('实时');

    // a frame of the same minute replaces its point and moves the numbers
    const last = minutes(3)[2];
    const sameMinute: DashboardSnapshot = snapshot({
      at: '2026-12-07T03:00:40Z',
      totals: { ...snapshot().totals, viewersNow: 1500, gmvTodayFen: 123_556_789 },
      minutes: [...minutes(3).slice(0, 2), { ...last, viewers: 1500 }],
    });
    realtime.deliver(overview('showcase'), sameMinute);
    await waitFor(() => expect(screen.getByTestId('fig-viewersNow-value').textContent).toBe('1,500'));
    expect(screen.getByTestId('fig-gmvToday-value').textContent).toBe('123.56万元');
    expect(screen.getByTestId('dash-at').textContent).toContain('11:00:40');
    expect(series()).toBe(3);
    expect(chartOption('series-chart').series[0].data).toEqual([100, 101, 1500]);

    // a new minute appends
    realtime.deliver(overview('showcase'), snapshot({
      at: '2026-12-07T03:01:02Z', minutes: [{ at: '2026-12-07T03:01:00Z', viewers: 1600, orders: 4, gmvFen: 0 }],
    }));
    await waitFor(() => expect(series()).toBe(4));
    expect(chartOption('series-chart').xAxis.data).toEqual(['10:58', '10:59', '11:00', '11:01']);

    // a full hour after: at most 60 points
    realtime.deliver(overview('showcase'), snapshot({
      at: '2026-12-07T04:00:02Z', minutes: minutes(60, Date.parse('2026-12-07T04:00:00Z')),
    }));
    await waitFor(() => expect(series()).toBe(60));
    expect(chartOption('series-chart').xAxis.data.at(-1)).toBe('12:00');

    // an older frame (out of order) changes nothing
    realtime.deliver(overview('showcase'), snapshot({ at: '2026-12-07T03:59:00Z', totals: { ...snapshot().totals, viewersNow: 1 } }));
    expect(screen.getByTestId('fig-viewersNow-value').textContent).toBe('1,234');
  });

  it('shows 重连中 while the connection is down, and the numbers it had', async () => {
    const { realtime } = open('/organiser/dashboard?scope=showcase', {
      '/api/dashboard/scopes': Response.json(scopes),
      '/api/dashboard/showcase': Response.json(snapshot()),
    });
    await realtime.connect();
    await waitFor(() => expect(screen.getByTestId('dash-connection').textContent).toBe('实时'));
    act(() => realtime.fake.drop());
    await waitFor(() => expect(screen.getByTestId('dash-connection').textContent).toBe('重连中'));
    expect(screen.getByTestId('fig-viewersNow-value').textContent).toBe('1,234');
  });

  it('picks the first scope (live ones come first), remembers the choice in the URL and switches topics', async () => {
    const { realtime, urls } = open('/organiser/dashboard', {
      '/api/dashboard/scopes': Response.json(scopes),
      '/api/dashboard/fair-3': Response.json(snapshot({ scope: 'fair-3', title: '2026 安徽采购对接会' })),
      '/api/dashboard/mine': Response.json(snapshot({ scope: 'mine', title: '我的活动', regions: [] })),
    });
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/organiser/dashboard?scope=fair-3'));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('实时看板：2026 安徽采购对接会'));
    const picker = screen.getByTestId('scope-picker') as HTMLSelectElement;
    expect(picker.value).toBe('fair-3');
    expect([...picker.options].map((o) => o.textContent)).toEqual(['2026 安徽采购对接会 · 进行中', '展厅直播 · 进行中', '我的活动']);
    expect(screen.getByText('地区分布')).toBeTruthy();
    expect(screen.getByTestId('link-report').getAttribute('href')).toBe('/organiser/dashboard/report?scope=fair-3');
    await realtime.connect();
    await waitFor(() => expect(realtime.fake.live(overview('fair-3'))).toHaveLength(1));

    fireEvent.change(picker, { target: { value: 'mine' } });
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('实时看板：我的活动'));
    expect(screen.getByTestId('where').textContent).toBe('/organiser/dashboard?scope=mine');
    expect(urls).toContain('/api/dashboard/mine');
    // (the test client lingers 0 ms: with no topic left between the scopes it closed, so it connects again)
    await realtime.connect();
    await waitFor(() => expect(realtime.fake.live(overview('mine'))).toHaveLength(1));
    expect(realtime.fake.live(overview('fair-3'))).toHaveLength(0);
    expect(screen.getByTestId('regions-empty').textContent).toBe('暂无地区数据');
  });

  it('shows empty states', async () => {
    open('/organiser/dashboard?scope=mine', {
      '/api/dashboard/scopes': Response.json(scopes),
      '/api/dashboard/mine': Response.json(snapshot({
        scope: 'mine', title: '我的活动', rooms: [], regions: [], topProducts: [], topSessions: [], minutes: [],
      })),
    });
    await waitFor(() => expect(screen.getByTestId('rooms-empty').textContent).toBe('暂无直播间或场次'));
    expect(screen.getByTestId('regions-empty')).toBeTruthy();
    expect(screen.getByTestId('products-empty').textContent).toBe('暂无成交商品');
    expect(screen.getByTestId('sessions-empty')).toBeTruthy();
    expect(screen.getByTestId('series-empty').textContent).toBe('暂无数据');
  });

  it('says when there is nothing to watch', async () => {
    open('/organiser/dashboard', { '/api/dashboard/scopes': Response.json([]) });
    await waitFor(() => expect(screen.getByTestId('no-scopes').textContent).toContain('还没有可查看的看板'));
    expect(screen.getByTestId('where').textContent).toBe('/organiser/dashboard');
  });

  it('explains 403 and 404 in Chinese and subscribes to nothing', async () => {
    const forbidden = open('/organiser/dashboard?scope=platform', {
      '/api/dashboard/scopes': Response.json(scopes),
      '/api/dashboard/platform': () => problem(403, 'Forbidden'),
    });
    await waitFor(() => expect(screen.getByTestId('form-alert').textContent).toBe('你没有权限查看这个看板：仅限活动的组织方和管理员查看。'));
    // the scope typed into the URL still shows in the picker
    expect((screen.getByTestId('scope-picker') as HTMLSelectElement).value).toBe('platform');
    expect(forbidden.realtime.fake.subscriptions).toHaveLength(0);
    forbidden.unmount();

    const missing = open('/organiser/dashboard?scope=fair-99', {
      '/api/dashboard/scopes': Response.json(scopes),
      '/api/dashboard/fair-99': () => problem(404, 'Not Found'),
    });
    await waitFor(() => expect(screen.getByTestId('form-alert').textContent).toBe('找不到这个看板：活动不存在，或不是你主办的活动。'));
    expect(missing.realtime.fake.subscriptions).toHaveLength(0);
    expect(screen.queryByTestId('dash-figures')).toBeNull();
  });

  it('turns into the big-screen layout and back, remembered in the URL', async () => {
    open('/organiser/dashboard?scope=showcase', {
      '/api/dashboard/scopes': Response.json(scopes),
      '/api/dashboard/showcase': Response.json(snapshot()),
    });
    await waitFor(() => expect(screen.getByTestId('fig-viewersNow')).toBeTruthy());
    const page = screen.getByTestId('dashboard-page');
    expect(page.className).not.toContain('dash-screen');
    fireEvent.click(screen.getByTestId('screen-toggle'));
    await waitFor(() => expect(screen.getByTestId('dashboard-page').className).toContain('dash-screen'));
    expect(screen.getByTestId('where').textContent).toBe('/organiser/dashboard?scope=showcase&screen=1');
    expect(document.body.classList.contains('dash-screen-open')).toBe(true);
    expect(screen.getByTestId('screen-toggle').textContent).toBe('退出大屏');
    // the charts take the dark palette
    expect(chartOption('series-chart').textStyle.color).toBe('#f4ece1');

    fireEvent.keyDown(window, { key: 'Escape' });
    await waitFor(() => expect(screen.getByTestId('dashboard-page').className).not.toContain('dash-screen'));
    expect(screen.getByTestId('where').textContent).toBe('/organiser/dashboard?scope=showcase');
    expect(document.body.classList.contains('dash-screen-open')).toBe(false);
  });
});
