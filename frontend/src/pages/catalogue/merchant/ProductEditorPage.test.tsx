import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { makeUser, renderWithAuth } from '../../../test/renderWithAuth';
import { ProductEditorPage } from './ProductEditorPage';

const merchant = makeUser(['VIEWER', 'MERCHANT']);
const editor = (path: string, handler: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>) =>
  renderWithAuth(
    <Routes>
      <Route path="/merchant/products/new" element={<ProductEditorPage />} />
      <Route path="/merchant/products/:id/edit" element={<ProductEditorPage />} />
      <Route path="/merchant/products" element={<p>list</p>} />
    </Routes>,
    merchant,
    path,
    handler,
  );

const fill = () => {
  fireEvent.change(screen.getByLabelText('商品名称'), { target: { value: ' 格兰纳护肤套装 ' } });
  fireEvent.change(screen.getByLabelText('品类'), { target: { value: 'CULTURAL_CREATIVE' } });
  fireEvent.change(screen.getByLabelText('产地（陕西省）'), { target: { value: '咸阳市' } });
  fireEvent.change(screen.getByLabelText('价格（元）'), { target: { value: '128.8' } });
  fireEvent.change(screen.getByLabelText('库存（件）'), { target: { value: '30' } });
  fireEvent.click(screen.getByLabelText('社群分销'));
};

describe('ProductEditorPage', () => {
  it('checks the form before sending anything', async () => {
    const { fetch } = editor('/merchant/products/new', async () => Response.json(merchant));
    fireEvent.click(await screen.findByRole('button', { name: '保存' }));
    expect(screen.getByTestId('error-name').textContent).toBe('请填写商品名称');
    expect(screen.getByTestId('error-price').textContent).toBe('请填写价格');
    expect(screen.getByTestId('form-alert').textContent).toBe('请检查标注的字段');
    // the message comes under the button: nothing above the pointer moves
    const order = screen.getByRole('button', { name: '保存' }).compareDocumentPosition(screen.getByTestId('form-alert'));
    expect(order & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(fetch.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);
  });

  it('creates a draft with the price in fen and goes back to the list', async () => {
    const { fetch } = editor('/merchant/products/new', async (_input, init) =>
      init?.method === 'POST' ? Response.json({ id: 9 }, { status: 201 }) : Response.json(merchant),
    );
    fill();
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await screen.findByText('list');
    const post = fetch.mock.calls.find(([, init]) => init?.method === 'POST')!;
    expect(post[0]).toBe('/api/merchant/products');
    expect(JSON.parse(post[1]!.body as string)).toEqual({
      name: '格兰纳护肤套装',
      category: 'CULTURAL_CREATIVE',
      region: '咸阳市',
      description: '',
      priceFen: 12880,
      stock: 30,
      channels: ['SOCIAL_DISTRIBUTION'],
      imageIds: [],
    });
  });

  it('shows server field errors and offers a reload after a version conflict', async () => {
    const product = { id: 5, merchantId: 1, merchantName: 'x', name: '西凤酒', category: 'FAMOUS_QUALITY', region: '宝鸡市',
      description: '', priceFen: 16800, stock: 3, channels: [], status: 'ON_SALE', images: [], version: 4,
      createdAt: '', updatedAt: '' };
    const { fetch } = editor('/merchant/products/5/edit', async (input, init) => {
      if (init?.method === 'PUT') {
        return new Response(JSON.stringify({ type: 'https://livehall.io/problems/version-conflict', status: 409,
          detail: '商品已被修改（可能有新订单扣减了库存），请刷新后再保存', currentVersion: 5 }),
          { status: 409, headers: { 'Content-Type': 'application/problem+json' } });
      }
      return String(input) === '/api/merchant/products/5' ? Response.json(product) : Response.json(merchant);
    });
    expect(((await screen.findByLabelText('价格（元）')) as HTMLInputElement).value).toBe('168');
    fireEvent.change(screen.getByLabelText('库存（件）'), { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect((await screen.findByTestId('form-alert')).textContent).toContain('商品已被修改');
    const put = fetch.mock.calls.find(([, init]) => init?.method === 'PUT')!;
    expect(JSON.parse(put[1]!.body as string)).toMatchObject({ stock: 10, version: 4 });
    const loads = () => fetch.mock.calls.filter(([u, init]) => String(u) === '/api/merchant/products/5' && init?.method === 'GET');
    const before = loads().length;
    fireEvent.click(screen.getByTestId('reload'));
    await waitFor(() => expect(loads()).toHaveLength(before + 1));
    await waitFor(() => expect(screen.queryByTestId('form-alert')).toBeNull());
  });
});
