import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { QUOTE_STATUS_LABEL, quotesApi } from '../../api/orders';
import type { Quote } from '../../api/orders';
import { isApiError } from '../../api/errors';
import { FormAlert } from '../../components/Field';
import { formatDateTime, formatFen } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { BuyAttempt, loadRecipient, recipientErrors } from '../orders/buying';

/** /quotes — the enterprise buyer's quote requests (集团客户采购): accept an answer (creates the order) or decline. */
export function QuotesPage() {
  usePageTitle('集团采购报价');
  const [quotes, setQuotes] = useState<Quote[]>([]);
  const [error, setError] = useState<string | null>(null);
  const attempt = useRef(new BuyAttempt());
  const navigate = useNavigate();

  useEffect(() => {
    const ctrl = new AbortController();
    quotesApi.mine({ limit: 50 }, ctrl.signal).then((p) => setQuotes(p.items), (e) => {
      if (!(e instanceof DOMException)) setError(isApiError(e) ? e.detail : '加载失败');
    });
    return () => ctrl.abort();
  }, []);

  const accept = async (q: Quote) => {
    const recipient = loadRecipient();
    if (Object.keys(recipientErrors(recipient)).length > 0) {
      setError('请先在任一商品的购买表单中填写收货信息');
      return;
    }
    const key = attempt.current.keyFor({ quote: q.id, recipient });
    try {
      const order = await quotesApi.accept(q.id, recipient, key);
      attempt.current.settle();
      navigate(`/orders/${order.id}`);
    } catch (e) {
      attempt.current.settle(e);
      setError(isApiError(e) ? e.detail : '操作失败');
    }
  };

  const decline = async (q: Quote) => {
    try {
      const updated = await quotesApi.decline(q.id);
      setQuotes((list) => list.map((x) => (x.id === q.id ? updated : x)));
    } catch (e) {
      setError(isApiError(e) ? e.detail : '操作失败');
    }
  };

  return (
    <section className="container page quotes-page" data-testid="quotes-page">
      <h1>集团采购报价</h1>
      <FormAlert message={error} />
      <ul className="order-list">
        {quotes.map((q) => (
          <li key={q.id} className="order-row" data-testid="quote-row">
            <div className="order-row-top">
              <span className="order-product">{q.productName} ×{q.quantity}</span>
              <span className={`status status-${q.status.toLowerCase()}`}>{QUOTE_STATUS_LABEL[q.status]}</span>
            </div>
            {q.unitPriceFen !== null && (
              <div className="small">
                报价 {formatFen(q.unitPriceFen)}/件，合计 {formatFen(q.totalFen ?? 0)}，有效期至 {formatDateTime(q.validUntil)}
                {q.answerNote ? `（${q.answerNote}）` : ''}
              </div>
            )}
            {q.status === 'ANSWERED' && (
              <div className="row-actions">
                <button type="button" className="btn btn-primary btn-sm" onClick={() => void accept(q)}>接受并下单</button>
                <button type="button" className="btn btn-ghost btn-sm" onClick={() => void decline(q)}>拒绝</button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {quotes.length === 0 && <p className="muted">还没有询价。在商品页点击“集团采购询价”即可发起。</p>}
    </section>
  );
}
