import { describe, expect, it } from 'vitest';
import type { Meeting, MeetingBoard } from '../../../api/fairMeeting';
import { boardFigures, cellKey, shanghaiDay } from './boardLogic';

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
    } as unknown as MeetingBoard;
    expect(boardFigures(board)).toEqual({ slots: 2, places: 1, booked: 4, held: 2, noShows: 1 });
  });

  it('keys cells by slot and place, and reads days in 北京时间', () => {
    expect(cellKey(3, 7)).toBe('3:7');
    expect(shanghaiDay('2026-12-07T17:30:00Z')).toBe('2026-12-08');
    expect(shanghaiDay('2026-12-07T15:30:00Z')).toBe('2026-12-07');
  });
});
