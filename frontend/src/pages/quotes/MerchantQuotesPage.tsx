import { useEffect, useState } from 'react';
import { QUOTE_STATUS_LABEL, quotesApi } from '../../api/orders';
import type { Quote } from '../../api/orders';
import { isApiError } from '../../api/errors';
import { FormAlert } from '../../components/Field';
import { formatDateTime, formatFen } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { yuanToFen } from '../merchant/OpenDealForm';
import { SuspendedBanner } from '../merchant/SuspendedBanner';

/** /merchant/quotes — quote requests from group customers; answer with a unit price and how many days it holds. */
export function MerchantQuotesPage() {
  usePageTitle('集团客户询价');
  const [quotes, setQuotes] = useState<Quote[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const ctrl = new AbortController();
    quotesApi.incoming({ limit: 50 }, ctrl.signal).then((p) => setQuotes(p.items), (e) => {
      if (!(e instanceof DOMException)) setError(isApiError(e) ? e.detail : '加载失败');
    });
    return () => ctrl.abort();
  }, []);

  const answer = async (q: Quote) => {
    const price = yuanToFen(window.prompt('单价（元）') ?? '');
    const days = Number(window.prompt('有效天数（1-90）', '7'));
    if (!price || !Number.isInteger(days) || days < 1 || days > 90) {
      setError('请填写有效的单价和 1-90 天的有效期');
      return;
    }
    try {
      const updated = await quotesApi.answer(q.id, {
        unitPriceFen: price,
        validUntil: new Date(Date.now() + days * 86_400_000).toISOString(),
      });
      setQuotes((list) => list.map((x) => (x.id === q.id ? updated : x)));
      setError(null);
    } catch (e) {
      setError(isApiError(e) ? e.detail : '报价失败');
    }
  };

  return (
    <section className="container page quotes-page" data-testid="merchant-quotes">
      <h1>集团客户询价</h1>
      <SuspendedBanner />
      <FormAlert message={error} />
      <ul className="order-list">
        {quotes.map((q) => (
          <li key={q.id} className="order-row">
            <div className="order-row-top">
              <span className="order-product">{q.enterpriseName} · {q.productName} ×{q.quantity}</span>
              <span className={`status status-${q.status.toLowerCase()}`}>{QUOTE_STATUS_LABEL[q.status]}</span>
            </div>
            <div className="muted small">{q.buyerName} · {formatDateTime(q.createdAt)}{q.note ? ` · ${q.note}` : ''}</div>
            {q.unitPriceFen !== null && (
              <div className="small">报价 {formatFen(q.unitPriceFen)}/件，有效期至 {formatDateTime(q.validUntil)}</div>
            )}
            {(q.status === 'REQUESTED' || q.status === 'ANSWERED' || q.status === 'EXPIRED') && (
              <button type="button" className="btn btn-primary btn-sm" onClick={() => void answer(q)}>
                {q.status === 'REQUESTED' ? '报价' : '重新报价'}
              </button>
            )}
          </li>
        ))}
      </ul>
      {quotes.length === 0 && <p className="muted">暂无询价</p>}
    </section>
  );
}
