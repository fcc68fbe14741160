import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeUser, renderWithAuth } from '../../test/renderWithAuth';
import { MerchantPage } from './MerchantPage';
import { agreement, problem, profile } from './testData';

const merchant = makeUser(['VIEWER', 'MERCHANT']);

describe('MerchantPage agreements', () => {
  it('asks to sign the pending agreement in full and accepts it with the hash it showed', async () => {
    const signed = profile({
      trading: true,
      agreements: profile().agreements.map((s) => ({ ...s, accepted: true, acceptedAt: '2026-11-22T00:00:00Z', acceptedBy: '张三' })),
    });
    const { fetch } = renderWithAuth(<MerchantPage />, merchant, '/merchant', async (input) => {
      const url = String(input);
      if (url === '/api/merchant/profile') return Response.json(profile());
      if (url === '/api/merchant/agreements/1/accept') return Response.json(signed);
      return Response.json(merchant);
    });
    const card = await screen.findByTestId('agreement-ENTRY_AGREEMENT');
    expect(screen.getByTestId('trading-status').textContent).toBe('请先签署');
    expect(screen.queryByTestId('agreement-QUALITY_COMMITMENT')).toBeNull();
    expect(within(card).getByLabelText('进场协议（第 1 版） 全文').textContent).toBe('一、入驻企业……\n二、……');
    const button = within(card).getByRole('button', { name: '确认签署' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fireEvent.click(within(card).getByLabelText('我已阅读并同意《进场协议（第 1 版）》'));
    expect(button.disabled).toBe(false);
    fireEvent.click(button);

    await screen.findByTestId('all-accepted');
    expect(screen.getByTestId('trading-status').textContent).toBe('可经营');
    const accept = fetch.mock.calls.find(([url]) => url === '/api/merchant/agreements/1/accept')!;
    expect(accept[1]!.method).toBe('POST');
    expect(JSON.parse(accept[1]!.body as string)).toEqual({ textSha256: 'a'.repeat(64) });
  });

  it('reloads when the version shown is no longer the newest', async () => {
    let calls = 0;
    const newer = profile({
      agreements: [{ agreement: agreement({ id: 3, version: 2, title: '进场协议（第 2 版）' }), accepted: false, acceptedAt: null, acceptedBy: null }],
    });
    renderWithAuth(<MerchantPage />, merchant, '/merchant', async (input) => {
      const url = String(input);
      if (url === '/api/merchant/profile') return Response.json(calls++ === 0 ? profile() : newer);
      if (url.endsWith('/accept')) return problem(409, { detail: '该版本已不是最新版本，请阅读并确认第 2 版' });
      return Response.json(merchant);
    });
    const card = await screen.findByTestId('agreement-ENTRY_AGREEMENT');
    fireEvent.click(within(card).getByRole('checkbox'));
    fireEvent.click(within(card).getByRole('button', { name: '确认签署' }));
    await waitFor(() => expect(screen.getByText('进场协议（第 2 版）')).toBeTruthy());
  });

  it('tells a suspended merchant it cannot trade', async () => {
    renderWithAuth(<MerchantPage />, merchant, '/merchant', async (input) =>
      String(input) === '/api/merchant/profile'
        ? Response.json(profile({ status: 'SUSPENDED', agreements: [] }))
        : Response.json(merchant),
    );
    expect((await screen.findByTestId('trading-status')).textContent).toBe('已暂停');
    expect(screen.getByText(/已被组织方暂停/)).toBeTruthy();
  });
});
