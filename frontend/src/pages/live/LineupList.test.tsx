import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { LineupItem } from '../../api/live';
import { buyServer, product } from '../../test/buyServer';
import { makeUser, renderWithAuth } from '../../test/renderWithAuth';
import { LineupList } from './LineupList';

const me = makeUser(['VIEWER'], { id: 7 });
const lineup: LineupItem[] = [
  { productId: 7, name: '东裕绿茶', priceFen: 12800, coverFileId: null, onSale: true },
  { productId: 8, name: '白瓷茶杯', priceFen: 3900, coverFileId: 21, onSale: true },
  { productId: 9, name: '旧款茶饼', priceFen: 5000, coverFileId: null, onSale: false },
];

describe('LineupList', () => {
  it('gives every product on sale a buy button, none to one taken off sale', () => {
    renderWithAuth(<LineupList sessionId={42} lineup={lineup} pinnedId={7} />, me, '/live/42', buyServer({ user: me }).handler);
    const tiles = screen.getAllByTestId('lineup-item');
    expect(tiles).toHaveLength(3);
    expect(tiles.map((t) => t.querySelector('[data-testid="lineup-buy"]')?.getAttribute('aria-label') ?? null))
      .toEqual(['购买 东裕绿茶', '购买 白瓷茶杯', null]);
    expect(tiles[2].textContent).toContain('已下架');
    expect(tiles[0].textContent).toContain('讲解中');
  });

  it('opens the sheet of the tapped tile with its picture and stock', async () => {
    const server = buyServer({ user: me, product: product({ id: 8, name: '白瓷茶杯', priceFen: 3900, stock: 4 }) });
    renderWithAuth(<LineupList sessionId={42} lineup={lineup} pinnedId={7} />, me, '/live/42', server.handler);
    fireEvent.click(screen.getAllByTestId('lineup-buy')[1]);
    expect(screen.getByTestId('buy-sheet-name').textContent).toBe('白瓷茶杯');
    expect(screen.getByTestId('buy-sheet-price').textContent).toBe('¥39.00');
    expect(screen.getByTestId('buy-sheet').querySelector('img')?.getAttribute('src')).toBe('/api/files/21');
    await waitFor(() => expect(screen.getByTestId('buy-sheet-stock').textContent).toBe('库存 4 件'));
    expect(server.calls.some((c) => c.url === '/api/products/8')).toBe(true);
    for (let i = 0; i < 6; i++) fireEvent.click(screen.getByLabelText('增加'));
    expect(screen.getByTestId('buy-quantity').textContent).toBe('4');
  });

  it('renders nothing for an empty lineup', () => {
    renderWithAuth(<LineupList sessionId={42} lineup={[]} pinnedId={null} />, me, '/live/42', buyServer({ user: me }).handler);
    expect(screen.queryByTestId('lineup')).toBeNull();
  });
});
