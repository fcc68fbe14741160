import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { courseApi, formatDuration, organiserCourseApi } from '../../../api/courses';
import type { CourseDetail, CourseTopic } from '../../../api/courses';
import { Field, FormAlert, TextField } from '../../../components/Field';
import { Toast, useToast } from '../../../components/Toast';
import { usePageTitle } from '../../../lib/usePageTitle';
import { problemOf } from './courseForm';
import './course.css';

const EMPTY_LESSON = { title: '', videoUrl: '', minutes: '', seconds: '' };

/** /organiser/courses/:id — a course's fields, its lessons (add, remove) and publishing. */
export function CourseEditorPage() {
  const { id = '' } = useParams();
  const courseId = Number(id);
  const [course, setCourse] = useState<CourseDetail | null>(null);
  const [topics, setTopics] = useState<CourseTopic[]>([]);
  const [form, setForm] = useState({ topicId: '', title: '', summary: '', lecturer: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [lesson, setLesson] = useState(EMPTY_LESSON);
  const [lessonErrors, setLessonErrors] = useState<Record<string, string>>({});
  const [toast, showToast] = useToast();
  usePageTitle(course ? `编辑：${course.title}` : '编辑课程');

  const show = (c: CourseDetail) => {
    setCourse(c);
    setForm({ topicId: String(c.topicId), title: c.title, summary: c.summary, lecturer: c.lecturer });
  };

  useEffect(() => {
    const ctl = new AbortController();
    organiserCourseApi.course(courseId, ctl.signal).then(show).catch((e: unknown) => {
      if (!ctl.signal.aborted) setErrors(problemOf(e));
    });
    courseApi.topics(ctl.signal).then(setTopics).catch(() => undefined);
    return () => ctl.abort();
  }, [courseId]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      show(await organiserCourseApi.update(courseId, { topicId: Number(form.topicId), title: form.title.trim(),
        summary: form.summary.trim(), lecturer: form.lecturer.trim(), coverFileId: course?.coverFileId ?? null }));
      setErrors({});
      showToast('已保存');
    } catch (err) {
      setErrors(problemOf(err));
    }
  };

  const addLesson = async (e: FormEvent) => {
    e.preventDefault();
    const durationSeconds = Number(lesson.minutes || 0) * 60 + Number(lesson.seconds || 0);
    try {
      show(await organiserCourseApi.addLesson(courseId, { title: lesson.title.trim(), videoUrl: lesson.videoUrl.trim(), durationSeconds }));
      setLesson(EMPTY_LESSON);
      setLessonErrors({});
    } catch (err) {
      setLessonErrors(problemOf(err));
    }
  };

  const act = async (action: () => Promise<CourseDetail>, done: string) => {
    try {
      show(await action());
      setErrors({});
      showToast(done);
    } catch (err) {
      setErrors(problemOf(err));
    }
  };

  if (!course) {
    return (
      <section className="container page">
        <FormAlert message={errors.form} />
        {!errors.form && <p className="muted">加载中…</p>}
      </section>
    );
  }

  return (
    <section className="container page" data-testid="course-editor">
      <p className="small">
        <Link to="/organiser/courses">微课管理</Link>
        {course.published && <> · <Link to={`/courses/${course.id}`}>查看课程页</Link></>}
      </p>
      <h1>{course.title}</h1>
      <p data-testid="course-state">
        {course.published ? '已发布' : '未发布'} · {course.learnerCount} 人学习{' '}
        {course.published ? (
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => void act(() => organiserCourseApi.unpublish(courseId), '已下架')}>
            下架
          </button>
        ) : (
          <button type="button" className="btn btn-primary btn-sm" data-testid="publish"
            onClick={() => void act(() => organiserCourseApi.publish(courseId), '已发布')}>
            发布
          </button>
        )}
      </p>
      <FormAlert message={errors.form} />

      <h2>课时</h2>
      <ol className="course-lessons">
        {course.lessons.map((l) => (
          <li key={l.id} className="course-lesson course-admin-item" data-testid="admin-lesson">
            <span className="course-lesson-title">{l.position + 1}. {l.title}</span>
            <span className="small muted">{l.videoKind} · {formatDuration(l.durationSeconds)}</span>
            <button type="button" className="btn btn-ghost btn-sm"
              onClick={() => void act(() => organiserCourseApi.removeLesson(courseId, l.id), '已删除课时')}>
              删除
            </button>
          </li>
        ))}
      </ol>
      <form onSubmit={addLesson} noValidate data-testid="new-lesson">
        <FormAlert message={lessonErrors.form} />
        <TextField id="lesson-title" label="课时标题" value={lesson.title} maxLength={100} error={lessonErrors.title}
          onChange={(v) => setLesson({ ...lesson, title: v })} />
        <TextField id="lesson-url" label="视频地址" value={lesson.videoUrl} maxLength={500} error={lessonErrors.videoUrl}
          hint="https:// 开头的 .m3u8 或 .mp4 地址" onChange={(v) => setLesson({ ...lesson, videoUrl: v })} />
        <Field id="lesson-minutes" label="时长（分、秒）" error={lessonErrors.durationSeconds}>
          <span className="training-search">
            <input id="lesson-minutes" inputMode="numeric" value={lesson.minutes} placeholder="分"
              onChange={(e) => setLesson({ ...lesson, minutes: e.target.value.replace(/\D/g, '').slice(0, 4) })} />
            <input aria-label="秒" inputMode="numeric" value={lesson.seconds} placeholder="秒"
              onChange={(e) => setLesson({ ...lesson, seconds: e.target.value.replace(/\D/g, '').slice(0, 2) })} />
          </span>
        </Field>
        <button type="submit" className="btn btn-primary">添加课时</button>
      </form>

      <h2>课程信息</h2>
      <form onSubmit={save} noValidate data-testid="edit-course">
        <Field id="edit-topic" label="专题" error={errors.topicId}>
          <select id="edit-topic" value={form.topicId} onChange={(e) => setForm({ ...form, topicId: e.target.value })}>
            {topics.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
          </select>
        </Field>
        <TextField id="edit-title" label="课程名称" value={form.title} maxLength={100} error={errors.title}
          onChange={(v) => setForm({ ...form, title: v })} />
        <TextField id="edit-lecturer" label="讲师" value={form.lecturer} maxLength={50} error={errors.lecturer}
          onChange={(v) => setForm({ ...form, lecturer: v })} />
        <Field id="edit-summary" label="简介" optional error={errors.summary}>
          <textarea id="edit-summary" rows={4} maxLength={2000} value={form.summary}
            onChange={(e) => setForm({ ...form, summary: e.target.value })} />
        </Field>
        <button type="submit" className="btn btn-primary">保存</button>
      </form>
      <Toast message={toast} />
    </section>
  );
}
