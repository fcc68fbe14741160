import { describe, expect, it } from 'vitest';
import { compareStreamIds, isNewer, isReplayFrom, isStreamId } from './streamId';

const sign = (n: number) => Math.sign(n);

describe('stream ids', () => {
  it('compare numerically, milliseconds first, then sequence', () => {
    expect(sign(compareStreamIds('1-0', '1-1'))).toBe(-1);
    expect(sign(compareStreamIds('2-0', '1-999'))).toBe(1);
    expect(sign(compareStreamIds('1732334706000-3', '1732334706000-3'))).toBe(0);
    // Not as strings: "10" > "9" and "1700000000000-10" > "1700000000000-9"
    expect(sign(compareStreamIds('10-0', '9-0'))).toBe(1);
    expect(sign(compareStreamIds('1700000000000-10', '1700000000000-9'))).toBe(1);
    expect(sign(compareStreamIds('999999999999-5', '1000000000000-0'))).toBe(-1);
  });

  it('treat a missing sequence as 0 and ignore leading zeros', () => {
    expect(compareStreamIds('0', '0-0')).toBe(0);
    expect(compareStreamIds('5', '5-0')).toBe(0);
    expect(compareStreamIds('007-01', '7-1')).toBe(0);
    expect(sign(compareStreamIds('0', '1-0'))).toBe(-1);
  });

  it('stay exact beyond Number.MAX_SAFE_INTEGER', () => {
    expect(sign(compareStreamIds('9007199254740993-0', '9007199254740992-0'))).toBe(1);
    expect(sign(compareStreamIds('1-18446744073709551615', '1-18446744073709551614'))).toBe(1);
  });

  it('recognise malformed ids', () => {
    expect(isStreamId('1-2')).toBe(true);
    expect(isStreamId('0')).toBe(true);
    for (const bad of ['', '-', '1-', 'a-1', '1-2-3', '1.5-0', null, undefined]) expect(isStreamId(bad)).toBe(false);
    expect(() => compareStreamIds('x', '1-0')).toThrow(/malformed/);
  });

  it('isNewer: dedupe keeps only ids above the last one seen', () => {
    expect(isNewer('1-0', null)).toBe(true);
    expect(isNewer('1-1', '1-0')).toBe(true);
    expect(isNewer('1-0', '1-0')).toBe(false);
    expect(isNewer('0-9', '1-0')).toBe(false);
    // A malformed id is let through rather than lost.
    expect(isNewer('garbage', '1-0')).toBe(true);
  });

  it('isReplayFrom: only "0" or a full id go into x-replay-since (anything else the server refuses)', () => {
    expect(isReplayFrom('0')).toBe(true);
    expect(isReplayFrom('1700000000000-0')).toBe(true);
    for (const bad of ['5', '0-', '-1', '1-2-3', ' 1-2', '', null, undefined]) expect(isReplayFrom(bad)).toBe(false);
  });
});
