import { useState } from 'react';
import type { FormEvent } from 'react';
import { isApiError } from '../../api/errors';
import { merchantOrdersApi } from '../../api/orders';
import type { Order } from '../../api/orders';
import { Dialog } from '../../components/Dialog';
import { describedBy, Field, FormAlert } from '../../components/Field';
import { CARRIERS, trackingNoError } from './carriers';

export type OrderAction = 'cancel' | 'confirm-payment' | 'ship';

interface Props {
  order: Order;
  action: OrderAction;
  /** The order after the change (the dialog closes). */
  onDone: (order: Order) => void;
  /** Closed without a change (取消, Esc, backdrop). */
  onClose: () => void;
}

const TITLES: Record<OrderAction, string> = {
  cancel: '取消订单',
  'confirm-payment': '确认收款',
  ship: '发货',
};

const REASON_MAX = 200;
const REFERENCE_MAX = 64;

/**
 * The merchant's order actions as dialogs (not window.prompt): cancel with an optional reason, confirm a payment
 * with its reference, ship with a carrier from the list and a tracking number. Closing the dialog changes nothing.
 * Field errors of the server are shown under their fields; the line for them is reserved.
 */
export function OrderActionDialog({ order, action, onDone, onClose }: Props) {
  const [reason, setReason] = useState('');
  const [reference, setReference] = useState('');
  const [carrier, setCarrier] = useState('');
  const [trackingNo, setTrackingNo] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const check = (): Record<string, string> => {
    const e: Record<string, string> = {};
    if (action === 'cancel' && reason.trim().length > REASON_MAX) e.reason = `取消原因最多 ${REASON_MAX} 个字`;
    if (action === 'confirm-payment') {
      if (!reference.trim()) e.reference = '请填写收款凭证号';
      else if (reference.trim().length > REFERENCE_MAX) e.reference = `收款凭证号最多 ${REFERENCE_MAX} 个字`;
    }
    if (action === 'ship') {
      if (!carrier) e.carrier = '请选择快递公司';
      const t = trackingNoError(trackingNo);
      if (t) e.trackingNo = t;
    }
    return e;
  };

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const found = check();
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setAlert(null);
    try {
      const updated =
        action === 'cancel'
          ? await merchantOrdersApi.cancel(order.id, reason.trim() || undefined)
          : action === 'confirm-payment'
            ? await merchantOrdersApi.confirmPayment(order.id, reference.trim())
            : await merchantOrdersApi.ship(order.id, carrier, trackingNo.trim());
      onDone(updated);
    } catch (e) {
      if (isApiError(e) && e.hasFieldErrors) setErrors(e.fieldErrors);
      setAlert(isApiError(e) ? e.detail : '操作失败，请稍后再试');
      setBusy(false);
    }
  };

  const line = (id: string) => (
    <p className={errors[id] ? 'field-error' : 'field-error field-error-reserved'} id={`${id}-error`} role={errors[id] ? 'alert' : undefined} data-testid={`error-${id}`}>
      {errors[id] ?? ''}
    </p>
  );

  return (
    <Dialog title={TITLES[action]} onClose={onClose} testId="order-dialog">
      <p className="muted small dialog-body">
        #{order.id} {order.productName} ×{order.quantity} · {order.recipientName}
      </p>
      <FormAlert message={alert} />
      <form onSubmit={submit} noValidate>
        {action === 'cancel' && (
          <div className={`field${errors.reason ? ' field-invalid' : ''}`}>
            <label htmlFor="reason">
              取消原因<span className="field-optional">（选填）</span>
            </label>
            <textarea id="reason" rows={3} value={reason} maxLength={REASON_MAX + 20} onChange={(e) => setReason(e.target.value)}
              placeholder="例如：买家要求取消、缺货" aria-invalid={errors.reason ? true : undefined}
              aria-describedby={describedBy('reason', errors.reason)} />
            {line('reason')}
            <p className="muted small">取消后库存退回，买家会收到通知。</p>
          </div>
        )}
        {action === 'confirm-payment' && (
          <div className={`field${errors.reference ? ' field-invalid' : ''}`}>
            <label htmlFor="reference">收款凭证号</label>
            <input id="reference" value={reference} onChange={(e) => setReference(e.target.value)} placeholder="转账流水号等"
              autoComplete="off" aria-invalid={errors.reference ? true : undefined} aria-describedby={describedBy('reference', errors.reference)} />
            {line('reference')}
          </div>
        )}
        {action === 'ship' && (
          <>
            <Field id="carrier" label="快递公司" error={undefined}>
              <select id="carrier" value={carrier} onChange={(e) => setCarrier(e.target.value)}
                aria-invalid={errors.carrier ? true : undefined} aria-describedby={describedBy('carrier', errors.carrier)}>
                <option value="" disabled>请选择快递公司</option>
                {CARRIERS.map((c) => <option key={c} value={c}>{c}</option>)}
              </select>
              {line('carrier')}
            </Field>
            <Field id="trackingNo" label="快递单号" error={undefined}>
              <input id="trackingNo" value={trackingNo} onChange={(e) => setTrackingNo(e.target.value)} autoComplete="off"
                autoCapitalize="characters" spellCheck={false} placeholder="例如 SF1234567890123" maxLength={40}
                aria-invalid={errors.trackingNo ? true : undefined} aria-describedby={describedBy('trackingNo', errors.trackingNo)} />
              {line('trackingNo')}
            </Field>
          </>
        )}
        <div className="dialog-actions">
          <button type="button" className="btn btn-ghost" onClick={onClose} data-testid="dialog-cancel">
            {action === 'cancel' ? '不取消' : '取消'}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="dialog-submit">
            {action === 'cancel' ? '确认取消订单' : action === 'confirm-payment' ? '确认收款' : '确认发货'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
