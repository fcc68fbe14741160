import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { QUOTE_STATUS_LABEL, quotesApi } from '../../api/orders';
import type { Quote } from '../../api/orders';
import { isApiError } from '../../api/errors';
import { Dialog } from '../../components/Dialog';
import { describedBy, FormAlert } from '../../components/Field';
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

  const [answering, setAnswering] = useState<Quote | null>(null);
  const answered = (updated: Quote) => {
    setQuotes((list) => list.map((x) => (x.id === updated.id ? updated : x)));
    setError(null);
    setAnswering(null);
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
              <button type="button" className="btn btn-primary btn-sm" onClick={() => setAnswering(q)} data-testid="answer-quote">
                {q.status === 'REQUESTED' ? '报价' : '重新报价'}
              </button>
            )}
          </li>
        ))}
      </ul>
      {quotes.length === 0 && <p className="muted">暂无询价</p>}
      {answering && <AnswerQuoteDialog quote={answering} onClose={() => setAnswering(null)} onDone={answered} />}
    </section>
  );
}

/** 报价 in a dialog (not window.prompt): unit price in yuan and how many days it holds; closing it answers nothing. */
function AnswerQuoteDialog({ quote, onClose, onDone }: { quote: Quote; onClose: () => void; onDone: (q: Quote) => void }) {
  const [price, setPrice] = useState(quote.unitPriceFen !== null ? String(quote.unitPriceFen / 100) : '');
  const [days, setDays] = useState('7');
  const [errors, setErrors] = useState<{ price?: string; days?: string }>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const fen = yuanToFen(price);
    const n = Number(days);
    const found = {
      price: fen ? undefined : '请填写有效的单价（元，最多两位小数）',
      days: Number.isInteger(n) && n >= 1 && n <= 90 ? undefined : '有效天数为 1-90 天',
    };
    setErrors(found);
    if (found.price || found.days || !fen) return;
    setBusy(true);
    try {
      onDone(await quotesApi.answer(quote.id, { unitPriceFen: fen, validUntil: new Date(Date.now() + n * 86_400_000).toISOString() }));
    } catch (e) {
      setAlert(isApiError(e) ? e.detail : '报价失败');
      setBusy(false);
    }
  };

  return (
    <Dialog title="报价" onClose={onClose} testId="quote-dialog">
      <p className="muted small dialog-body">{quote.enterpriseName} · {quote.productName} ×{quote.quantity}</p>
      <FormAlert message={alert} />
      <form onSubmit={submit} noValidate>
        <div className={`field${errors.price ? ' field-invalid' : ''}`}>
          <label htmlFor="quote-price">单价（元）</label>
          <input id="quote-price" inputMode="decimal" value={price} onChange={(e) => setPrice(e.target.value)} aria-invalid={errors.price ? true : undefined} aria-describedby={describedBy('quote-price', errors.price)} />
          <p className={errors.price ? 'field-error' : 'field-error field-error-reserved'} id="quote-price-error" data-testid="error-quote-price">{errors.price ?? ''}</p>
        </div>
        <div className={`field${errors.days ? ' field-invalid' : ''}`}>
          <label htmlFor="quote-days">有效天数（1-90）</label>
          <input id="quote-days" inputMode="numeric" value={days} onChange={(e) => setDays(e.target.value)} aria-invalid={errors.days ? true : undefined} aria-describedby={describedBy('quote-days', errors.days)} />
          <p className={errors.days ? 'field-error' : 'field-error field-error-reserved'} id="quote-days-error" data-testid="error-quote-days">{errors.days ?? ''}</p>
        </div>
        <div className="dialog-actions">
          <button type="button" className="btn btn-ghost" onClick={onClose} data-testid="dialog-cancel">取消</button>
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="dialog-submit">提交报价</button>
        </div>
      </form>
    </Dialog>
  );
}
