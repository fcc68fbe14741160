// What the meeting pages decide without the server: labels, the other side, which slots can be offered.
import type { Meeting, MeetingStatus, ParticipantRole, Slot } from '../../../api/fairMeeting';

export const STATUS_TEXT: Record<MeetingStatus, string> = {
  REQUESTED: '待回复',
  DECLINED: '已婉拒',
  BOOKED: '已预约',
  CANCELLED: '已取消',
  HELD: '已洽谈',
  NO_SHOW: '未到场',
};

export const ROLE_TEXT: Record<ParticipantRole, string> = {
  SUPPLIER: '供应商',
  BUYER: '采购商',
  BOTH: '供需双方',
  PROJECT: '路演项目',
  INVESTOR: '投资机构',
};

/** The side of a meeting that is not me. */
export function otherSide(m: Meeting, me: number) {
  return m.requester.participantId === me ? m.invitee : m.requester;
}

/**
 * The slots an invitee can pick: not begun, with a free place; the requester's preferred ones first (in time order),
 * then the rest.
 */
export function pickableSlots(slots: Slot[], preferred: number[], now: number): Slot[] {
  const open = slots.filter((s) => s.freePlaces > 0 && Date.parse(s.startsAt) > now);
  const byTime = (a: Slot, b: Slot) => Date.parse(a.startsAt) - Date.parse(b.startsAt);
  const wanted = new Set(preferred);
  return [...open.filter((s) => wanted.has(s.id)).sort(byTime), ...open.filter((s) => !wanted.has(s.id)).sort(byTime)];
}

/** Whether I may still confirm the meeting took place: booked, begun, and not yet confirmed by my side. */
export function canConfirmHeld(m: Meeting, me: number, now: number): boolean {
  if (m.status !== 'BOOKED' || !m.startsAt || Date.parse(m.startsAt) > now) return false;
  return m.requester.participantId === me ? !m.requesterHeld : !m.inviteeHeld;
}

/** Whether the meeting can still be cancelled by either side: booked and not begun. */
export function canCancel(m: Meeting, me: number, now: number): boolean {
  if (m.status === 'REQUESTED') return m.requester.participantId === me;
  return m.status === 'BOOKED' && !!m.startsAt && Date.parse(m.startsAt) > now;
}

/** A fresh Idempotency-Key for one user action (kept across its retries). */
export function newKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
