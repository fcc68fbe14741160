// Course library 微课 (docs/api.md "Course library"): the public library, a course page with the learner's progress,
// progress reports, "my learning", and the organiser's topics, courses and lessons. Types mirror the server's answers.
import { request } from './client';
import type { Page } from './types';

export type VideoKind = 'HLS' | 'MP4';
export type CourseSort = 'newest' | 'learners';

export interface CourseTopic {
  id: number;
  name: string;
  position: number;
  organiserId: number;
}

export interface MyCourseProgress {
  completedLessons: number;
  percent: number;
  lastLessonId: number | null;
  lastActivityAt: string;
}

export interface CourseCard {
  id: number;
  topicId: number;
  topic: string;
  title: string;
  summary: string;
  lecturer: string;
  coverFileId: number | null;
  lessonCount: number;
  learnerCount: number;
  published: boolean;
  createdAt: string;
  /** the logged-in learner's standing, null when they have not started (or for a guest) */
  myProgress: MyCourseProgress | null;
}

export interface Lesson {
  id: number;
  position: number;
  title: string;
  videoUrl: string;
  videoKind: VideoKind;
  durationSeconds: number;
}

export interface LessonProgress {
  lessonId: number;
  positionSeconds: number;
  watchedSeconds: number;
  completed: boolean;
  updatedAt: string;
}

export interface CourseDetail {
  id: number;
  topicId: number;
  topic: string;
  title: string;
  summary: string;
  lecturer: string;
  coverFileId: number | null;
  published: boolean;
  publishedAt: string | null;
  learnerCount: number;
  organiserId: number;
  organiser: string;
  createdAt: string;
  updatedAt: string;
  lessons: Lesson[];
  /** the learner's progress in the lessons they started (empty for a guest) */
  progress: LessonProgress[];
  myProgress: MyCourseProgress | null;
  /** where to pick up (null for a guest) */
  resume: { lessonId: number; positionSeconds: number } | null;
}

export interface ProgressAnswer {
  lesson: LessonProgress;
  course: MyCourseProgress;
}

export interface LearningItem {
  courseId: number;
  title: string;
  topic: string;
  lecturer: string;
  coverFileId: number | null;
  lessonCount: number;
  completedLessons: number;
  percent: number;
  startedAt: string;
  lastActivityAt: string;
  lastLessonId: number | null;
  lastLessonTitle: string | null;
}

export interface CourseFilter {
  topic?: number | null;
  q?: string;
  sort?: CourseSort;
}

export interface TopicRequest {
  name: string;
  position: number;
}

export interface CourseRequest {
  topicId: number;
  title: string;
  summary: string;
  lecturer: string;
  coverFileId: number | null;
}

export interface LessonRequest {
  title: string;
  videoUrl: string;
  durationSeconds: number;
}

const seg = (id: number) => encodeURIComponent(String(id));

export const courseApi = {
  /** GET /api/courses?topic=&q=&sort=&after=&limit= */
  list: (filter: CourseFilter, after?: string | null, limit = 20, signal?: AbortSignal) =>
    request<Page<CourseCard>>('/api/courses', {
      query: { topic: filter.topic ?? undefined, q: filter.q || undefined, sort: filter.sort, after, limit },
      signal,
    }),
  topics: (signal?: AbortSignal) => request<CourseTopic[]>('/api/courses/topics', { signal }),
  course: (id: number, signal?: AbortSignal) => request<CourseDetail>(`/api/courses/${seg(id)}`, { signal }),
  /** PUT /api/courses/{id}/lessons/{lessonId}/progress; `keepalive` lets a report leave with a closing page */
  report: (courseId: number, lessonId: number, positionSeconds: number, watchedSeconds: number, keepalive = false) =>
    request<ProgressAnswer>(`/api/courses/${seg(courseId)}/lessons/${seg(lessonId)}/progress`, {
      method: 'PUT',
      body: { positionSeconds, watchedSeconds },
      keepalive,
    }),
  myLearning: (after?: string | null, limit = 20, signal?: AbortSignal) =>
    request<Page<LearningItem>>('/api/me/learning', { query: { after, limit }, signal }),
};

const org = '/api/organiser/courses';

export const organiserCourseApi = {
  mine: (after?: string | null, signal?: AbortSignal) => request<Page<CourseCard>>(org, { query: { after, limit: 50 }, signal }),
  course: (id: number, signal?: AbortSignal) => request<CourseDetail>(`${org}/${seg(id)}`, { signal }),
  create: (body: CourseRequest) => request<CourseDetail>(org, { method: 'POST', body }),
  update: (id: number, body: CourseRequest) => request<CourseDetail>(`${org}/${seg(id)}`, { method: 'PUT', body }),
  remove: (id: number) => request<void>(`${org}/${seg(id)}`, { method: 'DELETE' }),
  publish: (id: number) => request<CourseDetail>(`${org}/${seg(id)}/publish`, { method: 'POST' }),
  unpublish: (id: number) => request<CourseDetail>(`${org}/${seg(id)}/unpublish`, { method: 'POST' }),
  addLesson: (id: number, body: LessonRequest) => request<CourseDetail>(`${org}/${seg(id)}/lessons`, { method: 'POST', body }),
  updateLesson: (id: number, lessonId: number, body: LessonRequest) =>
    request<CourseDetail>(`${org}/${seg(id)}/lessons/${seg(lessonId)}`, { method: 'PUT', body }),
  removeLesson: (id: number, lessonId: number) =>
    request<CourseDetail>(`${org}/${seg(id)}/lessons/${seg(lessonId)}`, { method: 'DELETE' }),
  createTopic: (body: TopicRequest) => request<CourseTopic>(`${org}/topics`, { method: 'POST', body }),
  updateTopic: (id: number, body: TopicRequest) => request<CourseTopic>(`${org}/topics/${seg(id)}`, { method: 'PUT', body }),
  removeTopic: (id: number) => request<void>(`${org}/topics/${seg(id)}`, { method: 'DELETE' }),
};

/** 125 → "2:05", 3725 → "1:02:05" */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
