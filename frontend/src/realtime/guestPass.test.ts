import { beforeEach, describe, expect, it, vi } from 'vitest';
import { GUEST_KEY, guestPass } from './guestPass';

describe('guestPass', () => {
  beforeEach(() => localStorage.clear());

  it('asks the server once, keeps the pass, and answers it from then on', async () => {
    const fetchPass = vi.fn().mockResolvedValue({ guestId: 'guest-abc', pass: 'abc.def' });
    const [a, b] = await Promise.all([guestPass(fetchPass), guestPass(fetchPass)]);
    expect(a).toBe('abc.def');
    expect(b).toBe('abc.def');
    expect(await guestPass(fetchPass)).toBe('abc.def');
    expect(fetchPass).toHaveBeenCalledTimes(1);
    expect(JSON.parse(localStorage.getItem(GUEST_KEY)!)).toEqual({ guestId: 'guest-abc', pass: 'abc.def' });
  });

  it('answers null when the server refuses (429), and asks again next time', async () => {
    const fetchPass = vi.fn().mockRejectedValueOnce(new Error('429')).mockResolvedValue({ guestId: 'g', pass: 'p.q' });
    expect(await guestPass(fetchPass)).toBeNull();
    expect(await guestPass(fetchPass)).toBe('p.q');
  });
});
