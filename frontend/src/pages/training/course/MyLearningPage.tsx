import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { courseApi } from '../../../api/courses';
import type { LearningItem } from '../../../api/courses';
import { isApiError } from '../../../api/errors';
import { FormAlert } from '../../../components/Field';
import { formatDateTime } from '../../../lib/format';
import { usePageTitle } from '../../../lib/usePageTitle';
import { ProgressBar } from './ProgressBar';
import './course.css';

/** /me/learning 我的学习 — the courses I have started, latest first, each with a button to carry on. */
export function MyLearningPage() {
  usePageTitle('我的学习');
  const [items, setItems] = useState<LearningItem[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);

  const load = useCallback(async (after: string | null) => {
    const gen = ++generation.current;
    setLoading(true);
    setError(null);
    try {
      const page = await courseApi.myLearning(after);
      if (gen !== generation.current) return;
      setItems((prev) => (after ? [...prev, ...page.items] : page.items));
      setNext(page.next);
    } catch (e) {
      if (gen === generation.current) setError(isApiError(e) ? e.detail : '加载失败');
    } finally {
      if (gen === generation.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load(null);
  }, [load]);

  return (
    <section className="container page my-learning" data-testid="my-learning">
      <h1>我的学习</h1>
      <FormAlert message={error} />
      {!loading && !error && items.length === 0 && (
        <p className="muted" data-testid="learning-empty">
          还没有学习记录。<Link to="/courses">去微课看看</Link>
        </p>
      )}
      <ul className="learning-list">
        {items.map((i) => (
          <li key={i.courseId} className="training-card learning-item" data-testid="learning-item">
            <Link to={`/courses/${i.courseId}`} className="training-card-title">
              <strong>{i.title}</strong>
            </Link>
            <p className="small muted">
              {i.topic} · {i.lecturer} · 最近学习 {formatDateTime(i.lastActivityAt)}
            </p>
            <ProgressBar percent={i.percent} label={`已学完 ${i.completedLessons}/${i.lessonCount} 课时`} />
            <Link className="btn btn-primary btn-sm learning-continue" data-testid="continue"
              to={`/courses/${i.courseId}`}>
              {i.percent >= 100 ? '再看一遍' : '继续学习'}
              {i.lastLessonTitle && i.percent < 100 ? `：${i.lastLessonTitle}` : ''}
            </Link>
          </li>
        ))}
      </ul>
      {next && (
        <p className="training-more">
          <button type="button" className="btn btn-ghost" disabled={loading} onClick={() => void load(next)}>
            {loading ? '加载中…' : '加载更多'}
          </button>
        </p>
      )}
    </section>
  );
}
