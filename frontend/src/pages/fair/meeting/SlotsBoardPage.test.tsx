import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import type { Meeting, MeetingBoard } from '../../../api/fairMeeting';
import { makeUser } from '../../../test/renderWithAuth';
import { problem, renderRoom } from '../../training/room/testRoom';
import { SlotsBoardPage } from './SlotsBoardPage';

const later = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

const booked = (id: number, slotId: number, startsAt: string): Meeting => ({
  id,
  fairId: 7,
  requester: { participantId: 5, enterprise: '合肥瑞丰汽车零部件有限公司', role: 'BUYER' },
  invitee: { participantId: 6, enterprise: '芜湖精工冲压有限公司', role: 'SUPPLIER' },
  message: '',
  preferredSlots: [],
  status: 'BOOKED',
  reason: null,
  slotId,
  place: { id: 3, kind: 'TABLE', name: '洽谈桌 1', link: null },
  startsAt,
  endsAt: startsAt,
  requesterHeld: false,
  inviteeHeld: false,
  createdAt: later(-60),
  updatedAt: later(-60),
});

const board = (meetings: Meeting[], pending: Meeting[] = []): MeetingBoard => ({
  fairId: 7,
  title: '2026安徽省中小企业采购对接会',
  mode: 'OFFLINE',
  slots: [
    { id: 11, fairId: 7, startsAt: later(-30), endsAt: later(-10), freePlaces: 0, booked: 1 },
    { id: 12, fairId: 7, startsAt: later(60), endsAt: later(80), freePlaces: 0, booked: 1 },
  ],
  places: [{ id: 3, fairId: 7, kind: 'TABLE', name: '洽谈桌 1', link: null, position: 1, active: true }],
  meetings,
  pending,
});

const requested = (id: number, preferredSlots: number[]): Meeting => ({
  ...booked(id, 0, later(60)),
  message: '想了解冲压件报价',
  preferredSlots,
  status: 'REQUESTED',
  slotId: null,
  place: null,
  startsAt: null,
  endsAt: null,
});

const page = (
  <Routes>
    <Route path="/organiser/fairs/:id/slots" element={<SlotsBoardPage />} />
  </Routes>
);

describe('SlotsBoardPage', () => {
  it('cancels a coming booking only with a reason, and not one that has begun', async () => {
    let meetings = [booked(1, 11, later(-30)), booked(2, 12, later(60))];
    let fail = true;
    const { calls } = renderRoom(page, makeUser(['ORGANISER']), (_m, p) => {
      if (p === '/api/organiser/fairs/7/meeting-board') return board(meetings);
      if (p === '/api/organiser/fairs/7/meetings/2/cancel') {
        if (fail) {
          fail = false;
          throw problem(409, '该洽谈的状态已变化，请刷新后再试');
        }
        meetings = [meetings[0]];
        return { ...booked(2, 12, later(60)), status: 'CANCELLED', reason: '场地调整' };
      }
      return undefined;
    }, '/organiser/fairs/7/slots');
    await waitFor(() => expect(screen.getAllByTestId('grid-meeting')).toHaveLength(2));
    // the begun one can be marked, the coming one cancelled
    const [begun, coming] = screen.getAllByTestId('grid-meeting');
    expect(within(begun).queryByRole('button', { name: /取消/ })).toBeNull();
    await act(async () => fireEvent.click(within(coming).getByRole('button', { name: /取消 .* 的洽谈/ })));
    const dialog = screen.getByTestId('organiser-cancel-dialog');
    expect(dialog.textContent).toContain('洽谈桌 1');
    await act(async () => fireEvent.click(screen.getByTestId('organiser-cancel-send')));
    expect(screen.getByTestId('error-organiser-cancel-reason').textContent).toBe('请填写取消原因');
    expect(calls.some((c) => c.path.endsWith('/cancel'))).toBe(false);

    fireEvent.change(screen.getByLabelText('取消原因'), { target: { value: '场地调整' } });
    await act(async () => fireEvent.click(screen.getByTestId('organiser-cancel-send')));
    await waitFor(() => expect(within(dialog).getByTestId('form-alert').textContent).toContain('状态已变化'));
    await act(async () => fireEvent.click(screen.getByTestId('organiser-cancel-send')));
    await waitFor(() => expect(screen.queryByTestId('organiser-cancel-dialog')).toBeNull());
    expect(calls.filter((c) => c.path === '/api/organiser/fairs/7/meetings/2/cancel').map((c) => c.body))
      .toEqual([{ reason: '场地调整' }, { reason: '场地调整' }]);
    await waitFor(() => expect(screen.getAllByTestId('grid-meeting')).toHaveLength(1));
  });

  it('shows pending requests by preferred slot and cancels one with a reason', async () => {
    let pending = [requested(8, [12]), requested(9, [11, 12])];
    const { calls } = renderRoom(page, makeUser(['ORGANISER']), (_m, p) => {
      if (p === '/api/organiser/fairs/7/meeting-board') return board([], pending);
      if (p === '/api/organiser/fairs/7/meetings/8/cancel') {
        pending = [pending[1]];
        return { ...requested(8, [12]), status: 'CANCELLED', reason: '时段已满' };
      }
      return undefined;
    }, '/organiser/fairs/7/slots');
    await waitFor(() => expect(screen.getAllByTestId('pending-request')).toHaveLength(2));
    expect(screen.getAllByTestId('slot-pending').map((e) => e.textContent)).toEqual(['待回复 1', '待回复 2']);
    expect(screen.getByTestId('board-figures').textContent).toContain('2待回复请求');
    const [first] = screen.getAllByTestId('pending-request');
    expect(first.textContent).toContain('想了解冲压件报价');
    expect(first.textContent).toMatch(/希望时段：.+–/);
    await act(async () => fireEvent.click(within(first).getByRole('button', { name: '取消 合肥瑞丰汽车零部件有限公司 向 芜湖精工冲压有限公司 的洽谈请求' })));
    expect(screen.getByTestId('organiser-cancel-dialog').textContent).toContain('取消洽谈请求');
    fireEvent.change(screen.getByLabelText('取消原因'), { target: { value: '时段已满' } });
    await act(async () => fireEvent.click(screen.getByTestId('organiser-cancel-send')));
    await waitFor(() => expect(screen.getAllByTestId('pending-request')).toHaveLength(1));
    expect(calls.filter((c) => c.path.endsWith('/cancel')).map((c) => c.body)).toEqual([{ reason: '时段已满' }]);
    expect(screen.getAllByTestId('slot-pending').map((e) => e.textContent)).toEqual(['待回复 1', '待回复 1']);
  });
});
