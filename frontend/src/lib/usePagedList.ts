import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../api/errors';
import type { Page } from '../api/types';

export interface PagedList<T> {
  items: T[];
  /** the cursor of the next page, null at the end */
  next: string | null;
  loading: boolean;
  error: string | null;
  /** loads the page after `after` (appended), or the first page again for null (replaces) */
  load: (after: string | null) => Promise<void>;
  /** changes items in place (e.g. one card's state after an action) */
  setItems: React.Dispatch<React.SetStateAction<T[]>>;
}

/**
 * A keyset-paged list with 加载更多: the first page loads whenever `fetchPage` changes (make it with useCallback over the
 * list's filters) and `enabled` is true; an answer that arrives after a newer request started is dropped, so a quick
 * change of filters never shows the older list.
 */
export function usePagedList<T>(
  fetchPage: (after: string | null) => Promise<Page<T>>,
  failure = '加载失败',
  enabled = true,
): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);

  const load = useCallback(
    async (after: string | null) => {
      const gen = ++generation.current;
      setLoading(true);
      setError(null);
      try {
        const page = await fetchPage(after);
        if (gen !== generation.current) return;
        setItems((prev) => (after ? [...prev, ...page.items] : page.items));
        setNext(page.next);
      } catch (e) {
        if (gen === generation.current) setError(isApiError(e) ? e.detail : failure);
      } finally {
        if (gen === generation.current) setLoading(false);
      }
    },
    [fetchPage, failure],
  );

  useEffect(() => {
    if (enabled) void load(null);
  }, [load, enabled]);

  return { items, next, loading, error, load, setItems };
}
