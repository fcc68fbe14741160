import type { LiveSessionCard } from '../../api/live';

/** A session as the schedule and the merchant's list show it (tests). */
export const sessionCard = (id: number, over: Partial<LiveSessionCard> = {}): LiveSessionCard => ({
  id,
  title: `直播 ${id}`,
  coverFileId: null,
  startsAt: '2026-11-23T05:02:03Z',
  status: 'SCHEDULED',
  startedAt: null,
  endedAt: null,
  merchant: { id: 3, name: '东裕茗茶' },
  productCount: 2,
  reminderCount: 0,
  reminded: false,
  ...over,
});
