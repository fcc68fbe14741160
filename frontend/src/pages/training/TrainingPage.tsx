import { useCallback, useState } from 'react';
import type { FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { fileUrl } from '../../api/files';
import { trainingApi } from '../../api/training';
import type { SeriesCard, TrainingWhen } from '../../api/training';
import { FormAlert } from '../../components/Field';
import { formatDateTime } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { TrainingCalendar } from './TrainingCalendar';
import { usePagedList } from '../../lib/usePagedList';

const PAGE_SIZE = 20;
const WHEN: Array<{ value: TrainingWhen | ''; label: string }> = [
  { value: '', label: '全部' },
  { value: 'live', label: '直播中' },
  { value: 'upcoming', label: '即将开始' },
  { value: 'past', label: '已结束' },
];
const TAGS = ['专精特新', '政策解读', '数字化转型', '财税', '融资'];

/** /training — training series with filters (status, tag, audience), or the calendar of sessions. */
export function TrainingPage() {
  usePageTitle('在线培训');
  const [view, setView] = useState<'list' | 'calendar'>('list');
  const [status, setStatus] = useState<TrainingWhen | ''>('');
  const [tag, setTag] = useState('');
  const [audienceInput, setAudienceInput] = useState('');
  const [audience, setAudience] = useState('');
  const fetchPage = useCallback(
    (after: string | null) => trainingApi.series({ status, tag, audience }, after, PAGE_SIZE),
    [status, tag, audience],
  );
  const { items, next, loading, error, load } = usePagedList<SeriesCard>(fetchPage, '加载失败', view === 'list');

  const search = (e: FormEvent) => {
    e.preventDefault();
    setAudience(audienceInput.trim());
  };

  return (
    <section className="container page training-page" data-testid="training-page">
      <h1>在线培训</h1>
      <p className="lead muted">面向中小企业的系列直播培训：政策解读、实务讲解、专精特新培育。</p>
      <div className="filter-chips training-view-toggle" role="group" aria-label="显示方式">
        <button type="button" className={`filter-chip${view === 'list' ? ' active' : ''}`} aria-pressed={view === 'list'}
          onClick={() => setView('list')} data-testid="view-list">
          系列列表
        </button>
        <button type="button" className={`filter-chip${view === 'calendar' ? ' active' : ''}`}
          aria-pressed={view === 'calendar'} onClick={() => setView('calendar')} data-testid="view-calendar">
          培训日历
        </button>
      </div>
      {view === 'calendar' ? (
        <TrainingCalendar />
      ) : (
        <>
          <div className="filter-row">
            <span className="filter-label">状态</span>
            <div className="filter-chips" role="group" aria-label="状态">
              {WHEN.map((w) => (
                <button key={w.value} type="button" className={`filter-chip${status === w.value ? ' active' : ''}`}
                  aria-pressed={status === w.value} onClick={() => setStatus(w.value)} data-testid={`status-${w.value || 'all'}`}>
                  {w.label}
                </button>
              ))}
            </div>
          </div>
          <div className="filter-row">
            <span className="filter-label">标签</span>
            <div className="filter-chips" role="group" aria-label="标签">
              {['', ...TAGS].map((t) => (
                <button key={t} type="button" className={`filter-chip${tag === t ? ' active' : ''}`} aria-pressed={tag === t}
                  onClick={() => setTag(t)} data-testid={`tag-${t || 'all'}`}>
                  {t || '全部'}
                </button>
              ))}
            </div>
          </div>
          <form className="training-search" role="search" onSubmit={search}>
            <label htmlFor="training-audience" className="sr-only">面向对象</label>
            <input id="training-audience" type="search" value={audienceInput} maxLength={50} placeholder="按面向对象筛选，如：财务"
              onChange={(e) => setAudienceInput(e.target.value)} />
            <button type="submit" className="btn btn-ghost btn-sm">筛选</button>
          </form>
          <FormAlert message={error} />
          {!loading && !error && items.length === 0 && (
            <p className="muted" data-testid="training-empty">暂无符合条件的培训。</p>
          )}
          <ul className="schedule-list training-list">
            {items.map((s) => (
              <li key={s.id} className={`training-card${s.liveCount > 0 ? ' is-live' : ''}`} data-testid="series-card">
                {s.coverFileId && <img className="training-cover" src={fileUrl(s.coverFileId)} alt="" loading="lazy" />}
                <Link to={`/training/series/${s.id}`} className="training-card-title">
                  {s.liveCount > 0 && <span className="schedule-live-badge training-live-badge">直播中</span>}
                  <strong>{s.title}</strong>
                </Link>
                {s.audience && <p className="muted small">面向：{s.audience}</p>}
                <p className="small">
                  {s.sessionCount} 节课 · {s.organiser}
                  {s.nextStartsAt && <> · {s.liveCount > 0 ? '正在直播' : `下一节 ${formatDateTime(s.nextStartsAt)}`}</>}
                </p>
                {s.tags.length > 0 && (
                  <p className="chip-list">
                    {s.tags.map((t) => <span key={t} className="chip chip-sm">{t}</span>)}
                  </p>
                )}
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
        </>
      )}
    </section>
  );
}
