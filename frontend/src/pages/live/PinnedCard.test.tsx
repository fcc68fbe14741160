import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { PinnedProduct } from '../../api/live';
import { buyServer, order } from '../../test/buyServer';
import { makeUser, renderWithAuth } from '../../test/renderWithAuth';
import { PinnedCard } from './PinnedCard';

const me = makeUser(['VIEWER'], { id: 7 });
const pinned: PinnedProduct = { sessionId: 42, productId: 7, name: '东裕绿茶', priceFen: 12800, coverFileId: null };

/** The room's pinned topic, driven by buttons. */
function Host() {
  const [now, setNow] = useState<PinnedProduct | null>(pinned);
  return (
    <>
      <button type="button" onClick={() => setNow({ ...pinned, productId: 8, name: '白瓷茶杯' })}>pin cup</button>
      <button type="button" onClick={() => setNow(null)}>unpin</button>
      <PinnedCard pinned={now} />
    </>
  );
}

describe('PinnedCard', () => {
  it('renders nothing when nothing is pinned', () => {
    renderWithAuth(<PinnedCard pinned={null} />, me, '/live/42', buyServer({ user: me }).handler);
    expect(screen.queryByTestId('pinned-card')).toBeNull();
  });

  it('opens the buy sheet for the pinned product and credits the order to the session', async () => {
    const server = buyServer({ user: me, lastOrder: order() });
    renderWithAuth(<PinnedCard pinned={pinned} />, me, '/live/42', server.handler);
    expect(screen.getByTestId('pinned-name').textContent).toBe('东裕绿茶');
    expect(screen.queryByTestId('buy-sheet')).toBeNull();
    fireEvent.click(screen.getByTestId('pinned-buy'));
    expect(screen.getByTestId('buy-sheet-name').textContent).toBe('东裕绿茶');
    await waitFor(() => expect((screen.getByLabelText('收货人') as HTMLInputElement).value).toBe('王五'));
    fireEvent.click(screen.getByTestId('buy-submit'));
    await waitFor(() => expect(screen.getByTestId('buy-sheet-done')).toBeTruthy());
    expect(JSON.parse(String(server.posts()[0].init?.body))).toMatchObject({ productId: 7, sessionId: 42, quantity: 1 });
  });

  it('keeps an open sheet when the host pins another product or unpins', () => {
    renderWithAuth(<Host />, me, '/live/42', buyServer({ user: me }).handler);
    fireEvent.click(screen.getByTestId('pinned-buy'));
    fireEvent.click(screen.getByText('pin cup'));
    expect(screen.getByTestId('pinned-name').textContent).toBe('白瓷茶杯');
    expect(screen.getByTestId('buy-sheet-name').textContent).toBe('东裕绿茶');
    fireEvent.click(screen.getByText('unpin'));
    expect(screen.queryByTestId('pinned-card')).toBeNull();
    expect(screen.getByTestId('buy-sheet-name').textContent).toBe('东裕绿茶');
    fireEvent.click(screen.getByTestId('buy-sheet-close'));
    expect(screen.queryByTestId('buy-sheet')).toBeNull();
  });
});
