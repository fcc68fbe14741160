import { describe, expect, it } from 'vitest';
import { realtimeErrorText, toRealtimeError } from './errors';

describe('toRealtimeError', () => {
  it('reads an error about a SEND, with the receipt id of the refused frame', () => {
    expect(
      toRealtimeError({ destination: '/app/live/1/chat', code: 'rate-limited', message: '发言太频繁', 'receipt-id': 'r-7' }),
    ).toEqual({ destination: '/app/live/1/chat', code: 'rate-limited', message: '发言太频繁', receiptId: 'r-7' });
  });

  it('leaves the receipt id out when the SEND had none, and refuses what is not an error', () => {
    expect(toRealtimeError({ destination: '/app/x', code: 'invalid', message: '' })).not.toHaveProperty('receiptId');
    expect(toRealtimeError({ text: 'hello' })).toBeNull();
    expect(toRealtimeError(null)).toBeNull();
  });

  it('words a refused chat line for people', () => {
    expect(realtimeErrorText({ destination: '/app/live/1/chat', code: 'too-long', message: '' })).toBe('消息太长，最多 200 字');
  });

  it('tells a muted user why the line was refused', () => {
    expect(realtimeErrorText({ destination: '/app/live/1/chat', code: 'muted', message: '' })).toBe('你已被禁言，本场直播内不能发言');
  });
});
