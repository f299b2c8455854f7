// [R37] Zalo's 25-hour access token renews itself through OAuth v4 with the single-use refresh token,
// against the local Zalo over HTTP and the token store in the database (PGlite, or the PostgreSQL
// server when TEST_DATABASE_URL is set): a refused token is renewed once and the message still goes;
// two processes sharing the database spend each refresh token once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalChatServer } from '../../src/adapters/chat/local-chat-server.ts';
import { createZaloChatSender } from '../../src/adapters/chat/zalo-chat-client.ts';
import {
  exchangeRefreshToken,
  renewingAccessToken,
  type TokenStore,
} from '../../src/adapters/chat/zalo-token.ts';
import { databaseTokenStore } from '../../src/modules/notifications/provider-token-store.ts';
import type { DatabaseHandle } from '../../src/platform/db/database.ts';
import { createTestDatabase } from '../helpers/test-database.ts';

const APP_ID = '1234567890123456789';
const APP_SECRET = 'app-secret-key-1';
let zalo: LocalChatServer;
let database: DatabaseHandle;

beforeAll(async () => {
  zalo = new LocalChatServer({
    accessToken: 'initial-access',
    refreshToken: 'initial-refresh',
    appSecret: APP_SECRET,
    appId: APP_ID,
    oaSecretKey: 'oa-secret',
  });
  await zalo.start();
  database = await createTestDatabase();
});
afterAll(async () => {
  await zalo?.stop();
  await database?.close();
});

/** One app process: its own token source and chat client over the shared store. */
function processWith(store: TokenStore) {
  const token = renewingAccessToken({
    store,
    oauth: { oauthUrl: zalo.url, appId: APP_ID, appSecret: APP_SECRET },
    initial: { accessToken: 'initial-access', refreshToken: 'initial-refresh' },
  });
  return createZaloChatSender({ znsBaseUrl: zalo.url, oaBaseUrl: zalo.url, token });
}

const message = (n: number) => ({
  to: '0912345678',
  templateId: '256789',
  params: { ma_ho_so: `000.00.06.H99-261123-${String(n).padStart(4, '0')}` },
  trackingId: `tracking-${n}-${Math.random()}`,
});

const stored = async () =>
  database.db
    .selectFrom('providerTokens')
    .selectAll()
    .where('provider', '=', 'zalo')
    .executeTakeFirstOrThrow();

describe('[R37] Zalo access token renewal', () => {
  it('exchanges the configured refresh token at first use and keeps the new pair in the database', async () => {
    const chat = processWith(databaseTokenStore(database.db, 'zalo'));
    const sent = await chat.send(message(1));
    expect(sent.providerMessageId).toBeTruthy();
    expect(zalo.renewals).toBe(1);
    const row = await stored();
    expect(row.refreshToken).not.toBe('initial-refresh');
    expect(row.accessToken).not.toBe('initial-access');
    expect(row.renewals).toBe(1);
    // About 25 hours from now, as Zalo said (expires_in "90000").
    expect(new Date(row.expiresAt).getTime() - Date.now()).toBeGreaterThan(24.9 * 3_600_000);
    // The configured refresh token is spent: Zalo refuses it now.
    await expect(
      exchangeRefreshToken(
        { oauthUrl: zalo.url, appId: APP_ID, appSecret: APP_SECRET },
        'initial-refresh',
        new Date(),
      ),
    ).rejects.toThrow(/-14014/);
  });

  it('renews a token Zalo refuses (-124) and sends; two processes at once renew once', async () => {
    const first = processWith(databaseTokenStore(database.db, 'zalo'));
    const second = processWith(databaseTokenStore(database.db, 'zalo'));
    await first.send(message(2));
    await second.send(message(3));
    expect(zalo.renewals).toBe(1);

    zalo.expireAccessTokens();
    // The renewal takes a while, so the other process asks while it is under way.
    zalo.oauthDelayMs = 300;
    const answers = await Promise.all([
      first.send(message(4)),
      second.send(message(5)),
      first.send(message(6)),
    ]);
    zalo.oauthDelayMs = 0;
    expect(answers.every((a) => a.providerMessageId)).toBe(true);
    expect(zalo.renewals).toBe(2);
    expect((await stored()).renewals).toBe(2);
  });

  it('renews ahead of the expiry without waiting for a refusal', async () => {
    const token = renewingAccessToken({
      store: databaseTokenStore(database.db, 'zalo'),
      oauth: { oauthUrl: zalo.url, appId: APP_ID, appSecret: APP_SECRET },
      initial: { accessToken: 'initial-access', refreshToken: 'initial-refresh' },
      // 26 hours ahead: a 25-hour token is always due.
      renewAheadMs: 26 * 3_600_000,
    });
    const before = zalo.renewals;
    const renewed = await token.current();
    expect(zalo.renewals).toBe(before + 1);
    expect(renewed).toBe((await stored()).accessToken);
  });

  it('a wrong application secret is refused, and the failure is retryable', async () => {
    const error = await exchangeRefreshToken(
      { oauthUrl: zalo.url, appId: APP_ID, appSecret: 'wrong' },
      (await stored()).refreshToken,
      new Date(),
    ).catch((e: unknown) => e);
    expect(String(error)).toMatch(/-14003/);
    expect((error as { permanent?: boolean }).permanent).toBe(false);
  });
});
