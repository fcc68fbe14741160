import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { courseApi, organiserCourseApi } from '../../../api/courses';
import type { CourseCard, CourseTopic } from '../../../api/courses';
import { Field, FormAlert, TextField } from '../../../components/Field';
import { usePageTitle } from '../../../lib/usePageTitle';
import { problemOf } from './courseForm';
import './course.css';

/** /organiser/courses — my courses (drafts too), new topics, and a new course (then its editor). */
export function OrganiserCoursesPage() {
  usePageTitle('微课管理');
  const navigate = useNavigate();
  const [courses, setCourses] = useState<CourseCard[]>([]);
  const [topics, setTopics] = useState<CourseTopic[]>([]);
  const [topicName, setTopicName] = useState('');
  const [topicErrors, setTopicErrors] = useState<Record<string, string>>({});
  const [form, setForm] = useState({ topicId: '', title: '', summary: '', lecturer: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const ctl = new AbortController();
    organiserCourseApi.mine(null, ctl.signal).then((p) => setCourses(p.items)).catch(() => undefined);
    courseApi.topics(ctl.signal).then(setTopics).catch(() => undefined);
    return () => ctl.abort();
  }, []);

  const addTopic = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const t = await organiserCourseApi.createTopic({ name: topicName.trim(), position: (topics.length + 1) * 10 });
      setTopics((prev) => [...prev, t]);
      setTopicName('');
      setTopicErrors({});
    } catch (err) {
      setTopicErrors(problemOf(err));
    }
  };

  const create = async (e: FormEvent) => {
    e.preventDefault();
    if (!form.topicId) {
      setErrors({ topicId: '请选择专题' });
      return;
    }
    setBusy(true);
    try {
      const c = await organiserCourseApi.create({ topicId: Number(form.topicId), title: form.title.trim(),
        summary: form.summary.trim(), lecturer: form.lecturer.trim(), coverFileId: null });
      navigate(`/organiser/courses/${c.id}`);
    } catch (err) {
      setErrors(problemOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="container page" data-testid="organiser-courses">
      <h1>微课管理</h1>
      <h2>我的课程</h2>
      {courses.length === 0 && <p className="muted">还没有课程。</p>}
      <ul className="course-admin-list">
        {courses.map((c) => (
          <li key={c.id} className="training-card course-admin-item" data-testid="admin-course">
            <Link to={`/organiser/courses/${c.id}`}>
              <strong>{c.title}</strong>
            </Link>
            <span className="small muted">
              {c.topic} · {c.lessonCount} 课时 · {c.learnerCount} 人学习 · {c.published ? '已发布' : '未发布'}
            </span>
          </li>
        ))}
      </ul>

      <h2>新建课程</h2>
      <form onSubmit={create} noValidate data-testid="new-course">
        <FormAlert message={errors.form} />
        <Field id="course-topic" label="专题" error={errors.topicId}>
          <select id="course-topic" value={form.topicId} onChange={(e) => setForm({ ...form, topicId: e.target.value })}>
            <option value="" disabled>请选择</option>
            {topics.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
          </select>
        </Field>
        <TextField id="course-title" label="课程名称" value={form.title} maxLength={100} error={errors.title}
          onChange={(v) => setForm({ ...form, title: v })} />
        <TextField id="course-lecturer" label="讲师" value={form.lecturer} maxLength={50} error={errors.lecturer}
          onChange={(v) => setForm({ ...form, lecturer: v })} />
        <Field id="course-summary" label="简介" optional error={errors.summary}>
          <textarea id="course-summary" rows={3} maxLength={2000} value={form.summary}
            onChange={(e) => setForm({ ...form, summary: e.target.value })} />
        </Field>
        <button type="submit" className="btn btn-primary" disabled={busy}>新建并编辑课时</button>
      </form>

      <h2>新建专题</h2>
      <form className="training-search" onSubmit={addTopic} data-testid="new-topic">
        <label htmlFor="topic-name" className="sr-only">专题名称</label>
        <input id="topic-name" value={topicName} maxLength={20} placeholder="如：政策解读" onChange={(e) => setTopicName(e.target.value)} />
        <button type="submit" className="btn btn-ghost btn-sm">添加专题</button>
      </form>
      <FormAlert message={topicErrors.name ?? topicErrors.form} />
    </section>
  );
}
