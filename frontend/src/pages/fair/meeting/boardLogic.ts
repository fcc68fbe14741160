// The organisers' booking grid: cell keys, figures, the 北京时间 day of an instant.
import type { MeetingBoard } from '../../../api/fairMeeting';

export const cellKey = (slotId: number, placeId: number) => `${slotId}:${placeId}`;

export interface BoardFigures {
  slots: number;
  places: number;
  booked: number;
  held: number;
  noShows: number;
}

/** What the board's header counts: active places only; booked = booked, held and missed (as the KPI does). */
export function boardFigures(board: MeetingBoard): BoardFigures {
  return {
    slots: board.slots.length,
    places: board.places.filter((p) => p.active).length,
    booked: board.meetings.length,
    held: board.meetings.filter((m) => m.status === 'HELD').length,
    noShows: board.meetings.filter((m) => m.status === 'NO_SHOW').length,
  };
}

const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** An instant's date in 北京时间 as yyyy-mm-dd (the value of a date input). */
export function shanghaiDay(iso: string): string {
  return day.format(new Date(Date.parse(iso)));
}
