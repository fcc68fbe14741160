import { describe, expect, it } from 'vitest';
import { NEW_FAIR, checkFair } from './fairForm';

const valid = { ...NEW_FAIR, title: ' 合肥采购对接会 ', startsAt: '2026-12-20T09:00', endsAt: '2026-12-21T17:00', region: '安徽省合肥市',
  venue: '滨湖会展中心', capacity: '300',
  agenda: [{ startsAt: '2026-12-20T09:00', endsAt: '2026-12-20T10:00', title: '开幕式', place: '', speaker: ' 王主任 ' }] };

describe('the fair form', () => {
  it('sends Beijing wall times as UTC instants and blank optional texts as null', () => {
    const { errors, body } = checkFair(valid);
    expect(errors).toEqual({});
    expect(body).toMatchObject({ title: '合肥采购对接会', startsAt: '2026-12-20T01:00:00.000Z', endsAt: '2026-12-21T09:00:00.000Z',
      capacity: 300, venue: '滨湖会展中心' });
    expect(body?.agenda).toEqual([{ startsAt: '2026-12-20T01:00:00.000Z', endsAt: '2026-12-20T02:00:00.000Z', title: '开幕式',
      place: null, speaker: '王主任' }]);
  });

  it('names each wrong field as the server does', () => {
    const { errors, body } = checkFair({ ...valid, title: '', endsAt: '2026-12-19T09:00', venue: '', capacity: '0',
      agenda: [{ startsAt: '', endsAt: '', title: '', place: '', speaker: '' }] });
    expect(body).toBeUndefined();
    expect(Object.keys(errors).sort()).toEqual(['agenda[0].startsAt', 'agenda[0].title', 'capacity', 'endsAt', 'title', 'venue']);
    expect(checkFair({ ...valid, mode: 'ONLINE', venue: '' }).body?.venue).toBeNull();
    expect(checkFair({ ...valid, capacity: '100001' }).errors.capacity).toBe('名额为 1–100000 家');
  });
});
