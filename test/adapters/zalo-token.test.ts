// [R37] Zalo's 25-hour access token renews itself through OAuth v4 with the single-use refresh token,
// against the local Zalo over HTTP and the token store in the database (PGlite, or the PostgreSQL
// server when TEST_DATABASE_URL is set): a refused token is renewed once and the message still goes;
// two processes sharing the database spend each refresh token once; the stored pair is sealed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalChatServer } from '../../src/adapters/chat/local-chat-server.ts';
import { createZaloChatSender } from '../../src/adapters/chat/zalo-chat-client.ts';
import {
  exchangeRefreshToken,
  renewingAccessToken,
  type TokenStore,
} from '../../src/adapters/chat/zalo-token.ts';
import { databaseTokenStore } from '../../src/modules/notifications/provider-token-store.ts';
import { DataProtection } from '../../src/platform/crypto/data-protection.ts';
import { loadKeyring } from '../../src/platform/crypto/keyring.ts';
import type { DatabaseHandle } from '../../src/platform/db/database.ts';
import { createTestDatabase } from '../helpers/test-database.ts';

const APP_ID = '1234567890123456789';
const APP_SECRET = 'app-secret-key-1';
let zalo: LocalChatServer;
let database: DatabaseHandle;
const keyFile = path.join(os.tmpdir(), `motcua-zalo-token-keyring-${process.pid}.json`);
const protection = new DataProtection(
  loadKeyring({ masterKeys: undefined, blindIndexKey: undefined, file: keyFile }),
);
const storeFor = () => databaseTokenStore(database.db, 'zalo', protection);

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
  fs.rmSync(keyFile, { force: true });
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

const storedRow = async () =>
  database.db
    .selectFrom('providerTokens')
    .selectAll()
    .where('provider', '=', 'zalo')
    .executeTakeFirstOrThrow();
/** The stored row with its tokens opened. */
const stored = async () => {
  const row = await storedRow();
  return {
    ...row,
    accessToken: await protection.open(database.db, row.accessToken),
    refreshToken: await protection.open(database.db, row.refreshToken),
  };
};

describe('[R37] Zalo access token renewal', () => {
  it('exchanges the configured refresh token at first use and keeps the new pair in the database', async () => {
    const chat = processWith(storeFor());
    const sent = await chat.send(message(1));
    expect(sent.providerMessageId).toBeTruthy();
    expect(zalo.renewals).toBe(1);
    const row = await stored();
    expect(row.refreshToken).not.toBe('initial-refresh');
    expect(row.accessToken).not.toBe('initial-access');
    expect(row.renewals).toBe(1);
    // At rest both tokens are sealed under a system data key (goal 23): the table never holds them.
    const raw = await storedRow();
    for (const [sealed, plain] of [
      [raw.accessToken, row.accessToken],
      [raw.refreshToken, row.refreshToken],
    ]) {
      expect(sealed).toMatch(/^enc:v1:/);
      expect(sealed).not.toContain(plain);
    }
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
    const first = processWith(storeFor());
    const second = processWith(storeFor());
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
      store: storeFor(),
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

  it('a pair stored in plaintext before sealing is read, renewed and then kept sealed', async () => {
    const plain = await stored();
    await database.db
      .updateTable('providerTokens')
      .set({ accessToken: plain.accessToken, refreshToken: plain.refreshToken })
      .where('provider', '=', 'zalo')
      .execute();
    zalo.expireAccessTokens();
    const sent = await processWith(storeFor()).send(message(7));
    expect(sent.providerMessageId).toBeTruthy();
    const raw = await storedRow();
    expect(raw.refreshToken).toMatch(/^enc:v1:/);
    expect(raw.accessToken).toMatch(/^enc:v1:/);
    expect((await stored()).refreshToken).not.toBe(plain.refreshToken);
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
