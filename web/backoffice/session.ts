import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import type { LoginResponse } from '../../src/modules/auth/auth.schemas.ts';
import { ApiError, api } from '../api/client.ts';
import { navigate } from '../ui/router.tsx';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out'; expired?: boolean }
  | { status: 'signed-in'; session: LoginResponse };

/** The officer's session: asked of the server (the cookie is HttpOnly), never kept in storage. */
export function useSession() {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  useEffect(() => {
    api.me().then(
      (session) => setState({ status: 'signed-in', session }),
      () => setState({ status: 'signed-out' }),
    );
  }, []);
  const signedIn = useCallback((session: LoginResponse) => setState({ status: 'signed-in', session }), []);
  const signOut = useCallback(async () => {
    await api.logout().catch(() => {});
    setState({ status: 'signed-out' });
    // The next person starts at the home screen, not at the previous one's page.
    navigate('/admin/', { replace: true });
  }, []);
  /** A 401 from any call: the session timed out or was revoked (lock, password change elsewhere). */
  const expired = useCallback(() => setState({ status: 'signed-out', expired: true }), []);
  return { state, signedIn, signOut, expired };
}

export interface SessionActions {
  session: LoginResponse;
  signedIn(session: LoginResponse): void;
  expired(): void;
}

export const SessionContext = createContext<SessionActions | null>(null);

export function useSessionActions(): SessionActions {
  const value = useContext(SessionContext);
  if (!value) {
    throw new Error('useSessionActions outside SessionContext');
  }
  return value;
}

/** Runs an API call; a 401 ends the session in the UI, anything else is rethrown to the form. */
export function useGuardedCall() {
  const { expired } = useSessionActions();
  return useCallback(
    async <T>(call: () => Promise<T>): Promise<T> => {
      try {
        return await call();
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          expired();
        }
        throw error;
      }
    },
    [expired],
  );
}

export function can(session: LoginResponse, action: string): boolean {
  return (session.user.permissions as string[]).includes(action);
}
