import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import { buyServer, order, problem, product } from '../../test/buyServer';
import type { BuyServerOptions } from '../../test/buyServer';
import { makeUser, renderWithAuth } from '../../test/renderWithAuth';
import { RECIPIENT_KEY } from '../orders/buying';
import { BuySheet } from './BuySheet';
import type { SheetItem } from './BuySheet';

const me = makeUser(['VIEWER'], { id: 7 });
const tea: SheetItem = { productId: 7, name: '东裕绿茶', priceFen: 12800, coverFileId: null };

function Where() {
  return <p data-testid="where">{useLocation().pathname}</p>;
}

function renderSheet(item: SheetItem = tea, options: BuyServerOptions = {}, user = me as typeof me | null) {
  const server = buyServer({ user, ...options });
  const onClose = vi.fn();
  const onPlaced = vi.fn();
  const view = renderWithAuth(
    <Routes>
      <Route path="/live/:id" element={<><Where /><BuySheet sessionId={42} item={item} onClose={onClose} onPlaced={onPlaced} /></>} />
    </Routes>,
    user,
    '/live/42',
    server.handler,
  );
  return { ...view, ...server, onClose, onPlaced };
}

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

describe('BuySheet', () => {
  it('shows picture, price and stock, fills the recipient from the last order and confirms in place', async () => {
    localStorage.setItem(RECIPIENT_KEY, JSON.stringify({ name: '别的设备', phone: '13900000000', address: '别处' }));
    const { posts, onPlaced } = renderSheet(tea, { lastOrder: order() });
    expect(screen.getByRole('dialog').getAttribute('aria-label')).toBe('购买商品');
    expect(screen.getByTestId('buy-sheet-name').textContent).toBe('东裕绿茶');
    expect(screen.getByTestId('buy-sheet-price').textContent).toBe('¥128.00');
    await waitFor(() => expect(screen.getByTestId('buy-sheet-stock').textContent).toBe('库存 35 件'));
    expect(screen.getByTestId('buy-sheet').querySelector('img')?.getAttribute('src')).toBe('/api/files/11');
    await waitFor(() => expect(field('收货人').value).toBe('王五'));
    expect(field('手机号').value).toBe('13700000000');
    expect(field('收货地址').value).toBe('西安市碑林区');

    fireEvent.click(screen.getByLabelText('增加'));
    expect(screen.getByTestId('buy-quantity').textContent).toBe('2');
    expect(screen.getByTestId('buy-submit').textContent).toBe('确认下单 · ¥256.00');
    fireEvent.click(screen.getByTestId('buy-submit'));

    await waitFor(() => expect(screen.getByTestId('buy-sheet-done').textContent).toContain('下单成功'));
    const sent = posts();
    expect(sent).toHaveLength(1);
    expect((sent[0].init?.headers as Record<string, string>)['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(String(sent[0].init?.body))).toEqual({
      productId: 7, sessionId: 42, quantity: 2, recipient: { name: '王五', phone: '13700000000', address: '西安市碑林区' },
    });
    await waitFor(() => expect(screen.getByTestId('buy-sheet-payment').textContent).toContain('请转账至陕西东裕生态农业科技有限公司'));
    expect(screen.getByTestId('buy-sheet-order-link').getAttribute('href')).toBe('/orders/501');
    expect(screen.getByTestId('where').textContent).toBe('/live/42');
    expect(onPlaced).toHaveBeenCalledTimes(1);
    // remembered on this device too
    expect(JSON.parse(localStorage.getItem(RECIPIENT_KEY)!).name).toBe('王五');
  });

  it('falls back to the device when the account has no order yet, and never overwrites typing', async () => {
    localStorage.setItem(RECIPIENT_KEY, JSON.stringify({ name: '张三', phone: '13800138000', address: '西安市雁塔区' }));
    const { calls } = renderSheet(tea, { lastOrder: null });
    expect(field('收货人').value).toBe('张三');
    await waitFor(() => expect(calls.some((c) => c.url === '/api/orders?limit=1')).toBe(true));
    expect(field('收货人').value).toBe('张三');
  });

  it('keeps what the buyer typed when the last order arrives later', async () => {
    const { calls } = renderSheet(tea, { lastOrder: order() });
    fireEvent.change(field('收货人'), { target: { value: '赵六' } });
    await waitFor(() => expect(calls.some((c) => c.url === '/api/orders?limit=1')).toBe(true));
    await act(async () => {
      await new Promise((done) => setTimeout(done, 0));
    });
    expect(field('收货人').value).toBe('赵六');
  });

  it('shows the refusal of the server inside the sheet', async () => {
    renderSheet(tea, { lastOrder: order(), placing: [problem(409, 'merchant-suspended', '商家已暂停营业')] });
    await waitFor(() => expect(field('收货人').value).toBe('王五'));
    fireEvent.click(screen.getByTestId('buy-submit'));
    await waitFor(() => expect(screen.getByTestId('form-alert').textContent).toBe('该商家已暂停营业，暂时不能下单'));
    expect(screen.getByTestId('buy-sheet')).toBeTruthy();
    expect(screen.queryByTestId('buy-sheet-done')).toBeNull();
  });

  it('asks guests to log in and come back to the room', () => {
    renderSheet(tea, {}, null);
    const link = screen.getByTestId('buy-sheet-login-link');
    expect(link.textContent).toBe('登录后购买');
    expect(link.getAttribute('href')).toBe('/login?next=%2Flive%2F42');
    expect(screen.queryByTestId('buy-form')).toBeNull();
  });

  it('closes on the close button, the backdrop and Escape', () => {
    const { onClose } = renderSheet();
    fireEvent.click(screen.getByTestId('buy-sheet-close'));
    fireEvent.click(screen.getByTestId('buy-sheet-layer').querySelector('.sheet-backdrop')!);
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(3);
  });

  it('says why a product cannot be bought', async () => {
    renderSheet(tea, { product: product({ stock: 0 }) });
    await waitFor(() => expect(screen.getByTestId('buy-sheet-unavailable').textContent).toBe('暂时缺货'));
    expect(screen.queryByTestId('buy-form')).toBeNull();
  });

  it('sells a flash deal within the buyer\'s limit and the live stock', async () => {
    const dealItem = (over: Partial<NonNullable<SheetItem['deal']>> = {}): SheetItem => ({
      productId: 9, name: '明前特级', priceFen: 5900, listPriceFen: 9900, coverFileId: null,
      deal: { id: 5, status: 'OPEN', stockLeft: 3, perBuyerLimit: 5, left: 4, ...over },
    });
    let view = renderSheet(dealItem(), { lastOrder: order() });
    const { posts } = view;
    expect(screen.getByRole('dialog').getAttribute('aria-label')).toBe('秒杀下单');
    expect(screen.getByTestId('buy-sheet-stock').textContent).toBe('剩余 3 件 · 每人限购 5 件');
    await waitFor(() => expect(field('收货人').value).toBe('王五'));
    for (let i = 0; i < 5; i++) fireEvent.click(screen.getByLabelText('增加'));
    expect(screen.getByTestId('buy-quantity').textContent).toBe('3'); // the stock left bounds it
    fireEvent.click(screen.getByTestId('buy-submit'));
    await waitFor(() => expect(screen.getByTestId('buy-sheet-done')).toBeTruthy());
    expect(JSON.parse(String(posts()[0].init?.body))).toMatchObject({ dealId: 5, quantity: 3 });
    expect(JSON.parse(String(posts()[0].init?.body)).productId).toBeUndefined();

    for (const [over, says] of [[{ left: 0 }, '已达限购'], [{ stockLeft: 0 }, '手慢了，已抢光'], [{ status: 'ENDED' }, '秒杀已结束'],
      [{ status: 'UPCOMING' }, '秒杀尚未开始']] as const) {
      view.unmount();
      view = renderSheet(dealItem(over), { lastOrder: order() });
      expect(view.getByTestId('buy-sheet-unavailable').textContent).toBe(says);
      expect(view.queryByTestId('buy-form')).toBeNull();
    }
  });
});
