import type { CourseCard, CourseDetail, LearningItem } from '../../../api/courses';

export function courseCard(id: number, over: Partial<CourseCard> = {}): CourseCard {
  return {
    id,
    topicId: 1,
    topic: '政策解读',
    title: `课程${id}`,
    summary: '讲清申报条件与流程',
    lecturer: '李静 处长',
    coverFileId: null,
    lessonCount: 4,
    learnerCount: 12345,
    published: true,
    createdAt: '2026-12-01T02:00:00Z',
    myProgress: null,
    ...over,
  };
}

export function courseDetail(over: Partial<CourseDetail> = {}): CourseDetail {
  return {
    id: 7,
    topicId: 1,
    topic: '数字化转型',
    title: '中小企业数字化转型入门',
    summary: '从业务痛点出发',
    lecturer: '王立新 教授',
    coverFileId: null,
    published: true,
    publishedAt: '2026-12-01T02:00:00Z',
    learnerCount: 9000,
    organiserId: 3,
    organiser: '主办方',
    createdAt: '2026-12-01T02:00:00Z',
    updatedAt: '2026-12-01T02:00:00Z',
    lessons: [
      { id: 71, position: 0, title: '第一讲：背景与要点', videoUrl: 'https://cdn.example.com/1.mp4', videoKind: 'MP4', durationSeconds: 180 },
      { id: 72, position: 1, title: '第二讲：政策与规则', videoUrl: 'https://cdn.example.com/2.mp4', videoKind: 'MP4', durationSeconds: 240 },
      { id: 73, position: 2, title: '第三讲：案例分析', videoUrl: 'https://cdn.example.com/3.mp4', videoKind: 'MP4', durationSeconds: 300 },
    ],
    progress: [],
    myProgress: null,
    resume: null,
    ...over,
  };
}

export function learningItem(courseId: number, over: Partial<LearningItem> = {}): LearningItem {
  return {
    courseId,
    title: `课程${courseId}`,
    topic: '财税金融',
    lecturer: '张华',
    coverFileId: null,
    lessonCount: 4,
    completedLessons: 1,
    percent: 25,
    startedAt: '2026-12-01T02:00:00Z',
    lastActivityAt: '2026-12-06T11:30:00Z',
    lastLessonId: 2,
    lastLessonTitle: '第二讲',
    ...over,
  };
}
