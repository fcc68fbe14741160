import { useState } from 'react';
import type { FormEvent } from 'react';
import { quotesApi } from '../../api/orders';
import type { Quote } from '../../api/orders';
import { ApiError } from '../../api/errors';
import { Field, FormAlert } from '../../components/Field';

/** "集团采购询价" on a product page: quantity and a note; the merchant answers with a price. */
export function QuoteRequestForm({ productId, onAsked }: { productId: number; onAsked?: (q: Quote) => void }) {
  const [quantity, setQuantity] = useState('100');
  const [note, setNote] = useState('');
  const [alert, setAlert] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const q = Number(quantity);
    if (!Number.isInteger(q) || q < 1) {
      setAlert('采购数量至少为 1');
      return;
    }
    try {
      const quote = await quotesApi.ask({ productId, quantity: q, note: note.trim() || undefined });
      setDone(true);
      onAsked?.(quote);
    } catch (err) {
      setAlert(err instanceof ApiError ? err.detail : '提交失败');
    }
  };

  if (done) return <p className="form-success">询价已提交，商家报价后可在“集团采购报价”中查看。</p>;
  return (
    <form onSubmit={onSubmit} noValidate className="quote-form">
      <FormAlert message={alert} />
      <Field id="quote-quantity" label="采购数量">
        <input id="quote-quantity" inputMode="numeric" value={quantity} onChange={(e) => setQuantity(e.target.value)} />
      </Field>
      <Field id="quote-note" label="需求说明" optional>
        <textarea id="quote-note" maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      <button type="submit" className="btn btn-primary btn-block">提交询价</button>
    </form>
  );
}
