import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { isApiError } from '../../../api/errors';
import { registrationApi, stateText } from '../../../api/trainingRegistration';
import type { MyRegistration } from '../../../api/trainingRegistration';
import { FormAlert } from '../../../components/Field';
import { formatDateTime } from '../../../lib/format';
import { usePageTitle } from '../../../lib/usePageTitle';

/** /me/registrations — 我的报名: every series the person registered for, newest first, with its state. */
export function MyRegistrationsPage() {
  usePageTitle('我的报名');
  const [items, setItems] = useState<MyRegistration[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = (after: string | null, signal?: AbortSignal) =>
    registrationApi
      .mine({ after, limit: 20 }, signal)
      .then((page) => {
        setItems((prev) => (after ? [...prev, ...page.items] : page.items));
        setNext(page.next);
        setLoaded(true);
      })
      .catch((e: unknown) => {
        if (!signal?.aborted) setError(isApiError(e) ? e.detail : '加载失败');
      });

  useEffect(() => {
    const ctl = new AbortController();
    void load(null, ctl.signal);
    return () => ctl.abort();
  }, []);

  return (
    <section className="container page narrow" data-testid="my-registrations">
      <p className="small"><Link to="/me">← 个人中心</Link></p>
      <h1>我的报名</h1>
      <FormAlert message={error} />
      {loaded && items.length === 0 && (
        <p className="muted">还没有报名任何培训，去 <Link to="/training">培训</Link> 看看吧。</p>
      )}
      <ul className="schedule-list">
        {items.map((r) => (
          <li key={r.id} className="training-card" data-testid="my-registration">
            <Link to={`/training/series/${r.seriesId}`} className="training-card-title"><strong>{r.seriesTitle}</strong></Link>
            <p className={`registration-state state-${r.state.toLowerCase()}`}>{stateText(r)}</p>
            <p className="small muted">报名于 {formatDateTime(r.registeredAt)}</p>
          </li>
        ))}
      </ul>
      {next && (
        <button type="button" className="btn btn-ghost" onClick={() => void load(next)} data-testid="my-registrations-more">
          加载更多
        </button>
      )}
    </section>
  );
}
