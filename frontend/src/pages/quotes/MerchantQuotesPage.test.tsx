import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Quote } from '../../api/orders';
import { makeUser, renderWithAuth } from '../../test/renderWithAuth';
import { MerchantQuotesPage } from './MerchantQuotesPage';

const merchant = makeUser(['VIEWER', 'MERCHANT']);
const quote: Quote = {
  id: 4, buyerId: 9, buyerName: '王五', enterpriseId: 2, enterpriseName: '陕西集团', merchantId: 3, productId: 5,
  productName: '紫阳富硒茶 200g', quantity: 100, note: '', status: 'REQUESTED', unitPriceFen: null, totalFen: null,
  validUntil: null, answerNote: null, answeredAt: null, createdAt: '2026-11-23T04:05:06Z', orderId: null,
};

describe('MerchantQuotesPage', () => {
  it('answers a quote in a dialog with a checked price and validity; dismissing it answers nothing', async () => {
    const posts: unknown[] = [];
    renderWithAuth(<MerchantQuotesPage />, merchant, '/merchant/quotes', async (input, init) => {
      if (init?.method === 'POST') {
        posts.push(JSON.parse(String(init.body)));
        return Response.json({ ...quote, status: 'ANSWERED', unitPriceFen: 9900, validUntil: '2026-11-30T04:05:06Z' });
      }
      if (String(input).startsWith('/api/merchant/quotes')) return Response.json({ items: [quote], next: null });
      return Response.json(merchant);
    });
    fireEvent.click(await screen.findByTestId('answer-quote'));
    fireEvent.keyDown(screen.getByRole('dialog', { name: '报价' }), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();

    fireEvent.click(screen.getByTestId('answer-quote'));
    const dialog = screen.getByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('单价（元）'), { target: { value: '9.999' } });
    fireEvent.change(within(dialog).getByLabelText('有效天数（1-90）'), { target: { value: '91' } });
    fireEvent.click(within(dialog).getByTestId('dialog-submit'));
    expect(screen.getByTestId('error-quote-price').textContent).toContain('请填写有效的单价');
    expect(screen.getByTestId('error-quote-days').textContent).toBe('有效天数为 1-90 天');
    expect(posts).toEqual([]);

    fireEvent.change(within(dialog).getByLabelText('单价（元）'), { target: { value: '99' } });
    fireEvent.change(within(dialog).getByLabelText('有效天数（1-90）'), { target: { value: '7' } });
    fireEvent.click(within(dialog).getByTestId('dialog-submit'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({ unitPriceFen: 9900 });
    expect(screen.getByText(/报价 ¥99/)).toBeTruthy();
  });
});
