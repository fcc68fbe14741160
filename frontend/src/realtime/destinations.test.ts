import { describe, expect, it } from 'vitest';
import { showcaseDestinations as d, userQueues } from './destinations';

// The same strings the server's ShowcaseDestinations builds (docs/api.md "Destinations").
describe('destinations', () => {
  it('build the showcase destinations of a live session', () => {
    expect(d.viewers(12)).toBe('/topic/live/12/viewers');
    expect(d.chat('12')).toBe('/topic/live/12/chat');
    expect(d.deals(12)).toBe('/topic/live/12/deals');
    expect(d.orders(12)).toBe('/topic/live/12/orders');
    expect(d.merchantSales(12)).toBe('/topic/merchant/live/12/sales');
    expect(d.sendLike(12)).toBe('/app/live/12/like');
  });

  it('never let an id reach into another destination', () => {
    expect(d.chat('1/../2')).toBe('/topic/live/1%2F..%2F2/chat');
  });

  it('name the user queues', () => {
    expect(userQueues.notifications).toBe('/user/queue/notifications');
    expect(userQueues.errors).toBe('/user/queue/errors');
  });
});
