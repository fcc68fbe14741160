import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import type { Product } from '../../api/catalogue';
import { renderWithAuth } from '../../test/renderWithAuth';
import { ProductPage } from './ProductPage';

const product: Product = {
  id: 42,
  merchantId: 3,
  merchantName: '东裕茗茶',
  name: '汉中仙毫 明前特级',
  category: 'FAMOUS_QUALITY',
  region: '汉中市',
  description: '明前采摘，一芽一叶',
  priceFen: 29900,
  stock: 12,
  channels: ['LIVE_ECOMMERCE', 'COMMUNITY_GROUP_BUY'],
  status: 'ON_SALE',
  images: [{ fileId: 7, url: '/api/files/7' }, { fileId: 8, url: '/api/files/8' }],
  version: 3,
  createdAt: '2026-11-23T04:05:06Z',
  updatedAt: '2026-11-23T04:05:06Z',
};

const page = (id: string, handler: () => Promise<Response>) =>
  renderWithAuth(<Routes><Route path="/products/:id" element={<ProductPage />} /></Routes>, null, `/products/${id}`, handler);

describe('ProductPage', () => {
  it('shows price, stock, channels, merchant, gallery and the buy box', async () => {
    const { fetch } = page('42', async () => Response.json(product));
    expect((await screen.findByTestId('product-price')).textContent).toBe('¥299');
    expect(fetch.mock.calls[0][0]).toBe('/api/products/42');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('汉中仙毫 明前特级');
    expect(screen.getByTestId('product-stock').textContent).toBe('12 件');
    expect(screen.getByText('电商直播')).toBeTruthy();
    expect(screen.getByText('社区团购')).toBeTruthy();
    expect(screen.getByTestId('product-merchant').getAttribute('href')).toBe('/products?merchant=3');
    expect(screen.getByTestId('gallery').querySelectorAll('img')).toHaveLength(3);
    expect(screen.getByText('明前采摘，一芽一叶')).toBeTruthy();
    expect(screen.getByTestId('product-buy-box')).toBeTruthy();
  });

  it('says when a product is off the shelf or sold out', async () => {
    page('42', async () => Response.json({ ...product, status: 'OFF_SHELF', stock: 0 }));
    expect((await screen.findByRole('status')).textContent).toBe('该商品已下架');
    expect(screen.getByTestId('product-stock').textContent).toBe('已售罄');
  });

  it('tells a visitor when there is no such product', async () => {
    page('404', async () =>
      new Response(JSON.stringify({ status: 404, detail: '商品不存在' }), {
        status: 404,
        headers: { 'Content-Type': 'application/problem+json' },
      }),
    );
    expect((await screen.findByTestId('product-error')).textContent).toContain('商品不存在或未上架');
  });
});
