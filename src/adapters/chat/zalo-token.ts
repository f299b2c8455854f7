// Zalo OA access tokens (docs/adapters/zalo-oa.md): an access token lives 25 hours and is renewed
// with the refresh token (3 months, single use) at
//   POST <oauth>/v4/oa/access_token   header secret_key: <app secret>
//        form app_id, grant_type=refresh_token, refresh_token
//   → { access_token, refresh_token, expires_in: "90000" }   (failure: { error: -14xxx, error_name })
// The pair lives in a store that renews under a lock, so two app processes never spend one refresh
// token twice: the second one finds the first one's new pair and uses it.
import { DeliveryError } from '../delivery.ts';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresAt: Date;
}

export interface TokenStore {
  read(): Promise<TokenPair | null>;
  /**
   * Holds the provider's lock (stored as `seed` first if there is nothing yet), runs `decide` with the
   * pair stored now and keeps the pair it returns.
   */
  withLock(seed: TokenPair, decide: (current: TokenPair) => Promise<TokenPair>): Promise<TokenPair>;
}

/** What the chat client asks for a token, and tells when Zalo refused one (error -124). */
export interface AccessTokenSource {
  current(): Promise<string>;
  renew(rejected: string): Promise<string>;
}

/** A token set by the operator that nothing renews (no refresh token configured). */
export function fixedAccessToken(token: string): AccessTokenSource {
  return {
    current: async () => token,
    renew: async () => {
      throw new DeliveryError(
        'Zalo refused the access token and no refresh token is configured (MOTCUA_CHAT_REFRESH_TOKEN)',
        false,
      );
    },
  };
}

export interface ZaloOAuthOptions {
  /** OAuth base, https://oauth.zaloapp.com in production. */
  oauthUrl: string;
  appId: string;
  /** The application's secret key (not the OA secret key that signs webhook events). */
  appSecret: string;
  timeoutMs?: number;
}

export async function exchangeRefreshToken(
  options: ZaloOAuthOptions,
  refreshToken: string,
  now: Date,
): Promise<TokenPair> {
  let response: Response;
  try {
    response = await fetch(`${options.oauthUrl.replace(/\/+$/, '')}/v4/oa/access_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: options.appSecret },
      body: new URLSearchParams({
        app_id: options.appId,
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
      }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
  } catch (error) {
    throw new DeliveryError(`Zalo OAuth unreachable: ${(error as Error).message}`, false);
  }
  const body = (await response.json().catch(() => ({}))) as {
    access_token?: string;
    refresh_token?: string;
    expires_in?: string | number;
    error?: number;
    error_name?: string;
  };
  const seconds = Number(body.expires_in);
  if (!response.ok || !body.access_token || !body.refresh_token || !(seconds > 0)) {
    // Retryable: an operator can put a new refresh token in place; the message says what failed.
    throw new DeliveryError(
      `Zalo OAuth refused the refresh token: ${body.error ?? response.status} ${body.error_name ?? ''}`.trim(),
      false,
    );
  }
  return {
    accessToken: body.access_token,
    refreshToken: body.refresh_token,
    expiresAt: new Date(now.getTime() + seconds * 1000),
  };
}

export interface RenewingTokenOptions {
  store: TokenStore;
  oauth: ZaloOAuthOptions;
  /** The pair the operator configured: used once, when the store has none yet. */
  initial: { accessToken: string; refreshToken: string };
  /** Renew this long before the expiry (default one hour). */
  renewAheadMs?: number;
  now?: () => Date;
}

export function renewingAccessToken(options: RenewingTokenOptions): AccessTokenSource {
  const now = options.now ?? (() => new Date());
  const ahead = options.renewAheadMs ?? 3_600_000;
  // Unknown expiry: the configured refresh token is exchanged at first use for a pair whose expiry is known.
  const seed: TokenPair = { ...options.initial, expiresAt: new Date(0) };
  let cached: TokenPair | null = null;
  const fresh = (pair: TokenPair) => pair.expiresAt.getTime() - now().getTime() > ahead;

  const renewFrom = async (stale: string | null): Promise<string> => {
    cached = await options.store.withLock(seed, async (current) => {
      // Another process (or request) renewed while we waited for the lock: use its pair.
      if (current.accessToken !== stale && fresh(current)) {
        return current;
      }
      return exchangeRefreshToken(options.oauth, current.refreshToken, now());
    });
    return cached.accessToken;
  };

  return {
    async current() {
      cached ??= await options.store.read();
      if (cached && fresh(cached)) {
        return cached.accessToken;
      }
      return renewFrom(cached?.accessToken ?? null);
    },
    renew: (rejected) => renewFrom(rejected),
  };
}

/** One process's store (the local chat server's demo tokens do not outlive it either). */
export function memoryTokenStore(): TokenStore {
  let pair: TokenPair | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  return {
    read: async () => pair,
    withLock(seed, decide) {
      const run = queue.then(async () => {
        pair = await decide(pair ?? seed);
        return pair;
      });
      queue = run.catch(() => {});
      return run;
    },
  };
}
