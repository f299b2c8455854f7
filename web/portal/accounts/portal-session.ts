import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import type { LoginResponse } from '../../api/accounts.ts';
import { api } from '../../api/client.ts';

export type PortalSession = LoginResponse | null | undefined;

/** The citizen's session as the server sees it (undefined while asking). */
export function usePortalSessionState() {
  const [session, setSession] = useState<PortalSession>(undefined);
  useEffect(() => {
    api.me().then(setSession, () => setSession(null));
  }, []);
  const signOut = useCallback(async () => {
    await api.logout().catch(() => {});
    setSession(null);
  }, []);
  return { session, setSession, signOut };
}

export const PortalSessionContext = createContext<ReturnType<typeof usePortalSessionState> | null>(null);

export function usePortalSession() {
  const value = useContext(PortalSessionContext);
  if (!value) {
    throw new Error('usePortalSession outside PortalSessionContext');
  }
  return value;
}
