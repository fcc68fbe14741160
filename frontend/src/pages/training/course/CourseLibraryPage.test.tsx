import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeUser, renderWithAuth } from '../../../test/renderWithAuth';
import { CourseLibraryPage } from './CourseLibraryPage';
import { courseCard } from './testData';

describe('CourseLibraryPage', () => {
  it('lists courses with learner counts, filters by topic, searches, sorts and pages on', async () => {
    const urls: string[] = [];
    renderWithAuth(<CourseLibraryPage />, null, '/courses', async (input) => {
      const url = String(input);
      urls.push(url);
      if (url.startsWith('/api/courses/topics')) return Response.json([{ id: 2, name: '专精特新', position: 1, organiserId: 1 }]);
      const q = new URL(url, 'http://x').searchParams;
      if (q.get('after') === '5') return Response.json({ items: [courseCard(4)], next: null });
      if (q.get('topic') === '2') return Response.json({ items: [courseCard(9, { title: '专精特新认定' })], next: null });
      return Response.json({ items: [courseCard(6, { coverFileId: 8 }), courseCard(5)], next: '5' });
    });
    await waitFor(() => expect(screen.getAllByTestId('course-card')).toHaveLength(2));
    const first = screen.getAllByTestId('course-card')[0];
    expect(first.textContent).toContain('课程6');
    expect(first.textContent).toContain('1.2万');
    expect(first.querySelector('a')?.getAttribute('href')).toBe('/courses/6');
    expect(first.querySelector('img')?.getAttribute('src')).toBe('/api/files/8');
    expect(screen.queryByTestId('progress-bar')).toBeNull();
    expect(screen.queryByTestId('link-my-learning')).toBeNull();

    fireEvent.click(screen.getByText('加载更多'));
    await waitFor(() => expect(screen.getAllByTestId('course-card')).toHaveLength(3));

    fireEvent.click(await screen.findByTestId('topic-2'));
    await waitFor(() => expect(screen.getAllByTestId('course-card')).toHaveLength(1));
    expect(screen.getByTestId('topic-2').getAttribute('aria-pressed')).toBe('true');

    fireEvent.change(screen.getByPlaceholderText('搜索课程、讲师'), { target: { value: ' 数字化 ' } });
    fireEvent.click(screen.getByText('搜索'));
    await waitFor(() => expect(decodeURIComponent(urls[urls.length - 1])).toContain('q=数字化'));
    fireEvent.change(screen.getByTestId('course-sort'), { target: { value: 'learners' } });
    await waitFor(() => expect(urls[urls.length - 1]).toContain('sort=learners'));
    expect(urls[urls.length - 1]).toContain('topic=2');
  });

  it('shows a learner their progress on each course they started and the way to 我的学习', async () => {
    renderWithAuth(<CourseLibraryPage />, makeUser(['VIEWER']), '/courses', async (input) => {
      const url = String(input);
      if (url.startsWith('/api/courses/topics')) return Response.json([]);
      if (url.startsWith('/api/courses')) {
        return Response.json({
          items: [courseCard(6, { myProgress: { completedLessons: 2, percent: 50, lastLessonId: 1, lastActivityAt: '2026-12-06T00:00:00Z' } })],
          next: null,
        });
      }
      return Response.json(makeUser(['VIEWER']));
    });
    await waitFor(() => expect(screen.getByTestId('progress-bar').textContent).toContain('已学 50%'));
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('50');
    expect(screen.getByTestId('link-my-learning').getAttribute('href')).toBe('/me/learning');
  });

  it('says so when nothing matches', async () => {
    renderWithAuth(<CourseLibraryPage />, null, '/courses', async (input) =>
      String(input).startsWith('/api/courses/topics') ? Response.json([]) : Response.json({ items: [], next: null }),
    );
    await waitFor(() => expect(screen.getByTestId('course-empty')).toBeTruthy());
  });
});
