import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithAuth } from '../../test/renderWithAuth';
import { TrainingPage } from './TrainingPage';
import { seriesCard } from './testData';

function renderPage() {
  const urls: string[] = [];
  renderWithAuth(<TrainingPage />, null, '/training', async (input) => {
    const url = String(input);
    urls.push(url);
    const q = new URL(url, 'http://x').searchParams;
    if (url.startsWith('/api/training/sessions')) return Response.json([]);
    if (q.get('after') === '3') return Response.json({ items: [seriesCard(1)], next: null });
    if (q.get('status') === 'live') return Response.json({ items: [seriesCard(9, { title: '直播中的系列', liveCount: 1 })], next: null });
    return Response.json({ items: [seriesCard(4, { title: '宁夏系列', tags: ['专精特新', '宁夏'], coverFileId: 6 }), seriesCard(3)], next: '3' });
  });
  return urls;
}

describe('TrainingPage', () => {
  it('lists series with their tags and next session, pages on, and filters by status, tag and audience', async () => {
    const urls = renderPage();
    await waitFor(() => expect(screen.getAllByTestId('series-card')).toHaveLength(2));
    const first = screen.getAllByTestId('series-card')[0];
    expect(first.textContent).toContain('宁夏系列');
    expect(first.textContent).toContain('宁夏');
    expect(first.textContent).toContain('下一节 2026/12/10 19:30');
    expect(first.querySelector('a')?.getAttribute('href')).toBe('/training/series/4');
    expect(first.querySelector('img')?.getAttribute('src')).toBe('/api/files/6');
    expect(screen.getAllByTestId('series-card')[1].querySelector('img')).toBeNull();

    fireEvent.click(screen.getByText('加载更多'));
    await waitFor(() => expect(screen.getAllByTestId('series-card')).toHaveLength(3));

    fireEvent.click(screen.getByTestId('status-live'));
    await waitFor(() => expect(screen.getAllByTestId('series-card')).toHaveLength(1));
    expect(screen.getByTestId('series-card').textContent).toContain('直播中');
    expect(screen.getByTestId('status-live').getAttribute('aria-pressed')).toBe('true');

    fireEvent.click(screen.getByTestId('tag-专精特新'));
    await waitFor(() => expect(decodeURIComponent(urls[urls.length - 1])).toContain('tag=专精特新'));
    fireEvent.change(screen.getByPlaceholderText('按面向对象筛选，如：财务'), { target: { value: ' 财务 ' } });
    fireEvent.click(screen.getByText('筛选'));
    await waitFor(() => expect(decodeURIComponent(urls[urls.length - 1])).toContain('audience=财务'));
    expect(urls[urls.length - 1]).toContain('status=live');
  });

  it('says so when nothing matches, and switches to the calendar', async () => {
    renderWithAuth(<TrainingPage />, null, '/training', async (input) =>
      String(input).startsWith('/api/training/sessions') ? Response.json([]) : Response.json({ items: [], next: null }),
    );
    await waitFor(() => expect(screen.getByTestId('training-empty')).toBeTruthy());
    fireEvent.click(screen.getByTestId('view-calendar'));
    expect(screen.getByTestId('training-calendar')).toBeTruthy();
    expect(screen.queryByTestId('training-empty')).toBeNull();
  });
});
