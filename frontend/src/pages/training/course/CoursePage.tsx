import { useCallback, useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { courseApi, formatDuration } from '../../../api/courses';
import type { CourseDetail, LessonProgress, ProgressAnswer } from '../../../api/courses';
import { isApiError } from '../../../api/errors';
import { useAuth } from '../../../auth/AuthProvider';
import { FormAlert } from '../../../components/Field';
import { formatCount } from '../../../lib/format';
import { usePageTitle } from '../../../lib/usePageTitle';
import { LessonPlayer } from './LessonPlayer';
import { ProgressBar } from './ProgressBar';
import './course.css';

/**
 * /courses/:id — the course's lessons with ✓ and progress, and the player for the current lesson: where the learner
 * left off (the server's resume point), or the lesson picked from the list (?lesson=). A guest may watch; progress
 * is kept for logged-in learners.
 */
export function CoursePage() {
  const { id = '' } = useParams();
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const [loaded, setLoaded] = useState<{ key: string; course: CourseDetail | null; error: string | null }>();
  const key = `${id}:${user?.id ?? ''}`;

  useEffect(() => {
    const ctl = new AbortController();
    const n = Number(id);
    if (!Number.isSafeInteger(n) || n <= 0) {
      setLoaded({ key, course: null, error: '课程不存在' });
      return;
    }
    courseApi
      .course(n, ctl.signal)
      .then((course) => setLoaded({ key, course, error: null }))
      .catch((e: unknown) => {
        if (!ctl.signal.aborted) setLoaded({ key, course: null, error: isApiError(e) ? e.detail : '加载失败' });
      });
    return () => ctl.abort();
  }, [id, key]);

  const course = loaded?.key === key ? loaded.course : null;
  const error = loaded?.key === key ? loaded.error : null;
  usePageTitle(course?.title ?? '微课');

  const onReported = useCallback((answer: ProgressAnswer) => {
    setLoaded((prev) => {
      if (!prev?.course) return prev;
      const others = prev.course.progress.filter((p) => p.lessonId !== answer.lesson.lessonId);
      return { ...prev, course: { ...prev.course, progress: [...others, answer.lesson], myProgress: answer.course } };
    });
  }, []);

  if (error) {
    return (
      <section className="container page">
        <FormAlert message={error} />
        <Link to="/courses">返回微课</Link>
      </section>
    );
  }
  if (!course) {
    return (
      <section className="container page">
        <p className="muted">加载中…</p>
      </section>
    );
  }

  const picked = Number(params.get('lesson'));
  const lesson =
    course.lessons.find((l) => l.id === picked) ??
    course.lessons.find((l) => l.id === course.resume?.lessonId) ??
    course.lessons[0];
  const progressOf = (lessonId: number): LessonProgress | undefined => course.progress.find((p) => p.lessonId === lessonId);
  const current = lesson ? progressOf(lesson.id) : undefined;
  const startAt =
    lesson && course.resume?.lessonId === lesson.id && !params.get('lesson')
      ? course.resume.positionSeconds
      : current && !current.completed
        ? current.positionSeconds
        : 0;

  return (
    <section className="container page course-page" data-testid="course-page">
      <p className="small">
        <Link to="/courses">微课</Link> · {course.topic}
      </p>
      <h1>{course.title}</h1>
      <p className="muted small">
        {course.lecturer} · {course.lessons.length} 课时 · <span data-testid="learner-count">{formatCount(course.learnerCount)}</span> 人学习
      </p>
      {lesson && (
        <>
          <LessonPlayer
            courseId={course.id}
            lesson={lesson}
            startAt={startAt}
            watched={current?.watchedSeconds ?? 0}
            reporting={!!user}
            onReported={onReported}
          />
          <h2 className="course-lesson-now" data-testid="current-lesson">
            {lesson.title}
          </h2>
        </>
      )}
      {user ? (
        course.myProgress && (
          <div className="course-mine" data-testid="my-course-progress">
            <ProgressBar percent={course.myProgress.percent} label={`已学完 ${course.myProgress.completedLessons}/${course.lessons.length} 课时`} />
          </div>
        )
      ) : (
        <p className="muted small" data-testid="login-hint">
          <Link to={`/login?next=${encodeURIComponent(`/courses/${course.id}`)}`}>登录</Link>后可记录学习进度，下次接着看。
        </p>
      )}
      <ol className="course-lessons" data-testid="lesson-list">
        {course.lessons.map((l) => {
          const p = progressOf(l.id);
          const active = l.id === lesson?.id;
          const percent = p ? Math.min(100, Math.round((p.watchedSeconds * 100) / l.durationSeconds)) : 0;
          return (
            <li key={l.id} className={`course-lesson${active ? ' active' : ''}`} data-testid="lesson-item">
              <button type="button" className="course-lesson-btn" aria-current={active ? 'true' : undefined}
                onClick={() => setParams({ lesson: String(l.id) }, { replace: true })}>
                <span className={`course-check${p?.completed ? ' done' : ''}`} aria-label={p?.completed ? '已学完' : undefined}>
                  {p?.completed ? '✓' : l.position + 1}
                </span>
                <span className="course-lesson-title">{l.title}</span>
                <span className="course-lesson-meta small muted">
                  {p && !p.completed ? `已看 ${percent}% · ` : ''}
                  {formatDuration(l.durationSeconds)}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      {course.summary && <p className="course-summary">{course.summary}</p>}
    </section>
  );
}
