import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeUser, renderWithAuth } from '../../../test/renderWithAuth';
import { MyListingsPage } from './MyListingsPage';
import { industries, listing } from './testData';

const member = makeUser(['VIEWER'], {
  enterprise: { id: 2, name: '合肥精铸汽车零部件有限公司', creditCode: '91340100MA2N0X1234', region: '合肥',
    industry: '汽车零部件', size: 'SMALL', tier: 'NONE', createdAt: '2026-01-01T00:00:00Z' },
});
const problem = (status: number, detail: string, errors?: Array<{ field: string; message: string }>) =>
  Response.json({ type: 'https://livehall.io/problems/x', title: 'x', status, detail, errors },
    { status, headers: { 'Content-Type': 'application/problem+json' } });

describe('MyListingsPage', () => {
  it('publishes a listing picked down to its group, in fen, and shows the server’s field errors on their fields', async () => {
    const posts: unknown[] = [];
    renderWithAuth(<MyListingsPage />, member, '/me/listings', async (input, init) => {
      const url = String(input);
      if (url.startsWith('/api/fair-industries')) return Response.json(industries);
      if (url.startsWith('/api/me/listings') && init?.method === 'POST') {
        const body = JSON.parse(String(init.body));
        posts.push(body);
        if (posts.length === 1) return problem(400, '请求参数有误', [{ field: 'keywords[0]', message: '每个关键词最多 20 字' }]);
        return Response.json(listing(8, { title: body.title }), { status: 201 });
      }
      if (url.startsWith('/api/me/listings')) return Response.json({ items: [listing(1)], next: null });
      return Response.json(member);
    });
    await waitFor(() => expect(screen.getAllByTestId('listing-card')).toHaveLength(1));
    expect(screen.getByTestId('listing-amount').textContent).toBe('10 万元 – 50 万元');

    fireEvent.click(screen.getByTestId('listing-new'));
    // nothing filled: the form tells what is missing without asking the server
    fireEvent.click(screen.getByTestId('listing-save'));
    expect(screen.getByTestId('error-listing-title').textContent).toBe('请填写标题');
    expect(screen.getByTestId('error-listing-category').textContent).toBe('请选择行业分类');
    expect(posts).toHaveLength(0);

    fireEvent.click(screen.getByTestId('side-DEMAND'));
    fireEvent.change(screen.getByLabelText('标题'), { target: { value: '采购铝合金压铸件' } });
    await waitFor(() => expect(screen.getByRole('option', { name: '制造业' })).toBeTruthy());
    fireEvent.change(screen.getByTestId('listing-category-section'), { target: { value: 'C' } });
    expect(screen.queryByTestId('listing-category-group')).toBeNull();
    fireEvent.change(screen.getByTestId('listing-category-division'), { target: { value: 'C36' } });
    fireEvent.change(screen.getByTestId('listing-category-group'), { target: { value: 'C367' } });
    fireEvent.change(screen.getByLabelText(/关键词/), { target: { value: '铝合金压铸，制动盘' } });
    fireEvent.change(screen.getByLabelText('地区'), { target: { value: '安徽省合肥市' } });
    fireEvent.change(screen.getByLabelText(/最低金额/), { target: { value: '20' } });
    fireEvent.change(screen.getByLabelText(/最高金额/), { target: { value: '40.5' } });
    fireEvent.click(screen.getByTestId('listing-save'));
    await waitFor(() => expect(screen.getByTestId('error-listing-keywords').textContent).toBe('每个关键词最多 20 字'));
    expect(posts[0]).toMatchObject({ side: 'DEMAND', title: '采购铝合金压铸件', category: 'C367',
      keywords: ['铝合金压铸', '制动盘'], region: '安徽省合肥市', amountMinFen: 20_000_000, amountMaxFen: 40_500_000,
      quantity: null, fileIds: [] });

    fireEvent.click(screen.getByTestId('listing-save'));
    await waitFor(() => expect(screen.getAllByTestId('listing-card')).toHaveLength(2));
    expect(screen.queryByTestId('listing-form')).toBeNull();
  });

  it('withdraws after asking, and offers no edit on a withdrawn listing', async () => {
    renderWithAuth(<MyListingsPage />, member, '/me/listings', async (input, init) => {
      const url = String(input);
      if (url.startsWith('/api/fair-industries')) return Response.json(industries);
      if (url.endsWith('/withdraw') && init?.method === 'POST') return Response.json(listing(1, { status: 'WITHDRAWN', active: false }));
      if (url.startsWith('/api/me/listings')) return Response.json({ items: [listing(1)], next: null });
      return Response.json(member);
    });
    await waitFor(() => expect(screen.getByTestId('listing-withdraw')).toBeTruthy());
    fireEvent.click(screen.getByTestId('listing-withdraw'));
    fireEvent.click(within(screen.getByTestId('confirm-dialog')).getByTestId('dialog-confirm'));
    await waitFor(() => expect(screen.getByTestId('listing-card').textContent).toContain('已撤回'));
    expect(screen.queryByTestId('listing-edit')).toBeNull();
  });

  it('tells someone of no enterprise how to publish', () => {
    renderWithAuth(<MyListingsPage />, makeUser(['VIEWER']), '/me/listings');
    expect(screen.getByTestId('no-enterprise').textContent).toContain('企业身份');
  });
});
