// A fake of the API calls buying in the live room makes (tests): the product, the buyer's last order, placing,
// payment instructions, the deal and the buyer's holding of it. Records every call.
import type { Product } from '../api/catalogue';
import type { DealHolding, FlashDeal, Order, PaymentInstructions } from '../api/orders';

export type Call = { url: string; method: string; init?: RequestInit };
type Answer = () => Promise<Response>;

export const problem = (status: number, code: string, detail: string): Answer => () =>
  Promise.resolve(new Response(JSON.stringify({ type: `https://livehall.io/problems/${code}`, status, detail }),
    { status, headers: { 'Content-Type': 'application/problem+json' } }));

export function product(over: Partial<Product> = {}): Product {
  return {
    id: 7, merchantId: 3, merchantName: '东裕茗茶', name: '东裕绿茶', category: 'FAMOUS_QUALITY', region: '陕西',
    description: '', priceFen: 12800, stock: 35, channels: ['LIVE_ECOMMERCE'], status: 'ON_SALE',
    images: [{ fileId: 11, url: '/api/files/11' }], version: 1,
    createdAt: '2026-11-23T04:00:00Z', updatedAt: '2026-11-23T04:00:00Z', ...over,
  };
}

export function order(over: Partial<Order> = {}): Order {
  return {
    id: 501, buyerId: 7, merchantId: 3, productId: 7, productName: '东裕绿茶', dealId: null, sessionId: 42, quoteId: null,
    quantity: 1, unitPriceFen: 12800, totalFen: 12800, status: 'CREATED', recipientName: '王五',
    recipientPhone: '13700000000', address: '西安市碑林区', paymentMethod: 'OFFLINE', paymentReference: null,
    payBy: '2026-11-23T05:00:00Z', paidAt: null, shippedAt: null, carrier: null, trackingNo: null, completedAt: null,
    cancelledAt: null, cancelReason: null, cancelledBy: null, createdAt: '2026-11-23T04:30:00Z', ...over,
  };
}

export function deal(over: Partial<FlashDeal> = {}): FlashDeal {
  const now = Date.now();
  return {
    id: 5, sessionId: 42, productId: 9, productName: '东裕茗茶 明前特级', listPriceFen: 9900, priceFen: 5900,
    quantity: 100, perBuyerLimit: 1, stockLeft: 100, startsAt: new Date(now - 1000).toISOString(),
    endsAt: new Date(now + 75_000).toISOString(), status: 'OPEN', at: new Date(now).toISOString(), ...over,
  };
}

export const payment = (orderId = 501): PaymentInstructions => ({
  orderId, method: 'OFFLINE', amountFen: 12800, payBy: '2026-11-23T05:00:00Z', title: '线下转账付款',
  text: '请转账至陕西东裕生态农业科技有限公司，备注订单号。', redirectUrl: null, qrCode: null,
});

export interface BuyServerOptions {
  /** What /api/me and unknown calls answer (null: 401). */
  user?: unknown;
  product?: Product;
  /** The buyer's newest order (GET /api/orders?limit=1); null: none. */
  lastOrder?: Order | null;
  /** Answers to POST /api/orders in turn; after them, a created order. */
  placing?: Answer[];
  placed?: Order;
  /** GET /api/flash-deals/{id}/mine answers, the last one repeated. */
  holdings?: DealHolding[];
  /** GET /api/live-sessions/{id}/flash-deal (undefined: 204). */
  currentDeal?: FlashDeal;
  /** Anything else (e.g. the session GET); undefined falls through. */
  other?: (url: string) => Response | undefined;
}

export function buyServer(o: BuyServerOptions = {}) {
  const calls: Call[] = [];
  const holdings = [...(o.holdings ?? [])];
  const handler = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    calls.push({ url, method, init });
    if (/^\/api\/flash-deals\/\d+\/mine$/.test(url)) {
      const h = holdings.length > 1 ? holdings.shift()! : holdings[0];
      return h ? Response.json(h) : new Response(null, { status: 404 });
    }
    if (/^\/api\/live-sessions\/\d+\/flash-deal$/.test(url)) {
      return o.currentDeal ? Response.json(o.currentDeal) : new Response(null, { status: 204 });
    }
    if (/^\/api\/products\/\d+$/.test(url)) return Response.json(o.product ?? product());
    if (url.startsWith('/api/orders?')) return Response.json({ items: o.lastOrder ? [o.lastOrder] : [], next: null });
    if (url === '/api/orders' && method === 'POST') {
      const next = (o.placing ?? []).shift();
      return next ? next() : Response.json(o.placed ?? order(), { status: 201 });
    }
    const pay = /^\/api\/orders\/(\d+)\/payment$/.exec(url);
    if (pay) return Response.json(payment(Number(pay[1])));
    const other = o.other?.(url);
    if (other) return other;
    return o.user ? Response.json(o.user) : new Response(null, { status: 401 });
  };
  return { calls, handler, posts: () => calls.filter((c) => c.url === '/api/orders' && c.method === 'POST') };
}
