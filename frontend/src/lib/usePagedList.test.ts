import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Page } from '../api/types';
import { usePagedList } from './usePagedList';

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('usePagedList', () => {
  it('loads the first page, appends the next, and drops an answer overtaken by a newer request', async () => {
    const answers: Record<string, ReturnType<typeof deferred<Page<string>>>> = {};
    const fetchA = (after: string | null) => (answers[`a:${after}`] = deferred<Page<string>>()).promise;
    const fetchB = (after: string | null) => (answers[`b:${after}`] = deferred<Page<string>>()).promise;
    const { result, rerender } = renderHook(({ f }) => usePagedList(f), { initialProps: { f: fetchA } });
    expect(result.current.loading).toBe(true);
    // the filters change before the first answer arrives: the old answer must not show
    rerender({ f: fetchB });
    await act(async () => answers['b:null'].resolve({ items: ['b1'], next: 'c1' }));
    await act(async () => answers['a:null'].resolve({ items: ['a1'], next: null }));
    expect(result.current.items).toEqual(['b1']);
    expect(result.current.next).toBe('c1');
    await act(async () => {
      const more = result.current.load('c1');
      answers['b:c1'].resolve({ items: ['b2'], next: null });
      await more;
    });
    expect(result.current.items).toEqual(['b1', 'b2']);
    expect(result.current.next).toBeNull();
    expect(result.current.loading).toBe(false);
  });

  it('shows the failure text and loads nothing while disabled', async () => {
    let calls = 0;
    const failing = async () => {
      calls++;
      throw new Error('network');
    };
    const { result, rerender } = renderHook(({ on }) => usePagedList<string>(failing, '往期直播加载失败', on), { initialProps: { on: false } });
    expect(calls).toBe(0);
    rerender({ on: true });
    await waitFor(() => expect(result.current.error).toBe('往期直播加载失败'));
    expect(calls).toBe(1);
  });
});
