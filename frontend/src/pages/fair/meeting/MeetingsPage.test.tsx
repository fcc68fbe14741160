import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import type { Meeting, MyMeetings, Slot } from '../../../api/fairMeeting';
import { makeUser } from '../../../test/renderWithAuth';
import { problem, renderRoom } from '../../training/room/testRoom';
import { MeetingsPage } from './MeetingsPage';

const later = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

const slots: Slot[] = [
  { id: 11, fairId: 7, startsAt: later(60), endsAt: later(80), freePlaces: 2, booked: 0 },
  { id: 12, fairId: 7, startsAt: later(80), endsAt: later(100), freePlaces: 1, booked: 1 },
];

const meeting = (over: Partial<Meeting>): Meeting => ({
  id: 1,
  fairId: 7,
  requester: { participantId: 5, enterprise: '合肥瑞丰汽车零部件有限公司', role: 'BUYER' },
  invitee: { participantId: 6, enterprise: '芜湖精工冲压有限公司', role: 'SUPPLIER' },
  message: '',
  preferredSlots: [],
  status: 'REQUESTED',
  reason: null,
  slotId: null,
  place: null,
  startsAt: null,
  endsAt: null,
  requesterHeld: false,
  inviteeHeld: false,
  createdAt: later(-60),
  updatedAt: later(-60),
  ...over,
});

const mine = (): MyMeetings => ({
  participantId: 6,
  agenda: [meeting({ id: 2, status: 'BOOKED', slotId: 11, startsAt: later(60), endsAt: later(80),
    place: { id: 3, kind: 'TABLE', name: '洽谈桌 3', link: null } })],
  incoming: [meeting({ id: 3, message: '想了解贵司冲压件的月供货能力', preferredSlots: [12] })],
  outgoing: [meeting({ id: 4, requester: { participantId: 6, enterprise: '芜湖精工冲压有限公司', role: 'SUPPLIER' },
    invitee: { participantId: 8, enterprise: '安庆汽配有限公司', role: 'BUYER' }, status: 'DECLINED', reason: '暂无采购计划' })],
});

const page = (
  <Routes>
    <Route path="/fairs/:id/meetings" element={<MeetingsPage />} />
  </Routes>
);

describe('MeetingsPage', () => {
  it('shows my agenda and requests, and accepts a request in the preferred slot', async () => {
    const { calls } = renderRoom(page, makeUser(['VIEWER']), (m, p) => {
      if (p === '/api/fairs/7/meetings' && m === 'GET') return mine();
      if (p === '/api/fairs/7/meeting-slots') return slots;
      if (p === '/api/fairs/7/meetings/3/accept') return meeting({ id: 3, status: 'BOOKED' });
      return undefined;
    }, '/fairs/7/meetings');
    await waitFor(() => expect(screen.getAllByTestId('agenda-item')).toHaveLength(1));
    expect(screen.getByTestId('agenda-item').textContent).toContain('合肥瑞丰汽车零部件有限公司');
    expect(screen.getByTestId('agenda-item').textContent).toContain('洽谈桌 3');
    expect(screen.getByTestId('incoming-item').textContent).toContain('想了解贵司冲压件的月供货能力');
    expect(screen.getByTestId('outgoing-item').textContent).toContain('暂无采购计划');

    await act(async () => fireEvent.click(screen.getByRole('button', { name: '接受' })));
    const dialog = screen.getByTestId('meeting-accept-dialog');
    // the requester's preferred slot comes first and is chosen
    const radios = dialog.querySelectorAll<HTMLInputElement>('input[type="radio"]');
    expect(radios).toHaveLength(2);
    expect(radios[0].checked).toBe(true);
    expect(radios[0].parentElement!.textContent).toContain('对方意向');
    await act(async () => fireEvent.click(screen.getByTestId('meeting-accept-send')));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path === '/api/fairs/7/meetings/3/accept')).toBe(true));
    expect(calls.find((c) => c.path === '/api/fairs/7/meetings/3/accept')!.body).toEqual({ slotId: 12 });
  });

  it('declines only with a reason and shows a slot lost meanwhile', async () => {
    const { calls } = renderRoom(page, makeUser(['VIEWER']), (m, p) => {
      if (p === '/api/fairs/7/meetings' && m === 'GET') return mine();
      if (p === '/api/fairs/7/meeting-slots') return slots;
      if (p.endsWith('/accept')) throw problem(409, '该时段的洽谈位已满，请换一个时段');
      if (p.endsWith('/decline')) return meeting({ id: 3, status: 'DECLINED', reason: '本次不合适' });
      return undefined;
    }, '/fairs/7/meetings');
    await waitFor(() => expect(screen.getByTestId('incoming-item')).toBeTruthy());
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '接受' })));
    await act(async () => fireEvent.click(screen.getByTestId('meeting-accept-send')));
    await waitFor(() => expect(screen.getByTestId('form-alert').textContent).toContain('洽谈位已满'));
    await act(async () => fireEvent.click(within(screen.getByTestId('meeting-accept-dialog')).getByRole('button', { name: '取消' })));

    await act(async () => fireEvent.click(screen.getByRole('button', { name: '婉拒' })));
    await act(async () => fireEvent.click(screen.getByTestId('meeting-decline-send')));
    expect(screen.getByTestId('error-decline-reason').textContent).toBe('请填写原因');
    expect(calls.some((c) => c.path.endsWith('/decline'))).toBe(false);
    fireEvent.change(screen.getByLabelText('原因'), { target: { value: '本次不合适' } });
    await act(async () => fireEvent.click(screen.getByTestId('meeting-decline-send')));
    await waitFor(() => expect(calls.find((c) => c.path.endsWith('/decline'))?.body).toEqual({ reason: '本次不合适' }));
  });

  it('shows pending requests from the agenda, with the preferred times, and cancels one I sent', async () => {
    let outgoing = [meeting({ id: 5, requester: { participantId: 6, enterprise: '芜湖精工冲压有限公司', role: 'SUPPLIER' },
      invitee: { participantId: 8, enterprise: '安庆汽配有限公司', role: 'BUYER' }, preferredSlots: [11] })];
    const { calls } = renderRoom(page, makeUser(['VIEWER']), (m, p) => {
      if (p === '/api/fairs/7/meetings' && m === 'GET') return { ...mine(), outgoing };
      if (p === '/api/fairs/7/meeting-slots') return slots;
      if (p === '/api/fairs/7/meetings/5/cancel') {
        outgoing = [];
        return meeting({ id: 5, status: 'CANCELLED' });
      }
      return undefined;
    }, '/fairs/7/meetings');
    await waitFor(() => expect(screen.getByTestId('agenda-pending').textContent)
      .toBe('另有待回复的洽谈请求：收到 1 个，待您接受或婉拒；发出 1 个，待对方回复'));
    expect(within(screen.getByTestId('incoming-item')).getByTestId('preferred-times').textContent).toMatch(/^希望时段：.+–/);
    expect(within(screen.getByTestId('outgoing-item')).getByTestId('preferred-times')).toBeTruthy();
    await act(async () => fireEvent.click(within(screen.getByTestId('outgoing-item')).getByRole('button', { name: '取消请求' })));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path === '/api/fairs/7/meetings/5/cancel')).toBe(true));
    await waitFor(() => expect(screen.getByTestId('agenda-pending').textContent).toBe('另有待回复的洽谈请求：收到 1 个，待您接受或婉拒'));
    expect(screen.queryByTestId('outgoing-item')).toBeNull();
  });
});
