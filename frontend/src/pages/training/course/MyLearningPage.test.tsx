import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeUser, renderWithAuth } from '../../../test/renderWithAuth';
import { MyLearningPage } from './MyLearningPage';
import { learningItem } from './testData';

describe('MyLearningPage', () => {
  it('lists my courses, latest first, with progress, last activity in Shanghai time and a continue button', async () => {
    renderWithAuth(<MyLearningPage />, makeUser(['VIEWER']), '/me/learning', async (input) => {
      const url = String(input);
      if (url.startsWith('/api/me/learning')) {
        const after = new URL(url, 'http://x').searchParams.get('after');
        return after
          ? Response.json({ items: [learningItem(3, { percent: 100, completedLessons: 4 })], next: null })
          : Response.json({ items: [learningItem(8)], next: 'c1' });
      }
      return Response.json(makeUser(['VIEWER']));
    });
    await waitFor(() => expect(screen.getAllByTestId('learning-item')).toHaveLength(1));
    const item = screen.getByTestId('learning-item');
    expect(item.textContent).toContain('最近学习 2026/12/06 19:30');
    expect(item.textContent).toContain('已学完 1/4 课时');
    expect(screen.getByTestId('continue').textContent).toBe('继续学习：第二讲');
    expect(screen.getByTestId('continue').getAttribute('href')).toBe('/courses/8');
    fireEvent.click(screen.getByText('加载更多'));
    await waitFor(() => expect(screen.getAllByTestId('learning-item')).toHaveLength(2));
    expect(screen.getAllByTestId('continue')[1].textContent).toBe('再看一遍');
  });

  it('points to the library when there is nothing yet', async () => {
    renderWithAuth(<MyLearningPage />, makeUser(['VIEWER']), '/me/learning', async (input) =>
      String(input).startsWith('/api/me/learning') ? Response.json({ items: [], next: null }) : Response.json(makeUser(['VIEWER'])),
    );
    await waitFor(() => expect(screen.getByTestId('learning-empty').querySelector('a')?.getAttribute('href')).toBe('/courses'));
  });
});
