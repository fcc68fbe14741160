import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Invitation } from '../../../api/fairScreening';
import { makeUser } from '../../../test/renderWithAuth';
import { renderRoom } from '../../training/room/testRoom';
import { NamedInvitations } from './NamedInvitations';

const soon = new Date(Date.now() + 7 * 86_400_000).toISOString();
const named = (over: Partial<Invitation>): Invitation => ({
  id: 1, note: '芜湖链主', maxUses: 1, used: 0, createdAt: '2026-12-01T00:00:00Z', revokedAt: null,
  inviteeName: '芜湖链主', enterpriseId: null, contactPhone: '13912345678', contactEmail: null, expiresAt: soon,
  openedAt: null, registered: null, ...over,
});
const shared = named({ id: 9, note: '协会转发', maxUses: 5, inviteeName: null, contactPhone: null, expiresAt: null });

describe('NamedInvitations', () => {
  it('lists named invitations with their state, invites a known enterprise and revokes one', async () => {
    let list: Invitation[] = [
      named({ id: 2, inviteeName: '已报名企业', used: 1,
        registered: { participantId: 4, enterpriseName: '已报名企业', status: 'PENDING' } }),
      named({ id: 1, openedAt: '2026-12-02T00:00:00Z' }),
      shared,
    ];
    const { calls } = renderRoom(<NamedInvitations fairId={7} />, makeUser(['ORGANISER']), (m, p) => {
      if (p === '/api/organiser/fairs/7/invitations' && m === 'GET') return list;
      if (p === '/api/organiser/fairs/7/invitations/enterprises') return [{ id: 31, name: '合肥精铸科技有限公司', region: '安徽省合肥市' }];
      if (p === '/api/organiser/fairs/7/invitations/named') {
        const created = named({ id: 3, inviteeName: '合肥精铸科技有限公司', enterpriseId: 31 });
        list = [created, ...list];
        return { invitation: created, token: 'T'.repeat(32), path: `/fairs/7/register?invite=${'T'.repeat(32)}` };
      }
      if (p === '/api/organiser/fairs/7/invitations/1' && m === 'DELETE') {
        list = list.map((i) => (i.id === 1 ? { ...i, revokedAt: new Date().toISOString() } : i));
        return list;
      }
      return undefined;
    });
    await waitFor(() => expect(screen.getAllByTestId('named-invitation')).toHaveLength(2));
    const [registered, opened] = screen.getAllByTestId('named-invitation');
    expect(registered.textContent).toContain('已报名（已报名企业 · 待审核）');
    expect(within(registered).queryByRole('button', { name: /撤销/ })).toBeNull();
    expect(opened.textContent).toContain('已打开，未报名');
    expect(opened.textContent).toContain('13912345678');

    // a typed name needs a contact
    fireEvent.change(screen.getByLabelText(/或填写企业名称/), { target: { value: '某企业' } });
    await act(async () => fireEvent.click(screen.getByTestId('invite-named-create')));
    expect(screen.getByTestId('error-invite-phone').textContent).toBe('请填写联系电话或邮箱');
    expect(calls.some((c) => c.path.endsWith('/named'))).toBe(false);

    fireEvent.change(screen.getByLabelText(/从已知企业中选择/), { target: { value: '精铸' } });
    await waitFor(() => expect(screen.getByTestId('invite-known')).toBeTruthy());
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '合肥精铸科技有限公司 · 安徽省合肥市' })));
    expect(screen.getByTestId('invite-picked').textContent).toContain('合肥精铸科技有限公司');
    fireEvent.change(screen.getByLabelText(/有效天数/), { target: { value: '3' } });
    await act(async () => fireEvent.click(screen.getByTestId('invite-named-create')));
    await waitFor(() => expect(screen.getByTestId('invite-named-link').textContent).toContain(`/fairs/7/register?invite=${'T'.repeat(32)}`));
    expect(calls.find((c) => c.path.endsWith('/named'))!.body).toEqual({ enterpriseId: 31, validDays: 3 });
    expect(screen.getAllByTestId('named-invitation')).toHaveLength(3);

    await act(async () => fireEvent.click(screen.getByRole('button', { name: '撤销给 芜湖链主 的邀请' })));
    await waitFor(() => expect(screen.getAllByTestId('named-invitation')[2].textContent).toContain('已撤销'));
  });
});
