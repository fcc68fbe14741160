import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Product } from '../../../api/catalogue';
import { makeUser, renderWithAuth } from '../../../test/renderWithAuth';
import { MerchantProductsPage } from './MerchantProductsPage';

const merchant = makeUser(['VIEWER', 'MERCHANT']);
const product = (id: number, over: Partial<Product> = {}): Product => ({
  id,
  merchantId: 1,
  merchantName: '西凤酒业',
  name: `商品${id}`,
  category: 'FAMOUS_QUALITY',
  region: '宝鸡市',
  description: '',
  priceFen: 16800,
  stock: 10,
  channels: [],
  status: 'DRAFT',
  images: [],
  version: 1,
  createdAt: '2026-11-23T04:05:06Z',
  updatedAt: '2026-11-23T04:05:06Z',
  ...over,
});
const problem = (status: number, type: string, detail: string, errors?: unknown) =>
  new Response(JSON.stringify({ type: `https://livehall.io/problems/${type}`, status, detail, errors }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });

describe('MerchantProductsPage', () => {
  it('lists own products with their status and filters by status', async () => {
    const { fetch } = renderWithAuth(<MerchantProductsPage />, merchant, '/merchant/products', async (input) =>
      String(input).startsWith('/api/merchant/products')
        ? Response.json({ items: [product(2, { status: 'ON_SALE' }), product(1)], next: null })
        : Response.json(merchant),
    );
    const onSale = await screen.findByTestId('merchant-product-2');
    expect(onSale.textContent).toContain('在售');
    expect(onSale.textContent).toContain('¥168 · 库存 10');
    expect(within(onSale).getByRole('button', { name: '下架' })).toBeTruthy();
    const draft = screen.getByTestId('merchant-product-1');
    expect(within(draft).getByRole('button', { name: '上架' })).toBeTruthy();
    expect(within(draft).getByRole('button', { name: '删除' })).toBeTruthy();
    expect(within(draft).getByRole('link', { name: '编辑' }).getAttribute('href')).toBe('/merchant/products/1/edit');

    fireEvent.click(screen.getByRole('tab', { name: '已下架' }));
    await waitFor(() =>
      expect(fetch.mock.calls.map(([u]) => String(u))).toContain('/api/merchant/products?status=OFF_SHELF&limit=20'),
    );
  });

  it('publishes a product and shows 请先签署协议 when the agreements are missing', async () => {
    let agreed = false;
    renderWithAuth(<MerchantProductsPage />, merchant, '/merchant/products', async (input, init) => {
      const url = String(input);
      if (init?.method === 'POST' && url === '/api/merchant/products/1/publish') {
        return agreed
          ? Response.json(product(1, { status: 'ON_SALE', version: 2 }))
          : problem(403, 'agreements-not-accepted', '请先确认最新版本的进场协议和质量服务承诺');
      }
      if (url.startsWith('/api/merchant/products')) return Response.json({ items: [product(1)], next: null });
      return Response.json(merchant);
    });
    const row = await screen.findByTestId('merchant-product-1');
    fireEvent.click(within(row).getByRole('button', { name: '上架' }));
    expect((await screen.findByTestId('agreements-needed')).textContent).toContain('请先签署协议');
    expect(within(row).getByRole('alert').textContent).toBe('请先确认最新版本的进场协议和质量服务承诺');

    agreed = true;
    fireEvent.click(within(row).getByRole('button', { name: '上架' }));
    await waitFor(() => expect(within(row).getByRole('button', { name: '下架' })).toBeTruthy());
    expect(row.textContent).toContain('在售');
    expect(within(row).queryByRole('alert')).toBeNull();
  });

  it('shows why a product without images cannot go on sale', async () => {
    renderWithAuth(<MerchantProductsPage />, merchant, '/merchant/products', async (input, init) => {
      if (init?.method === 'POST') {
        return problem(409, 'images-required', '上架前请至少上传一张商品图片',
          [{ field: 'imageIds', message: '上架前请至少上传一张商品图片' }]);
      }
      return String(input).startsWith('/api/merchant/products')
        ? Response.json({ items: [product(1)], next: null })
        : Response.json(merchant);
    });
    const row = await screen.findByTestId('merchant-product-1');
    fireEvent.click(within(row).getByRole('button', { name: '上架' }));
    expect((await within(row).findByRole('alert')).textContent).toBe('上架前请至少上传一张商品图片');
    expect(screen.queryByTestId('agreements-needed')).toBeNull();
  });

  it('deletes a draft only after the dialog is confirmed', async () => {
    const { fetch } = renderWithAuth(<MerchantProductsPage />, merchant, '/merchant/products', async (input, init) => {
      if (init?.method === 'DELETE') return new Response(null, { status: 204 });
      return String(input).startsWith('/api/merchant/products')
        ? Response.json({ items: [product(1)], next: null })
        : Response.json(merchant);
    });
    const draft = await screen.findByTestId('merchant-product-1');
    fireEvent.click(within(draft).getByRole('button', { name: '删除' }));
    fireEvent.click(within(screen.getByRole('dialog', { name: '删除草稿' })).getByTestId('dialog-cancel'));
    expect(fetch.mock.calls.some(([, init]) => init?.method === 'DELETE')).toBe(false);
    expect(screen.getByTestId('merchant-product-1')).toBeTruthy();
    fireEvent.click(within(draft).getByRole('button', { name: '删除' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByTestId('dialog-confirm'));
    await waitFor(() => expect(screen.queryByTestId('merchant-product-1')).toBeNull());
  });
});
