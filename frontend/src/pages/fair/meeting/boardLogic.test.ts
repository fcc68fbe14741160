import { describe, expect, it } from 'vitest';
import type { Meeting, MeetingBoard, Slot } from '../../../api/fairMeeting';
import { boardFigures, cellKey, pendingBySlot, preferredTimes, shanghaiDay } from './boardLogic';

const m = (id: number, status: Meeting['status']) => ({ id, status }) as Meeting;

describe('board logic', () => {
  it('counts active places and booked, held and missed meetings', () => {
    const board = {
      fairId: 1,
      title: '对接会',
      mode: 'OFFLINE',
      slots: [{ id: 1 }, { id: 2 }],
      places: [{ id: 1, active: true }, { id: 2, active: false }],
      meetings: [m(1, 'BOOKED'), m(2, 'HELD'), m(3, 'NO_SHOW'), m(4, 'HELD')],
      pending: [m(5, 'REQUESTED')],
    } as unknown as MeetingBoard;
    expect(boardFigures(board)).toEqual({ slots: 2, places: 1, booked: 4, held: 2, noShows: 1, pending: 1 });
  });

  it('counts pending requests by preferred slot and lists their preferred times in order', () => {
    const req = (id: number, preferredSlots: number[]) => ({ id, status: 'REQUESTED', preferredSlots }) as Meeting;
    const board = { pending: [req(1, [11, 12]), req(2, [12]), req(3, [])] } as unknown as MeetingBoard;
    expect([...pendingBySlot(board).entries()]).toEqual([[11, 1], [12, 2]]);
    const slots = [
      { id: 12, startsAt: '2026-12-08T02:00:00Z' },
      { id: 11, startsAt: '2026-12-08T01:00:00Z' },
      { id: 13, startsAt: '2026-12-08T03:00:00Z' },
    ] as unknown as Slot[];
    expect(preferredTimes(req(1, [12, 11]), slots, (s) => String(s.id))).toEqual(['11', '12']);
    expect(preferredTimes(req(3, []), slots, (s) => String(s.id))).toEqual([]);
  });

  it('keys cells by slot and place, and reads days in 北京时间', () => {
    expect(cellKey(3, 7)).toBe('3:7');
    expect(shanghaiDay('2026-12-07T17:30:00Z')).toBe('2026-12-08');
    expect(shanghaiDay('2026-12-07T15:30:00Z')).toBe('2026-12-07');
  });
});
