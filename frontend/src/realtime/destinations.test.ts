import { describe, expect, it } from 'vitest';
import {
  dashboardDestinations,
  fairDestinations as f,
  roadshowDestinations as r,
  showcaseDestinations as d,
  trainingDestinations as t,
  userQueues,
} from './destinations';

// The same strings the server's ShowcaseDestinations builds (docs/api.md "Destinations").
describe('destinations', () => {
  it('build the dashboard topic of a scope', () => {
    expect(dashboardDestinations.overview('fair-3')).toBe('/topic/dashboard/fair-3/overview');
    expect(dashboardDestinations.overview('mine')).toBe('/topic/dashboard/mine/overview');
  });

  it('build the showcase destinations of a live session', () => {
    expect(d.viewers(12)).toBe('/topic/live/12/viewers');
    expect(d.chat('12')).toBe('/topic/live/12/chat');
    expect(d.deals(12)).toBe('/topic/live/12/deals');
    expect(d.orders(12)).toBe('/topic/live/12/orders');
    expect(d.merchantSales(12)).toBe('/topic/merchant/live/12/sales');
    expect(d.sendLike(12)).toBe('/app/live/12/like');
  });

  it('build the training destinations of a session', () => {
    expect(t.roomType).toBe('training');
    expect(t.viewers(7)).toBe('/topic/training/7/viewers');
    expect(t.status('7')).toBe('/topic/training/7/status');
    expect(t.status('1/2')).toBe('/topic/training/1%2F2/status');
    expect(t.qa(7)).toBe('/topic/training/7/qa');
    expect(t.poll(7)).toBe('/topic/training/7/poll');
    expect(t.checkin(7)).toBe('/topic/training/7/checkin');
    expect(t.chat(7)).toBe('/topic/training/7/chat');
    expect(t.sendChat(7)).toBe('/app/training/7/chat');
  });

  it('build the fair destinations', () => {
    expect(f.kpi(9)).toBe('/topic/fair/9/kpi');
  });

  it('build the roadshow destinations of a financing fair', () => {
    expect(r.roomType).toBe('roadshow');
    expect(r.viewers(5)).toBe('/topic/roadshow/5/viewers');
    expect(r.stage(5)).toBe('/topic/roadshow/5/stage');
    expect(r.qa('5')).toBe('/topic/roadshow/5/qa');
  });

  it('never let an id reach into another destination', () => {
    expect(d.chat('1/../2')).toBe('/topic/live/1%2F..%2F2/chat');
  });

  it('name the user queues', () => {
    expect(userQueues.notifications).toBe('/user/queue/notifications');
    expect(userQueues.errors).toBe('/user/queue/errors');
  });
});
