import { describe, expect, it } from 'vitest';
import type { Meeting, Slot } from '../../../api/fairMeeting';
import { canCancel, canConfirmHeld, otherSide, pickableSlots } from './meetingLogic';

const slot = (id: number, startsAt: string, freePlaces = 1): Slot => ({
  id,
  fairId: 1,
  startsAt,
  endsAt: startsAt,
  freePlaces,
  booked: 0,
});

const meeting = (over: Partial<Meeting> = {}): Meeting => ({
  id: 9,
  fairId: 1,
  requester: { participantId: 1, enterprise: '甲公司', role: 'BUYER' },
  invitee: { participantId: 2, enterprise: '乙公司', role: 'SUPPLIER' },
  message: '',
  preferredSlots: [],
  status: 'BOOKED',
  reason: null,
  slotId: 3,
  place: { id: 1, kind: 'TABLE', name: '洽谈桌 1', link: null },
  startsAt: '2026-12-08T01:00:00Z',
  endsAt: '2026-12-08T01:20:00Z',
  requesterHeld: false,
  inviteeHeld: false,
  createdAt: '2026-12-07T01:00:00Z',
  updatedAt: '2026-12-07T01:00:00Z',
  ...over,
});

describe('meeting logic', () => {
  it('offers the preferred slots first, then the others, leaving out full and begun ones', () => {
    const now = Date.parse('2026-12-08T00:30:00Z');
    const slots = [
      slot(1, '2026-12-08T00:20:00Z'),
      slot(2, '2026-12-08T01:00:00Z'),
      slot(3, '2026-12-08T01:20:00Z', 0),
      slot(4, '2026-12-08T01:40:00Z'),
      slot(5, '2026-12-08T02:00:00Z'),
    ];
    expect(pickableSlots(slots, [5, 3, 1], now).map((s) => s.id)).toEqual([5, 2, 4]);
  });

  it('tells the other side apart from mine', () => {
    expect(otherSide(meeting(), 1).enterprise).toBe('乙公司');
    expect(otherSide(meeting(), 2).enterprise).toBe('甲公司');
  });

  it('lets a side confirm a begun meeting once, and cancel only before it begins', () => {
    const before = Date.parse('2026-12-08T00:59:00Z');
    const after = Date.parse('2026-12-08T01:05:00Z');
    expect(canConfirmHeld(meeting(), 1, before)).toBe(false);
    expect(canConfirmHeld(meeting(), 1, after)).toBe(true);
    expect(canConfirmHeld(meeting({ requesterHeld: true }), 1, after)).toBe(false);
    expect(canConfirmHeld(meeting({ requesterHeld: true }), 2, after)).toBe(true);
    expect(canCancel(meeting(), 2, before)).toBe(true);
    expect(canCancel(meeting(), 2, after)).toBe(false);
    expect(canCancel(meeting({ status: 'REQUESTED', startsAt: null }), 1, after)).toBe(true);
    expect(canCancel(meeting({ status: 'REQUESTED', startsAt: null }), 2, after)).toBe(false);
  });
});
