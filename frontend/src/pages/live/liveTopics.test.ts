import { describe, expect, it } from 'vitest';
import { formatCount, formatTime } from '../../lib/format';
import { realtimeErrorText, toRealtimeError } from '../../realtime/errors';
import { chatLength, chatTextError, liveTopics } from './liveTopics';

describe('live room helpers', () => {
  it('builds the room destinations of docs/api.md', () => {
    expect(liveTopics('42')).toEqual({
      viewers: '/topic/live/42/viewers',
      chat: '/topic/live/42/chat',
      likes: '/topic/live/42/likes',
      pinned: '/topic/live/42/pinned',
      status: '/topic/live/42/status',
      sendChat: '/app/live/42/chat',
      sendLike: '/app/live/42/like',
    });
    expect(liveTopics('a/b').chat).toBe('/topic/live/a%2Fb/chat');
  });

  it('allows 1–200 characters (trimmed, an emoji counting once)', () => {
    expect(chatTextError('')).toBe('请输入内容');
    expect(chatTextError(' \n ')).toBe('请输入内容');
    expect(chatTextError('好')).toBeNull();
    expect(chatTextError(` ${'好'.repeat(200)} `)).toBeNull();
    expect(chatTextError('好'.repeat(201))).toBe('最多 200 字');
    expect(chatLength('👍👍')).toBe(2);
    expect(chatTextError('👍'.repeat(200))).toBeNull();
  });

  it('words refused SENDs for people', () => {
    const chat = '/app/live/1/chat';
    expect(realtimeErrorText({ destination: chat, code: 'rate-limited', message: 'x' })).toBe('发言太频繁，请稍后再试');
    expect(realtimeErrorText({ destination: '/app/live/1/like', code: 'rate-limited', message: '' })).toBe('操作太频繁，请稍后再试');
    expect(realtimeErrorText({ destination: chat, code: 'too-long', message: '' })).toBe('消息太长，最多 200 字');
    expect(realtimeErrorText({ destination: chat, code: 'unauthenticated', message: '' })).toBe('登录后才能发言');
    expect(realtimeErrorText({ destination: chat, code: 'invalid', message: '内容含有不允许的字符' })).toBe('内容含有不允许的字符');
    expect(realtimeErrorText({ destination: chat, code: 'something-new', message: '' })).toBe('操作失败，请稍后再试');
    expect(toRealtimeError({ code: 'invalid' })).toEqual({ destination: '', code: 'invalid', message: '' });
    expect(toRealtimeError({ message: 'no code' })).toBeNull();
    expect(toRealtimeError(null)).toBeNull();
  });

  it('formats chat times in Asia/Shanghai and counters the Chinese way', () => {
    expect(formatTime('2026-11-23T16:30:00Z')).toBe('00:30');
    expect(formatTime('nonsense')).toBe('');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(9_999)).toBe('9999');
    expect(formatCount(12_345)).toBe('1.2万');
    expect(formatCount(30_000)).toBe('3万');
    expect(formatCount(250_000_000)).toBe('2.5亿');
    expect(formatCount(undefined)).toBe('—');
  });
});
