// Loads data for a screen: { status: loading | ready | error }, reloaded when the key changes. While a
// new key loads, the previous data stays on screen (no flicker) with `refreshing` set, so the screen
// can mark it busy.
import { useEffect, useState } from 'react';

export type AsyncState<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'error'; error: unknown };

export function useAsync<T>(
  load: () => Promise<T>,
  key: string,
): AsyncState<T> & { reload(): void; refreshing: boolean } {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const [loadedKey, setLoadedKey] = useState(key);
  const [tick, setTick] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key and tick say when to reload.
  useEffect(() => {
    let alive = true;
    setState((previous) => (previous.status === 'ready' ? previous : { status: 'loading' }));
    load().then(
      (data) => {
        if (alive) {
          setState({ status: 'ready', data });
          setLoadedKey(key);
        }
      },
      (error: unknown) => alive && setState({ status: 'error', error }),
    );
    return () => {
      alive = false;
    };
  }, [key, tick]);
  return {
    ...state,
    refreshing: state.status === 'ready' && loadedKey !== key,
    reload: () => setTick((t) => t + 1),
  };
}
