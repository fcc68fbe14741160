import { useState } from 'react';
import type { FormEvent } from 'react';
import { flashDealsApi } from '../../api/orders';
import type { FlashDeal } from '../../api/orders';
import { ApiError } from '../../api/errors';
import { Field, FormAlert } from '../../components/Field';

export interface DealProductOption {
  id: number;
  name: string;
  priceFen: number;
  stock: number;
}

interface Props {
  sessionId: number;
  products: DealProductOption[];
  onOpened?: (deal: FlashDeal) => void;
}

/** yuan text → fen, or null: "59.9" → 5990 */
export function yuanToFen(text: string): number | null {
  if (!/^\d+(\.\d{1,2})?$/.test(text.trim())) return null;
  return Math.round(Number(text.trim()) * 100);
}

/** The console's "open a flash deal" form: product, price, quantity, per-buyer limit, start, duration (10–300 s). */
export function OpenDealForm({ sessionId, products, onOpened }: Props) {
  const [productId, setProductId] = useState(products[0]?.id ?? 0);
  const [price, setPrice] = useState('');
  const [quantity, setQuantity] = useState('100');
  const [limit, setLimit] = useState('1');
  const [delay, setDelay] = useState('0');
  const [duration, setDuration] = useState('60');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    const priceFen = yuanToFen(price);
    const product = products.find((p) => p.id === productId);
    if (!product) found.productId = '请选择商品';
    if (priceFen === null || priceFen <= 0) found.priceFen = '请填写秒杀价（元，最多两位小数）';
    else if (product && priceFen > product.priceFen) found.priceFen = '秒杀价不能高于商品原价';
    const q = Number(quantity);
    if (!Number.isInteger(q) || q < 1) found.quantity = '秒杀数量至少为 1';
    else if (product && q > product.stock) found.quantity = `库存只有 ${product.stock} 件`;
    const l = Number(limit);
    if (!Number.isInteger(l) || l < 1) found.perBuyerLimit = '每人限购至少为 1';
    const d = Number(duration);
    if (!Number.isInteger(d) || d < 10 || d > 300) found.durationSeconds = '持续时间为 10-300 秒';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const wait = Number(delay) || 0;
    setBusy(true);
    setAlert(null);
    try {
      const deal = await flashDealsApi.open({
        sessionId, productId, priceFen: priceFen!, quantity: q, perBuyerLimit: l, durationSeconds: d,
        startsAt: wait > 0 ? new Date(Date.now() + wait * 1000).toISOString() : undefined,
      });
      onOpened?.(deal);
    } catch (err) {
      if (err instanceof ApiError) {
        setErrors(err.fieldErrors);
        setAlert(err.detail);
      } else setAlert('发起失败');
    } finally {
      setBusy(false);
    }
  };

  const input = (id: string, label: string, value: string, set: (v: string) => void, hint?: string) => (
    <Field id={`deal-${id}`} label={label} error={errors[id]} hint={hint}>
      <input id={`deal-${id}`} inputMode="decimal" value={value} onChange={(e) => set(e.target.value)}
        aria-invalid={errors[id] ? true : undefined} />
    </Field>
  );

  return (
    <form className="open-deal-form" onSubmit={onSubmit} noValidate data-testid="open-deal-form">
      <FormAlert message={alert} />
      <Field id="deal-productId" label="商品" error={errors.productId}>
        <select id="deal-productId" value={productId} onChange={(e) => setProductId(Number(e.target.value))}>
          {products.map((p) => (
            <option key={p.id} value={p.id}>{p.name}（库存 {p.stock}）</option>
          ))}
        </select>
      </Field>
      {input('priceFen', '秒杀价（元）', price, setPrice)}
      {input('quantity', '秒杀数量', quantity, setQuantity, '从商品库存划出，结束后未售出的退回')}
      {input('perBuyerLimit', '每人限购', limit, setLimit)}
      {input('startsIn', '几秒后开始', delay, setDelay, '0 表示立即开始')}
      {input('durationSeconds', '持续秒数', duration, setDuration, '10-300 秒')}
      <button type="submit" className="btn btn-primary btn-block" disabled={busy} data-testid="open-deal-submit">
        {busy ? '发起中…' : '发起秒杀'}
      </button>
    </form>
  );
}
