import { createContext, useCallback, useContext, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import { authApi } from '../api/identity';
import type { LoginRequest, Role, User } from '../api/types';
import {
  clearSession,
  getSession,
  sessionFromLogin,
  setSession,
  subscribeSession,
  updateSessionUser,
} from './session';

export interface AuthState {
  user: User | null;
  token: string | null;
  login: (req: LoginRequest) => Promise<User>;
  logout: () => Promise<void>;
  /** Re-read the current user from GET /api/me. */
  refresh: () => Promise<User | null>;
  hasRole: (role: Role) => boolean;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const session = useSyncExternalStore(subscribeSession, getSession, getSession);
  const token = session?.token ?? null;
  const user = session?.user ?? null;

  const login = useCallback(async (req: LoginRequest) => {
    const result = await authApi.login(req);
    setSession(sessionFromLogin(result));
    return result.user;
  }, []);

  const logout = useCallback(async () => {
    try {
      if (getSession()) await authApi.logout();
    } catch {
      // Whatever the server says, the local session ends here.
    } finally {
      clearSession();
    }
  }, []);

  const refresh = useCallback(async () => {
    if (!getSession()) return null;
    const me = await authApi.me();
    updateSessionUser(me);
    return me;
  }, []);

  // Roles may have changed since the last login: refresh once when a token appears.
  useEffect(() => {
    if (!token) return;
    const ctrl = new AbortController();
    authApi
      .me(ctrl.signal)
      .then(updateSessionUser)
      .catch(() => {
        /* a 401 has already cleared the session; other errors keep the cached user */
      });
    return () => ctrl.abort();
  }, [token]);

  const value = useMemo<AuthState>(
    () => ({
      user,
      token,
      login,
      logout,
      refresh,
      hasRole: (role) => !!user?.roles.includes(role),
    }),
    [user, token, login, logout, refresh],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth must be used inside <AuthProvider>');
  return ctx;
}
