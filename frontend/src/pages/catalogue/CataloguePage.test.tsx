import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ProductCard } from '../../api/catalogue';
import { useLocation } from 'react-router-dom';
import { renderWithAuth } from '../../test/renderWithAuth';
import { CataloguePage } from './CataloguePage';

function Where() {
  const location = useLocation();
  return <output data-testid="where">{location.search}</output>;
}

const card = (id: number, over: Partial<ProductCard> = {}): ProductCard => ({
  id,
  name: `商品${id}`,
  category: 'FAMOUS_QUALITY',
  region: '西安市',
  priceFen: 16800,
  soldOut: false,
  channels: ['LIVE_ECOMMERCE'],
  merchantId: 1,
  merchantName: '西凤酒业',
  coverUrl: `/api/files/${id}`,
  ...over,
});

const urls = (fetch: { mock: { calls: unknown[][] } }) => fetch.mock.calls.map(([url]) => String(url));

describe('CataloguePage', () => {
  it('shows cards and loads more with the keyset cursor', async () => {
    const { fetch } = renderWithAuth(<CataloguePage />, null, '/products', async (input) => {
      const url = String(input);
      if (url.includes('after=5')) return Response.json({ items: [card(4)], next: null });
      return Response.json({ items: [card(6), card(5, { soldOut: true, priceFen: 1250 })], next: '5' });
    });
    const first = await screen.findByTestId('product-card-6');
    expect(first.textContent).toContain('商品6');
    expect(first.textContent).toContain('¥168');
    expect(first.textContent).toContain('名优新特');
    expect(first.textContent).toContain('西凤酒业');
    expect(first.querySelector('a')!.getAttribute('href')).toBe('/products/6');
    expect(screen.getByTestId('product-card-5').textContent).toContain('已售罄');
    expect(screen.getByTestId('product-card-5').textContent).toContain('¥12.50');

    fireEvent.click(screen.getByTestId('load-more'));
    await screen.findByTestId('product-card-4');
    expect(urls(fetch)).toContain('/api/products?after=5&limit=20');
    expect(screen.queryByTestId('load-more')).toBeNull();
    expect(screen.getByText('已经到底了')).toBeTruthy();
  });

  it('turns chips, the price range and the search box into the query, starting from the first page', async () => {
    const { fetch } = renderWithAuth(<CataloguePage />, null, '/products', async () =>
      Response.json({ items: [], next: null }),
    );
    await screen.findByText('展厅还没有在售商品。');
    fireEvent.click(screen.getByRole('button', { name: '非遗' }));
    await waitFor(() => expect(urls(fetch)).toContain('/api/products?category=INTANGIBLE_HERITAGE&limit=20'));
    expect(screen.getByRole('button', { name: '非遗' }).getAttribute('aria-pressed')).toBe('true');

    fireEvent.click(screen.getByRole('button', { name: '电商直播' }));
    fireEvent.change(screen.getByLabelText('最低价（元）'), { target: { value: '10' } });
    fireEvent.change(screen.getByLabelText('最高价（元）'), { target: { value: '99.5' } });
    fireEvent.change(screen.getByPlaceholderText('搜索商品，如 西凤酒、茶、xfj'), { target: { value: ' 泥塑 ' } });
    fireEvent.click(screen.getByRole('button', { name: '搜索' }));
    await waitFor(() =>
      expect(urls(fetch)).toContain(
        '/api/products?category=INTANGIBLE_HERITAGE&channel=LIVE_ECOMMERCE&minPrice=1000&maxPrice=9950&q=%E6%B3%A5%E5%A1%91&limit=20',
      ),
    );
    expect(await screen.findByText('没有符合条件的商品，换个条件试试。')).toBeTruthy();

    fireEvent.click(screen.getAllByRole('button', { name: '全部' })[0]);
    await waitFor(() =>
      expect(urls(fetch).at(-1)).toBe('/api/products?channel=LIVE_ECOMMERCE&minPrice=1000&maxPrice=9950&q=%E6%B3%A5%E5%A1%91&limit=20'),
    );
  });

  it('refuses an inverted price range without calling the server', async () => {
    const { fetch } = renderWithAuth(<CataloguePage />, null, '/products', async () =>
      Response.json({ items: [card(1)], next: null }),
    );
    await screen.findByTestId('product-card-1');
    const before = fetch.mock.calls.length;
    fireEvent.change(screen.getByLabelText('最低价（元）'), { target: { value: '50' } });
    fireEvent.change(screen.getByLabelText('最高价（元）'), { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: '确定' }));
    expect((await screen.findByTestId('price-error')).textContent).toBe('最高价不能低于最低价');
    expect(fetch.mock.calls.length).toBe(before);
  });

  it('sorts by newest, sales and price (toggling up and down), kept in the URL, paging with the sort cursor', async () => {
    const { fetch } = renderWithAuth(
      <>
        <CataloguePage />
        <Where />
      </>,
      null,
      '/products?q=dyc&sort=sales',
      async (input) => {
        const url = String(input);
        if (url.includes('after=1000_5')) return Response.json({ items: [card(4, { priceFen: 2000 })], next: null });
        if (url.includes('sort=price_asc')) return Response.json({ items: [card(5, { priceFen: 1000 })], next: '1000_5' });
        return Response.json({ items: [card(6)], next: null });
      },
    );
    await screen.findByTestId('product-card-6');
    expect(urls(fetch)).toContain('/api/products?q=dyc&sort=sales&limit=20');
    const bar = screen.getByTestId('sort-bar');
    const pressed = () => Array.from(bar.querySelectorAll('[aria-pressed="true"]')).map((b) => b.textContent);
    expect(pressed()).toEqual(['销量']);

    fireEvent.click(screen.getByRole('button', { name: '价格' }));
    await screen.findByTestId('product-card-5');
    expect(screen.getByTestId('where').textContent).toBe('?q=dyc&sort=price_asc');
    expect(pressed()).toEqual(['价格 ↑']);
    fireEvent.click(screen.getByTestId('load-more'));
    await screen.findByTestId('product-card-4');
    expect(urls(fetch)).toContain('/api/products?q=dyc&sort=price_asc&after=1000_5&limit=20');

    fireEvent.click(screen.getByRole('button', { name: '价格 ↑' }));
    await waitFor(() => expect(urls(fetch).at(-1)).toBe('/api/products?q=dyc&sort=price_desc&limit=20'));
    expect(screen.getByTestId('where').textContent).toBe('?q=dyc&sort=price_desc');
    expect(pressed()).toEqual(['价格 ↓']);

    fireEvent.click(screen.getByRole('button', { name: '最新' }));
    await waitFor(() => expect(urls(fetch).at(-1)).toBe('/api/products?q=dyc&limit=20'));
    expect(screen.getByTestId('where').textContent).toBe('?q=dyc');
    expect(pressed()).toEqual(['最新']);
  });

  it('ignores an unknown sort in the URL and still says the hall is empty when only the order is set', async () => {
    const { fetch } = renderWithAuth(<CataloguePage />, null, '/products?sort=cheapest', async () =>
      Response.json({ items: [], next: null }),
    );
    await screen.findByText('展厅还没有在售商品。');
    expect(urls(fetch)).toContain('/api/products?limit=20');
    renderWithAuth(<CataloguePage />, null, '/products?sort=price_desc', async () => Response.json({ items: [], next: null }));
    await waitFor(() => expect(screen.getAllByText('展厅还没有在售商品。').length).toBe(2));
  });
});
