import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MerchantSummary } from '../../api/merchant';
import { makeUser, renderWithAuth } from '../../test/renderWithAuth';
import { MerchantsPanel } from './MerchantsPanel';

const organiser = makeUser(['VIEWER', 'ORGANISER']);

const merchantRow = (over: Partial<MerchantSummary> = {}): MerchantSummary => ({
  id: 3,
  displayName: '东裕茗茶',
  status: 'ACTIVE',
  enterprise: {
    id: 9, name: '西安东裕茶业有限公司', creditCode: '91610000MA6TEST01X', region: '西安市', industry: '食品',
    size: 'SMALL', tier: 'NONE', createdAt: '2026-11-01T00:00:00Z',
  } as MerchantSummary['enterprise'],
  applicationId: 1,
  agreementsAccepted: true,
  trading: true,
  liveAllowance: 1,
  createdAt: '2026-11-02T00:00:00Z',
  updatedAt: '2026-11-02T00:00:00Z',
  ...over,
});

function renderPanel() {
  const puts: Array<[string, unknown]> = [];
  const view = renderWithAuth(<MerchantsPanel />, organiser, '/organiser', async (input, init) => {
    const url = new URL(String(input), 'http://localhost');
    if (init?.method === 'PUT') {
      const body = JSON.parse(String(init.body));
      puts.push([url.pathname, body]);
      return Response.json(merchantRow({ ...body }));
    }
    if (url.pathname === '/api/organiser/merchants') return Response.json({ items: [merchantRow()], next: null });
    return Response.json(organiser);
  });
  return { ...view, puts };
}

describe('MerchantsPanel', () => {
  it('sets how many sessions a merchant may have live at once', async () => {
    const { puts } = renderPanel();
    const select = (await screen.findByTestId('live-allowance')) as HTMLSelectElement;
    expect(select.value).toBe('1');
    fireEvent.change(select, { target: { value: '3' } });
    await waitFor(() => expect(puts).toEqual([['/api/organiser/merchants/3/live-allowance', { liveAllowance: 3 }]]));
    await waitFor(() => expect((screen.getByTestId('live-allowance') as HTMLSelectElement).value).toBe('3'));
  });

  it('asks in a dialog before suspending; dismissing it suspends nothing', async () => {
    const { puts } = renderPanel();
    const row = await screen.findByTestId('merchant-3');
    fireEvent.click(within(row).getByText('暂停'));
    const dialog = screen.getByRole('dialog', { name: '暂停「东裕茗茶」' });
    expect(dialog.textContent).toContain('正在进行的直播和秒杀立即结束');
    fireEvent.click(within(dialog).getByTestId('dialog-cancel'));
    expect(puts).toEqual([]);
    fireEvent.click(within(row).getByText('暂停'));
    fireEvent.click(within(screen.getByRole('dialog')).getByTestId('dialog-confirm'));
    await waitFor(() => expect(puts).toEqual([['/api/organiser/merchants/3/status', { status: 'SUSPENDED' }]]));
  });
});
