import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithAuth } from '../../test/renderWithAuth';
import { TrainingCalendar } from './TrainingCalendar';
import { sessionCard } from './testData';

const NOW = Date.parse('2026-12-06T23:30:00Z'); // Monday 2026-12-07 07:30 in Shanghai

describe('TrainingCalendar', () => {
  it('asks for one Shanghai week and puts each session under its day; the arrows move a week', async () => {
    const urls: string[] = [];
    renderWithAuth(<TrainingCalendar now={NOW} />, null, '/training', async (input) => {
      const url = String(input);
      urls.push(url);
      return Response.json(url.includes('from=2026-12-06T16') ? [
        sessionCard(1, { title: '政策篇', startsAt: '2026-12-07T02:00:00Z', status: 'LIVE' }),
        // 23:00 Shanghai on Tuesday is still Tuesday
        sessionCard(2, { title: '实务篇', startsAt: '2026-12-08T15:00:00Z' }),
      ] : []);
    });
    await waitFor(() => expect(screen.getAllByTestId('calendar-session')).toHaveLength(2));
    expect(decodeURIComponent(urls[0])).toContain('from=2026-12-06T16:00:00.000Z&to=2026-12-13T16:00:00.000Z');
    const monday = screen.getByTestId('day-2026-12-07');
    expect(within(monday).getByText('政策篇').getAttribute('href')).toBe('/training/sessions/1');
    expect(monday.textContent).toContain('今天');
    expect(monday.textContent).toContain('10:00');
    expect(monday.textContent).toContain('直播中');
    expect(within(screen.getByTestId('day-2026-12-08')).getByText('实务篇')).toBeTruthy();
    expect(screen.getByTestId('week-label').textContent).toBe('12月7日 – 12月13日');

    fireEvent.click(screen.getByTestId('week-next'));
    await waitFor(() => expect(screen.getByTestId('week-label').textContent).toBe('12月14日 – 12月20日'));
    await waitFor(() => expect(screen.queryAllByTestId('calendar-session')).toHaveLength(0));
    expect(decodeURIComponent(urls[urls.length - 1])).toContain('from=2026-12-13T16:00:00.000Z');
  });
});
