import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { makeUser, renderWithAuth } from '../../test/renderWithAuth';
import { ProductBuyBox } from './ProductBuyBox';

const me = makeUser(['VIEWER'], { id: 7 });

describe('ProductBuyBox', () => {
  it('orders an on-sale product and opens the new order', async () => {
    const posts: RequestInit[] = [];
    renderWithAuth(
      <Routes>
        <Route path="/p" element={<ProductBuyBox product={{ id: 9, priceFen: 1999, stock: 3, status: 'ON_SALE' }} />} />
        <Route path="/orders/:id" element={<p data-testid="order-page">order</p>} />
      </Routes>,
      me, '/p',
      async (input, init) => {
        if (String(input) === '/api/orders') {
          posts.push(init!);
          return Response.json({ id: 77, status: 'CREATED' }, { status: 201 });
        }
        return Response.json(me);
      },
    );
    expect(screen.getByText('库存 3 件')).toBeTruthy();
    fireEvent.click(screen.getByTestId('buy-open'));
    fireEvent.click(screen.getByLabelText('增加'));
    fireEvent.click(screen.getByLabelText('增加'));
    expect((screen.getByLabelText('增加') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('buy-submit'));
    expect(screen.getByTestId('error-recipient-phone').textContent).toBe('请填写有效的手机号');
    expect(posts).toHaveLength(0);
    fireEvent.change(screen.getByLabelText('收货人'), { target: { value: '王五' } });
    fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '13700000000' } });
    fireEvent.change(screen.getByLabelText('收货地址'), { target: { value: '宝鸡市' } });
    expect(screen.getByTestId('buy-submit').textContent).toContain('¥59.97');
    fireEvent.click(screen.getByTestId('buy-submit'));
    await waitFor(() => expect(screen.getByTestId('order-page')).toBeTruthy());
    expect(JSON.parse(String(posts[0].body))).toMatchObject({ productId: 9, quantity: 3 });
    expect(JSON.parse(localStorage.getItem('livehall.recipient')!)).toEqual({ name: '王五', phone: '13700000000', address: '宝鸡市' });
  });

  it('offers nothing to buy when the product is off the shelf', () => {
    renderWithAuth(<ProductBuyBox product={{ id: 9, priceFen: 1999, stock: 3, status: 'OFF_SHELF' }} />, me);
    expect(screen.getByText('未上架')).toBeTruthy();
    expect(screen.queryByTestId('buy-open')).toBeNull();
  });
});
