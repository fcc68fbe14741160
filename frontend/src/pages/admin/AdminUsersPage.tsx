import { useCallback, useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { adminApi } from '../../api/identity';
import { isApiError } from '../../api/errors';
import type { User } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { clearSession } from '../../auth/session';
import { FormAlert } from '../../components/Field';
import { usePageTitle } from '../../lib/usePageTitle';
import { UserRow } from './UserRow';

const PAGE_SIZE = 20;

export function AdminUsersPage() {
  usePageTitle('用户管理');
  const { user: me } = useAuth();
  const [query, setQuery] = useState('');
  const [q, setQ] = useState('');
  const [items, setItems] = useState<User[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);

  const load = useCallback(async (search: string, after: string | null) => {
    const gen = ++generation.current;
    setLoading(true);
    setError(null);
    try {
      const page = await adminApi.listUsers({ q: search || undefined, after, limit: PAGE_SIZE });
      if (gen !== generation.current) return; // a newer search superseded this one
      const got = page.items ?? [];
      setItems((prev) => (after ? [...prev, ...got] : got));
      setNext(page.next ?? null);
    } catch (e) {
      if (gen === generation.current) setError(isApiError(e) ? e.detail : '加载失败');
    } finally {
      if (gen === generation.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load(q, null);
  }, [q, load]);

  const onSearch = (ev: FormEvent) => {
    ev.preventDefault();
    const trimmed = query.trim();
    if (trimmed === q) void load(q, null);
    else setQ(trimmed);
  };

  const onUpdated = (u: User) => {
    setItems((list) => list.map((x) => (x.id === u.id ? u : x)));
    // Own roles changed: the server has revoked our token, so sign in again (RequireAuth redirects).
    if (u.id === me?.id) clearSession();
  };

  return (
    <section className="container page" data-testid="admin-users">
      <h1>用户管理</h1>
      <form className="search-bar" role="search" onSubmit={onSearch}>
        <label htmlFor="user-search" className="sr-only">
          搜索用户
        </label>
        <input
          id="user-search"
          type="search"
          placeholder="按用户名或昵称搜索"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="submit" className="btn btn-primary">
          搜索
        </button>
      </form>
      <FormAlert message={error} />
      {items.length === 0 && !loading && !error && <p className="muted">没有找到用户。</p>}
      <ul className="user-list">
        {items.map((u) => (
          <UserRow key={u.id} user={u} selfId={me?.id} onUpdated={onUpdated} />
        ))}
      </ul>
      <div className="list-footer">
        {loading && <span className="muted">加载中…</span>}
        {!loading && next && (
          <button type="button" className="btn btn-ghost" onClick={() => load(q, next)} data-testid="load-more">
            加载更多
          </button>
        )}
      </div>
    </section>
  );
}
