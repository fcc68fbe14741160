import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeUser, renderWithAuth } from '../../../test/renderWithAuth';
import { CoursePage } from './CoursePage';
import { REPORT_EVERY_MS } from './LessonPlayer';
import { courseDetail } from './testData';

function page() {
  return (
    <Routes>
      <Route path="/courses/:id" element={<CoursePage />} />
    </Routes>
  );
}

/** Make jsdom's <video> report a playing position. */
function play(video: HTMLVideoElement, at: number) {
  Object.defineProperty(video, 'currentTime', { configurable: true, get: () => at, set: () => undefined });
  Object.defineProperty(video, 'paused', { configurable: true, get: () => false });
  video.dispatchEvent(new Event('timeupdate'));
}

afterEach(() => vi.useRealTimers());

describe('CoursePage', () => {
  it('shows the lessons with ✓ and progress, resumes the learner where they left off and reports progress', async () => {
    const reports: Array<{ url: string; body: unknown; keepalive?: boolean }> = [];
    const detail = courseDetail({
      progress: [
        { lessonId: 71, positionSeconds: 180, watchedSeconds: 175, completed: true, updatedAt: '2026-12-05T00:00:00Z' },
        { lessonId: 72, positionSeconds: 95, watchedSeconds: 60, completed: false, updatedAt: '2026-12-06T00:00:00Z' },
      ],
      myProgress: { completedLessons: 1, percent: 33, lastLessonId: 72, lastActivityAt: '2026-12-06T00:00:00Z' },
      resume: { lessonId: 72, positionSeconds: 95 },
    });
    const { unmount } = renderWithAuth(page(), makeUser(['VIEWER']), '/courses/7', async (input, init) => {
      const url = String(input);
      if (url === '/api/courses/7') return Response.json(detail);
      if (url.includes('/progress')) {
        const body = JSON.parse(String(init?.body));
        reports.push({ url, body, keepalive: init?.keepalive });
        return Response.json({
          lesson: { lessonId: 72, positionSeconds: body.positionSeconds, watchedSeconds: body.watchedSeconds, completed: false, updatedAt: '2026-12-07T00:00:00Z' },
          course: { completedLessons: 1, percent: 33, lastLessonId: 72, lastActivityAt: '2026-12-07T00:00:00Z' },
        });
      }
      return Response.json(makeUser(['VIEWER']));
    });
    await waitFor(() => expect(screen.getByTestId('current-lesson').textContent).toBe('第二讲：政策与规则'));
    const items = screen.getAllByTestId('lesson-item');
    expect(items[0].textContent).toContain('✓');
    expect(items[1].textContent).toContain('已看 25%');
    expect(items[1].querySelector('button')?.getAttribute('aria-current')).toBe('true');
    expect(screen.getByTestId('learner-count').textContent).toBe('9000');
    expect(screen.getByTestId('my-course-progress').textContent).toContain('已学完 1/3 课时');

    const video = screen.getByTestId('lesson-video') as HTMLVideoElement;
    expect(video.getAttribute('src')).toBe('https://cdn.example.com/2.mp4');
    // resumes at the saved second once the video knows its length
    let seekedTo = -1;
    Object.defineProperty(video, 'currentTime', { configurable: true, get: () => 0, set: (v: number) => { seekedTo = v; } });
    video.dispatchEvent(new Event('loadedmetadata'));
    expect(seekedTo).toBe(95);

    // plays 95 → 99 s: four seconds more than the 60 credited, reported on pause
    play(video, 95);
    video.dispatchEvent(new Event('playing'));
    for (const t of [96, 97, 98, 99]) play(video, t);
    video.dispatchEvent(new Event('pause'));
    await waitFor(() => expect(reports.length).toBeGreaterThanOrEqual(2));
    expect(reports[reports.length - 1].url).toBe('/api/courses/7/lessons/72/progress');
    expect(reports[reports.length - 1].body).toEqual({ positionSeconds: 99, watchedSeconds: 64 });

    // leaving the page sends a last report that outlives it (after the pause, 100 → 101 counts)
    play(video, 100);
    play(video, 101);
    unmount();
    await waitFor(() => expect(reports[reports.length - 1].keepalive).toBe(true));
    expect(reports[reports.length - 1].body).toEqual({ positionSeconds: 101, watchedSeconds: 65 });
  });

  it('reports every ten seconds while playing', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const bodies: unknown[] = [];
    renderWithAuth(page(), makeUser(['VIEWER']), '/courses/7', async (input, init) => {
      const url = String(input);
      if (url === '/api/courses/7') return Response.json(courseDetail({ resume: { lessonId: 71, positionSeconds: 0 } }));
      if (url.includes('/progress')) {
        bodies.push(JSON.parse(String(init?.body)));
        return Response.json({
          lesson: { lessonId: 71, positionSeconds: 0, watchedSeconds: 0, completed: false, updatedAt: '2026-12-07T00:00:00Z' },
          course: { completedLessons: 0, percent: 0, lastLessonId: 71, lastActivityAt: '2026-12-07T00:00:00Z' },
        });
      }
      return Response.json(makeUser(['VIEWER']));
    });
    const video = (await screen.findByTestId('lesson-video')) as HTMLVideoElement;
    play(video, 0);
    video.dispatchEvent(new Event('playing'));
    await waitFor(() => expect(bodies).toHaveLength(1));
    for (let t = 1; t <= 10; t++) play(video, t);
    await act(async () => {
      vi.advanceTimersByTime(REPORT_EVERY_MS);
    });
    await waitFor(() => expect(bodies).toHaveLength(2));
    expect(bodies[1]).toEqual({ positionSeconds: 10, watchedSeconds: 10 });
  });

  it('lets a guest watch without reports and pick another lesson', async () => {
    const urls: string[] = [];
    renderWithAuth(page(), null, '/courses/7', async (input) => {
      urls.push(String(input));
      return String(input) === '/api/courses/7' ? Response.json(courseDetail()) : new Response(null, { status: 401 });
    });
    await waitFor(() => expect(screen.getByTestId('current-lesson').textContent).toBe('第一讲：背景与要点'));
    expect(screen.getByTestId('login-hint').querySelector('a')?.getAttribute('href')).toBe('/login?next=%2Fcourses%2F7');
    fireEvent.click(screen.getAllByTestId('lesson-item')[2].querySelector('button')!);
    await waitFor(() => expect(screen.getByTestId('current-lesson').textContent).toBe('第三讲：案例分析'));
    const video = screen.getByTestId('lesson-video') as HTMLVideoElement;
    play(video, 1);
    video.dispatchEvent(new Event('playing'));
    video.dispatchEvent(new Event('pause'));
    expect(urls.some((u) => u.includes('/progress'))).toBe(false);
  });

  it('says when the course does not exist', async () => {
    renderWithAuth(page(), null, '/courses/9', async () =>
      Response.json({ type: 'https://livehall.io/problems/not-found', title: 'Not Found', status: 404, detail: '课程不存在' },
        { status: 404, headers: { 'Content-Type': 'application/problem+json' } }),
    );
    await waitFor(() => expect(screen.getByTestId('form-alert').textContent).toBe('课程不存在'));
  });
});
