// The organisers' booking grid: cell keys, figures, the 北京时间 day of an instant.
import type { Meeting, MeetingBoard, Slot } from '../../../api/fairMeeting';

export const cellKey = (slotId: number, placeId: number) => `${slotId}:${placeId}`;

export interface BoardFigures {
  slots: number;
  places: number;
  booked: number;
  held: number;
  noShows: number;
  pending: number;
}

/** What the board's header counts: active places only; booked = booked, held and missed (as the KPI does). */
export function boardFigures(board: MeetingBoard): BoardFigures {
  return {
    slots: board.slots.length,
    places: board.places.filter((p) => p.active).length,
    booked: board.meetings.length,
    held: board.meetings.filter((m) => m.status === 'HELD').length,
    noShows: board.meetings.filter((m) => m.status === 'NO_SHOW').length,
    pending: board.pending.length,
  };
}

/** How many pending requests prefer each slot (a request may prefer several; one without preference counts in none). */
export function pendingBySlot(board: MeetingBoard): Map<number, number> {
  const counts = new Map<number, number>();
  board.pending.forEach((m) => m.preferredSlots.forEach((s) => counts.set(s, (counts.get(s) ?? 0) + 1)));
  return counts;
}

/** The preferred slots' times of a request, in time order, as 北京时间 labels ("希望时段"). */
export function preferredTimes(m: Meeting, slots: Slot[], label: (s: Slot) => string): string[] {
  const wanted = new Set(m.preferredSlots);
  return slots.filter((s) => wanted.has(s.id)).sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt)).map(label);
}

const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** An instant's date in 北京时间 as yyyy-mm-dd (the value of a date input). */
export function shanghaiDay(iso: string): string {
  return day.format(new Date(Date.parse(iso)));
}
