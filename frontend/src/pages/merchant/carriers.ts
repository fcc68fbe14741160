// Express carriers a merchant ships with: the mirror of io.livehall.showcase.order.Carriers (same names, same order).

export const CARRIERS = [
  '顺丰速运',
  '中国邮政 EMS',
  '京东物流',
  '中通快递',
  '圆通速递',
  '申通快递',
  '韵达快递',
  '极兔速递',
  '德邦快递',
  '邮政快递包裹',
  '百世快递',
  '跨越速运',
] as const;

const TRACKING_NO = /^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/;

/** Client-side check of a tracking number (the server checks the same): null when it looks right. */
export function trackingNoError(value: string): string | null {
  const v = value.trim();
  if (!v) return '请填写快递单号';
  if (v.length < 8 || v.length > 30) return '快递单号为 8-30 位';
  if (!TRACKING_NO.test(v)) return '快递单号只能包含字母、数字和连字符';
  return null;
}
