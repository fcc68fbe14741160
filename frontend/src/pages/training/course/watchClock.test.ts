import { describe, expect, it } from 'vitest';
import { WatchClock } from './watchClock';

describe('WatchClock', () => {
  it('counts forward playback from what was credited, not seeks, and never goes below the server', () => {
    const c = new WatchClock(30);
    c.tick(10);
    c.tick(10.25);
    c.tick(10.5);
    c.tick(11.5);
    expect(c.seconds).toBe(31); // 30 + 1.5
    c.tick(90); // a seek forward
    c.tick(91);
    expect(c.seconds).toBe(32);
    c.tick(5); // a seek back
    c.break();
    c.tick(20);
    c.tick(21);
    expect(c.seconds).toBe(33);
    c.atLeast(50);
    expect(c.seconds).toBe(50);
    c.atLeast(10);
    expect(c.seconds).toBe(50);
  });
});
