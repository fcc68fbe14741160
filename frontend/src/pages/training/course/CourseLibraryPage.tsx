import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { courseApi } from '../../../api/courses';
import type { CourseCard, CourseSort, CourseTopic } from '../../../api/courses';
import { fileUrl } from '../../../api/files';
import { useAuth } from '../../../auth/AuthProvider';
import { FormAlert } from '../../../components/Field';
import { formatCount } from '../../../lib/format';
import { usePageTitle } from '../../../lib/usePageTitle';
import { ProgressBar } from './ProgressBar';
import './course.css';
import { usePagedList } from '../../../lib/usePagedList';

const PAGE_SIZE = 20;

/** /courses — the course library: topic chips, search, newest or most learners first, my progress per course. */
export function CourseLibraryPage() {
  usePageTitle('微课');
  const { user } = useAuth();
  const [topics, setTopics] = useState<CourseTopic[]>([]);
  const [topic, setTopic] = useState<number | null>(null);
  const [sort, setSort] = useState<CourseSort>('newest');
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');

  useEffect(() => {
    const ctl = new AbortController();
    courseApi.topics(ctl.signal).then(setTopics).catch(() => undefined);
    return () => ctl.abort();
  }, []);

  const fetchPage = useCallback(
    (after: string | null) => courseApi.list({ topic, q, sort }, after, PAGE_SIZE),
    // a login adds my progress to the cards
    [topic, q, sort, user?.id],
  );
  const { items, next, loading, error, load } = usePagedList<CourseCard>(fetchPage);

  const search = (e: FormEvent) => {
    e.preventDefault();
    setQ(input.trim());
  };

  return (
    <section className="container page course-library" data-testid="course-library">
      <div className="course-head">
        <h1>微课</h1>
        {user && (
          <Link className="btn btn-ghost btn-sm" to="/me/learning" data-testid="link-my-learning">
            我的学习
          </Link>
        )}
      </div>
      <p className="lead muted">随时随地学：政策解读、数字化转型、专精特新、财税金融点播课程。</p>
      <div className="filter-chips course-topics" role="group" aria-label="专题">
        {[{ id: null as number | null, name: '全部' }, ...topics].map((t) => (
          <button key={t.id ?? 'all'} type="button" className={`filter-chip${topic === t.id ? ' active' : ''}`}
            aria-pressed={topic === t.id} onClick={() => setTopic(t.id)} data-testid={`topic-${t.id ?? 'all'}`}>
            {t.name}
          </button>
        ))}
      </div>
      <form className="training-search course-search" role="search" onSubmit={search}>
        <label htmlFor="course-q" className="sr-only">搜索课程</label>
        <input id="course-q" type="search" value={input} maxLength={50} placeholder="搜索课程、讲师"
          onChange={(e) => setInput(e.target.value)} />
        <button type="submit" className="btn btn-ghost btn-sm">搜索</button>
        <label htmlFor="course-sort" className="sr-only">排序</label>
        <select id="course-sort" value={sort} onChange={(e) => setSort(e.target.value as CourseSort)} data-testid="course-sort">
          <option value="newest">最新</option>
          <option value="learners">学习人数</option>
        </select>
      </form>
      <FormAlert message={error} />
      {!loading && !error && items.length === 0 && (
        <p className="muted" data-testid="course-empty">没有找到课程。</p>
      )}
      <ul className="course-grid">
        {items.map((c) => (
          <li key={c.id} className="training-card course-card" data-testid="course-card">
            {c.coverFileId ? (
              <img className="training-cover" src={fileUrl(c.coverFileId)} alt="" loading="lazy" />
            ) : (
              <div className="course-cover-blank" aria-hidden="true">{c.topic}</div>
            )}
            <Link to={`/courses/${c.id}`} className="training-card-title">
              <strong>{c.title}</strong>
            </Link>
            <p className="small muted">
              {c.lecturer} · {c.lessonCount} 课时 · <span data-testid="card-learners">{formatCount(c.learnerCount)}</span> 人学习
            </p>
            {c.myProgress && <ProgressBar percent={c.myProgress.percent} label={`已学 ${c.myProgress.percent}%`} />}
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
