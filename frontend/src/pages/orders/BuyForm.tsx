import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Order, Recipient } from '../../api/orders';
import { ApiError } from '../../api/errors';
import { FormAlert, TextField } from '../../components/Field';
import { formatFen } from '../../lib/format';
import { BuyAttempt, buyErrorText, lastOrderRecipient, loadRecipient, recipientErrors, saveRecipient } from './buying';

interface Props {
  unitPriceFen: number;
  /** Largest quantity allowed (per-buyer limit, stock). */
  maxQuantity: number;
  /** Places the order with this Idempotency-Key. */
  submit: (quantity: number, recipient: Recipient, idempotencyKey: string) => Promise<Order>;
  onPlaced: (order: Order) => void;
  /** Per-buyer limit, for the refusal text. */
  limit?: number;
  submitLabel?: string;
  /**
   * Fill the recipient from the account's newest order (GET /api/orders?limit=1) once it arrives, unless the buyer
   * already typed; until then, and when the account has none, what this device remembers.
   */
  rememberFromServer?: boolean;
}

/** Quantity and delivery details (remembered on this device), then one order per attempt. */
export function BuyForm({
  unitPriceFen, maxQuantity, submit, onPlaced, limit, submitLabel = '提交订单', rememberFromServer = false,
}: Props) {
  const [quantity, setQuantity] = useState(1);
  const [recipient, setRecipient] = useState<Recipient>(loadRecipient);
  const [errors, setErrors] = useState<Partial<Record<keyof Recipient, string>>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const attempt = useRef(new BuyAttempt());
  const typed = useRef(false);
  const max = Math.max(1, maxQuantity);

  useEffect(() => {
    if (!rememberFromServer) return;
    const ctl = new AbortController();
    void lastOrderRecipient(ctl.signal).then((r) => {
      if (r && !typed.current && !ctl.signal.aborted) setRecipient(r);
    });
    return () => ctl.abort();
  }, [rememberFromServer]);

  const set = (field: keyof Recipient) => (value: string) => {
    typed.current = true;
    setRecipient((r) => ({ ...r, [field]: value }));
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const found = recipientErrors(recipient);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const clean = { name: recipient.name.trim(), phone: recipient.phone.trim(), address: recipient.address.trim() };
    const key = attempt.current.keyFor({ quantity, clean });
    setBusy(true);
    setAlert(null);
    try {
      const order = await submit(quantity, clean, key);
      attempt.current.settle();
      saveRecipient(clean);
      onPlaced(order);
    } catch (err) {
      attempt.current.settle(err);
      if (err instanceof ApiError && err.hasFieldErrors) {
        setErrors({
          name: err.fieldError('recipient.name'),
          phone: err.fieldError('recipient.phone'),
          address: err.fieldError('recipient.address'),
        });
      }
      setAlert(buyErrorText(err, limit));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="buy-form" onSubmit={onSubmit} noValidate data-testid="buy-form">
      <FormAlert message={alert} />
      <div className="buy-quantity">
        <span>数量</span>
        <button type="button" className="btn btn-ghost btn-sm" aria-label="减少" disabled={quantity <= 1}
          onClick={() => setQuantity((q) => Math.max(1, q - 1))}>
          −
        </button>
        <span data-testid="buy-quantity">{quantity}</span>
        <button type="button" className="btn btn-ghost btn-sm" aria-label="增加" disabled={quantity >= max}
          onClick={() => setQuantity((q) => Math.min(max, q + 1))}>
          +
        </button>
        <span className="muted small">{limit ? `每人限购 ${limit} 件` : `最多 ${max} 件`}</span>
      </div>
      <TextField id="recipient-name" label="收货人" value={recipient.name} onChange={set('name')} error={errors.name}
        autoComplete="name" maxLength={40} />
      <TextField id="recipient-phone" label="手机号" type="tel" inputMode="tel" value={recipient.phone}
        onChange={set('phone')} error={errors.phone} autoComplete="tel" maxLength={11} />
      <TextField id="recipient-address" label="收货地址" value={recipient.address} onChange={set('address')}
        error={errors.address} autoComplete="street-address" maxLength={200} />
      <button type="submit" className="btn btn-primary btn-block" disabled={busy} data-testid="buy-submit">
        {busy ? '提交中…' : `${submitLabel} · ${formatFen(unitPriceFen * quantity)}`}
      </button>
    </form>
  );
}

/** After an order: go to its page (payment instructions). */
export function useGoToOrder() {
  const navigate = useNavigate();
  return (order: Order) => navigate(`/orders/${order.id}`);
}
