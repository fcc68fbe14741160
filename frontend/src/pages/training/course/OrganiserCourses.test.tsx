import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { makeUser, renderWithAuth } from '../../../test/renderWithAuth';
import { CourseEditorPage } from './CourseEditorPage';
import { OrganiserCoursesPage } from './OrganiserCoursesPage';
import { courseCard, courseDetail } from './testData';

const organiser = makeUser(['ORGANISER']);
const problem = (status: number, detail: string, errors?: Array<{ field: string; message: string }>) =>
  Response.json({ type: 'https://livehall.io/problems/x', title: 'x', status, detail, errors },
    { status, headers: { 'Content-Type': 'application/problem+json' } });

describe('OrganiserCoursesPage', () => {
  it('lists my courses with their state, adds a topic and shows a new course’s field errors', async () => {
    const posts: Array<{ url: string; body: unknown }> = [];
    renderWithAuth(<OrganiserCoursesPage />, organiser, '/organiser/courses', async (input, init) => {
      const url = String(input);
      if (init?.method === 'POST') {
        posts.push({ url, body: JSON.parse(String(init.body)) });
        if (url.endsWith('/topics')) return Response.json({ id: 5, name: '财税金融', position: 20, organiserId: 1 }, { status: 201 });
        return problem(400, '请求参数有误', [{ field: 'title', message: '请填写课程名称' }]);
      }
      if (url.startsWith('/api/organiser/courses')) return Response.json({ items: [courseCard(3, { published: false })], next: null });
      if (url.startsWith('/api/courses/topics')) return Response.json([{ id: 1, name: '政策解读', position: 10, organiserId: 1 }]);
      return Response.json(organiser);
    });
    await waitFor(() => expect(screen.getByTestId('admin-course').textContent).toContain('未发布'));
    fireEvent.change(screen.getByPlaceholderText('如：政策解读'), { target: { value: ' 财税金融 ' } });
    fireEvent.click(screen.getByText('添加专题'));
    await waitFor(() => expect(screen.getByRole('option', { name: '财税金融' })).toBeTruthy());
    expect(posts[0].body).toEqual({ name: '财税金融', position: 20 });

    fireEvent.click(screen.getByText('新建并编辑课时'));
    expect(screen.getByTestId('error-course-topic').textContent).toBe('请选择专题');
    fireEvent.change(screen.getByLabelText('专题'), { target: { value: '1' } });
    fireEvent.click(screen.getByText('新建并编辑课时'));
    await waitFor(() => expect(screen.getByTestId('error-course-title').textContent).toBe('请填写课程名称'));
  });
});

describe('CourseEditorPage', () => {
  it('adds a lesson with its length in minutes and seconds, publishes, and shows refusals', async () => {
    const calls: Array<{ url: string; method?: string; body?: unknown }> = [];
    let course = courseDetail({ published: false, lessons: [] });
    renderWithAuth(
      <Routes>
        <Route path="/organiser/courses/:id" element={<CourseEditorPage />} />
      </Routes>,
      organiser, '/organiser/courses/7', async (input, init) => {
        const url = String(input);
        calls.push({ url, method: init?.method, body: init?.body ? JSON.parse(String(init.body)) : undefined });
        if (url.endsWith('/lessons') && init?.method === 'POST') {
          course = { ...course, lessons: [{ id: 1, position: 0, title: '第一讲', videoUrl: 'https://a.example.com/1.m3u8', videoKind: 'HLS', durationSeconds: 330 }] };
          return Response.json(course, { status: 201 });
        }
        if (url.endsWith('/publish')) return Response.json({ ...course, published: true });
        if (url.endsWith('/lessons/1')) return problem(409, '已有学员学习的课时不能删除；已发布的课程至少保留一个课时');
        if (url.startsWith('/api/organiser/courses/7')) return Response.json(course);
        if (url.startsWith('/api/courses/topics')) return Response.json([{ id: 1, name: '政策解读', position: 10, organiserId: 1 }]);
        return Response.json(organiser);
      });
    await waitFor(() => expect(screen.getByTestId('course-state').textContent).toContain('未发布'));
    fireEvent.change(screen.getByLabelText('课时标题'), { target: { value: '第一讲' } });
    fireEvent.change(screen.getByLabelText('视频地址'), { target: { value: 'https://a.example.com/1.m3u8' } });
    fireEvent.change(screen.getByPlaceholderText('分'), { target: { value: '5' } });
    fireEvent.change(screen.getByPlaceholderText('秒'), { target: { value: '3x0' } });
    fireEvent.click(screen.getByText('添加课时'));
    await waitFor(() => expect(screen.getByTestId('admin-lesson').textContent).toContain('5:30'));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ title: '第一讲', videoUrl: 'https://a.example.com/1.m3u8', durationSeconds: 330 });
    fireEvent.click(screen.getByTestId('publish'));
    await waitFor(() => expect(screen.getByTestId('course-state').textContent).toContain('已发布'));
    fireEvent.click(screen.getByText('删除'));
    await waitFor(() => expect(screen.getByTestId('form-alert').textContent).toContain('已有学员学习的课时不能删除'));
  });
});
