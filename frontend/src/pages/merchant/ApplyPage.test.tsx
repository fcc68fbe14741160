import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { fakeRealtime } from '../../test/realtime';
import { makeUser, renderWithAuth } from '../../test/renderWithAuth';
import { ApplyPage } from './ApplyPage';
import { application, enterprise } from './testData';

const openRounds = [{ id: 4, name: '第二批遴选', quota: 20, opensAt: '2026-11-01T00:00:00Z', closesAt: '2026-12-31T00:00:00Z' }];

function answer(user: ReturnType<typeof makeUser>, mine: unknown[]) {
  return async (input: RequestInfo | URL) => {
    const url = String(input);
    if (url === '/api/applications/mine') return Response.json(mine);
    if (url === '/api/rounds/open') return Response.json(openRounds);
    return Response.json(user);
  };
}

let realtime: ReturnType<typeof fakeRealtime>;
const page = (): ReactElement => {
  realtime = fakeRealtime();
  return <>{realtime.wrap(<ApplyPage />)}</>;
};

describe('ApplyPage', () => {
  it('asks a user without an enterprise to add one and offers no form', async () => {
    const user = makeUser(['VIEWER']);
    renderWithAuth(page(), user, '/apply', answer(user, []));
    expect((await screen.findByTestId('no-enterprise')).textContent).toContain('请先补充企业信息');
    expect(screen.queryByTestId('application-form')).toBeNull();
  });

  it('lists my applications with status, reason and history, and opens the revision form', async () => {
    const user = makeUser(['VIEWER'], { enterprise });
    const changes = application({
      status: 'CHANGES_REQUESTED',
      decisionReason: '请补充商标注册证',
      history: [
        ...application().history,
        { from: 'SUBMITTED', to: 'CHANGES_REQUESTED', reason: '请补充商标注册证', actorId: 0, actorName: '组织方', at: '2026-11-21T02:00:00Z' },
      ],
    });
    renderWithAuth(page(), user, '/apply', answer(user, [changes]));
    const card = await screen.findByTestId('application-11');
    expect(within(card).getByTestId('status-badge').textContent).toBe('需补充材料');
    expect(within(card).getByTestId('decision-reason').textContent).toBe('需补充：请补充商标注册证');
    expect(within(card).getAllByRole('listitem').map((li) => li.textContent).join()).toContain('待审核 → 需补充材料');
    expect(within(card).getByText('营业执照.pdf')).toBeTruthy();
    fireEvent.click(within(card).getByTestId('revise'));
    expect((within(card).getByLabelText('联系人') as HTMLInputElement).value).toBe('王经理');
    expect(within(card).getByTestId('application-submit').textContent).toBe('重新提交');
    // the new-application form offers the rounds not applied to yet (round 4, not the application's round 3)
    expect(screen.getAllByTestId('application-form')).toHaveLength(2);
    const roundSelect = document.getElementById('roundId') as HTMLSelectElement;
    expect(roundSelect.value).toBe('4');
    expect(Array.from(roundSelect.options).map((o) => o.value)).toEqual(['', '4']);
  });

  it('reloads my applications when a decision is notified', async () => {
    const user = makeUser(['VIEWER'], { enterprise });
    let mine = [application()];
    renderWithAuth(page(), user, '/apply', async (input) => answer(user, mine)(input));
    const card = await screen.findByTestId('application-11');
    expect(within(card).getByTestId('status-badge').textContent).toBe('待审核');
    await realtime.connect();
    mine = [application({ status: 'REJECTED', decisionReason: '资质不全' })];
    realtime.deliver('/user/queue/notifications', { type: 'application', applicationId: 11, status: 'REJECTED' });
    await waitFor(() => expect(within(screen.getByTestId('application-11')).getByTestId('status-badge').textContent).toBe('未通过'));
  });

  it('shows an approval from the notification alone (the old token no longer works)', async () => {
    const user = makeUser(['VIEWER'], { enterprise });
    const { fetch } = renderWithAuth(page(), user, '/apply', answer(user, [application()]));
    await screen.findByTestId('application-11');
    await realtime.connect();
    const before = fetch.mock.calls.length;
    realtime.deliver('/user/queue/notifications', { type: 'application', applicationId: 11, status: 'APPROVED' });
    expect(await screen.findByTestId('approved-notice')).toBeTruthy();
    expect(fetch.mock.calls.length).toBe(before);
  });

  it('after approval, asks to log in again instead of offering another application', async () => {
    const user = makeUser(['VIEWER'], { enterprise });
    renderWithAuth(page(), user, '/apply', answer(user, [application({ status: 'APPROVED' })]));
    expect(await screen.findByTestId('approved-notice')).toBeTruthy();
    expect(screen.queryByTestId('application-form')).toBeNull();
  });

  it('after submitting to the only open round, says it waits for review instead of "no open round"', async () => {
    const user = makeUser(['VIEWER'], { enterprise });
    renderWithAuth(page(), user, '/apply', async (input) => {
      const url = String(input);
      if (url === '/api/files') return Response.json({ id: 41, originalName: '营业执照.pdf', sizeBytes: 2048, purpose: 'DOCUMENT' }, { status: 201 });
      if (url === '/api/applications') return Response.json(application({ id: 12, roundId: 4, roundName: '第二批遴选' }), { status: 201 });
      return answer(user, [])(input);
    });
    await screen.findByTestId('application-form');
    const fill = (id: string, value: string) => fireEvent.change(document.getElementById(id)!, { target: { value } });
    fill('contactName', '王经理');
    fill('contactPhone', '13912345678');
    fill('category', 'FAMOUS_QUALITY');
    fill('proposedProducts', '东裕茗茶礼盒');
    fireEvent.change(screen.getByTestId('document-input'), {
      target: { files: [new File(['%PDF-1.7'], '营业执照.pdf', { type: 'application/pdf' })] },
    });
    await screen.findByText('营业执照.pdf');
    fireEvent.click(screen.getByTestId('application-submit'));
    const pending = await screen.findByTestId('application-pending');
    expect(pending.textContent).toContain('已提交申请，等待审核');
    expect(screen.queryByTestId('no-open-round')).toBeNull();
    expect(screen.queryByText(/没有可申请的/)).toBeNull();
    expect(screen.getByTestId('application-12')).toBeTruthy();
  });

  it('asks for the requested changes when the only open round has an application needing them', async () => {
    const user = makeUser(['VIEWER'], { enterprise });
    renderWithAuth(page(), user, '/apply', answer(user, [application({ roundId: 4, status: 'CHANGES_REQUESTED', decisionReason: '请补充' })]));
    expect((await screen.findByTestId('application-pending')).textContent).toContain('组织方请您补充材料');
    expect(screen.queryByTestId('no-open-round')).toBeNull();
  });

  it('still says there is no open round when nothing waits for review', async () => {
    const user = makeUser(['VIEWER'], { enterprise });
    renderWithAuth(page(), user, '/apply', answer(user, [application({ roundId: 4, status: 'REJECTED', decisionReason: '资质不全' })]));
    expect((await screen.findByTestId('no-open-round')).textContent).toContain('当前没有可申请的遴选批次');
    expect(screen.queryByTestId('application-pending')).toBeNull();
  });
});
