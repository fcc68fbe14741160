import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { organiserMatchingApi, roleLabel } from '../../../api/fairMatching';
import type { MatchedPair, MatchSummary, Party } from '../../../api/fairMatching';
import { isApiError } from '../../../api/errors';
import { FormAlert } from '../../../components/Field';
import { Toast, useToast } from '../../../components/Toast';
import { formatDateTime } from '../../../lib/format';
import { usePageTitle } from '../../../lib/usePageTitle';
import { ManualMatchDialog } from './ManualMatchDialog';
import './matching.css';
import { FairNav } from '../FairNav';

/**
 * /organiser/fairs/:id/matches 匹配管理 — the figures, the recompute button, the approved enterprises with no match
 * yet (each with 人工匹配), and the matched pairs.
 */
export function OrganiserMatchesPage() {
  usePageTitle('匹配管理');
  const fairId = Number(useParams().id);
  const [summary, setSummary] = useState<MatchSummary | null>(null);
  const [unmatched, setUnmatched] = useState<Party[]>([]);
  const [unmatchedNext, setUnmatchedNext] = useState<string | null>(null);
  const [pairs, setPairs] = useState<MatchedPair[]>([]);
  const [pairsNext, setPairsNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [matching, setMatching] = useState<Party | null>(null);
  const [waiting, setWaiting] = useState(false);
  const [toast, showToast] = useToast();

  const reload = useCallback(async () => {
    try {
      const [s, u, p] = await Promise.all([organiserMatchingApi.summary(fairId),
        organiserMatchingApi.unmatched(fairId, null), organiserMatchingApi.pairs(fairId, null)]);
      setSummary(s);
      setUnmatched(u.items);
      setUnmatchedNext(u.next);
      setPairs(p.items);
      setPairsNext(p.next);
      setError(null);
      return s;
    } catch (e) {
      setError(isApiError(e) ? e.detail : '加载失败');
      return null;
    }
  }, [fairId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  // after 重新计算: look again every 3 s until the run has finished
  useEffect(() => {
    if (!waiting) return undefined;
    const timer = setInterval(() => {
      void reload().then((s) => {
        if (s?.lastRun?.finishedAt) setWaiting(false);
      });
    }, 3_000);
    return () => clearInterval(timer);
  }, [waiting, reload]);

  const recompute = async () => {
    try {
      const r = await organiserMatchingApi.recompute(fairId);
      showToast(r.queued ? '已开始重新计算' : '已在计算队列中');
      setWaiting(true);
    } catch (e) {
      showToast(isApiError(e) ? e.detail : '网络异常，请稍后重试');
    }
  };

  const more = async (which: 'unmatched' | 'pairs') => {
    if (which === 'unmatched' && unmatchedNext) {
      const page = await organiserMatchingApi.unmatched(fairId, unmatchedNext);
      setUnmatched((prev) => [...prev, ...page.items]);
      setUnmatchedNext(page.next);
    } else if (which === 'pairs' && pairsNext) {
      const page = await organiserMatchingApi.pairs(fairId, pairsNext);
      setPairs((prev) => [...prev, ...page.items]);
      setPairsNext(page.next);
    }
  };

  const run = summary?.lastRun;
  return (
    <section className="container page organiser-matches" data-testid="organiser-matches">
      <FairNav fairId={fairId} organiser />
      <div className="course-head">
        <h1>匹配管理</h1>
        <button type="button" className="btn btn-primary btn-sm" disabled={waiting} onClick={() => void recompute()}
          data-testid="recompute">
          {waiting ? '计算中…' : '重新计算'}
        </button>
      </div>
      <FormAlert message={error} />
      {summary && (
        <>
          <div className="match-summary" data-testid="match-summary">
            <div className="match-figure"><strong>{summary.approved}</strong><span className="small muted">已通过企业</span></div>
            <div className="match-figure"><strong>{summary.pairs}</strong><span className="small muted">已匹配企业对（人工 {summary.manualPairs}）</span></div>
            <div className="match-figure"><strong>{summary.unmatched}</strong><span className="small muted">尚未匹配</span></div>
            <div className="match-figure"><strong>{summary.listingMatches}</strong><span className="small muted">供需匹配条目</span></div>
          </div>
          <p className="small muted" data-testid="last-run">
            {run
              ? run.finishedAt
                ? `上次全量计算：${formatDateTime(run.finishedAt)}，${run.listings} 条供需信息，${run.matches} 条匹配，用时 ${((run.millis ?? 0) / 1000).toFixed(1)} 秒`
                : `正在计算（开始于 ${formatDateTime(run.startedAt)}）`
              : '尚未全量计算；企业发布或修改供需信息后会自动增量计算。'}
          </p>
        </>
      )}

      <h2>尚未匹配的企业</h2>
      {summary && unmatched.length === 0 && <p className="muted">所有已通过审核的企业都已有匹配。</p>}
      <ul className="match-unmatched">
        {unmatched.map((p) => (
          <li key={p.participantId} className="match-row" data-testid="unmatched">
            <span>
              <strong>{p.enterpriseName}</strong>
              <span className="small muted"> · {roleLabel(p.role)} · {p.region} · {p.industry}</span>
            </span>
            <button type="button" className="btn btn-ghost btn-sm" onClick={() => setMatching(p)}>人工匹配</button>
          </li>
        ))}
      </ul>
      {unmatchedNext && <button type="button" className="btn btn-ghost" onClick={() => void more('unmatched')}>加载更多</button>}

      <h2>已匹配的企业对</h2>
      {summary && pairs.length === 0 && <p className="muted">还没有匹配。</p>}
      <ul className="match-pairs">
        {pairs.map((p) => (
          <li key={p.id} className="match-row" data-testid="pair">
            <span>
              <strong>{p.a.enterpriseName}</strong> ↔ <strong>{p.b.enterpriseName}</strong>
            </span>
            <span className="small muted">
              {p.manual ? `人工匹配：${p.note}` : `自动匹配${p.bestScore !== null ? ` · 最高 ${p.bestScore} 分` : ''}`}
            </span>
          </li>
        ))}
      </ul>
      {pairsNext && <button type="button" className="btn btn-ghost" onClick={() => void more('pairs')}>加载更多</button>}

      {matching && (
        <ManualMatchDialog fairId={fairId} first={matching} onClose={() => setMatching(null)}
          onDone={() => {
            setMatching(null);
            showToast('已匹配');
            void reload();
          }} />
      )}
      <Toast message={toast} />
    </section>
  );
}
