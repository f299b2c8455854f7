// Goal 5 and goal 36: the session store on a real database (PGlite, or the PostgreSQL server when
// TEST_DATABASE_URL is set). A rolling session whose content has not changed is written again only
// once its stored expiry is a tenth of the idle limit (at most 30 s) behind; a change is written at
// once; the idle and absolute limits still hold from what is stored.
import type { Session } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/platform/db/database.ts';
import { createPgSessionStore, type SessionCompanion } from '../../src/platform/http/session-store.ts';
import { createTestDatabase } from '../helpers/test-database.ts';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const start = Date.parse('2026-11-23T02:00:00Z');

function storeAt(clock: { at: number }, companion?: SessionCompanion) {
  const store = createPgSessionStore(database.db, {
    idleSeconds: 900,
    absoluteSeconds: 12 * 3600,
    now: () => new Date(clock.at),
    ...(companion ? { companion } : {}),
  });
  const set = (sid: string, session: object) =>
    new Promise<void>((resolve, reject) =>
      store.set(sid, session as unknown as Session, (error?: unknown) => (error ? reject(error) : resolve())),
    );
  const get = (sid: string) =>
    new Promise<Record<string, unknown> | null>((resolve, reject) =>
      store.get(sid, (error: unknown, session?: Session | null) =>
        error ? reject(error) : resolve((session as unknown as Record<string, unknown>) ?? null),
      ),
    );
  return { set, get };
}

const storedExpiry = async (sid: string) => {
  const row = await database.db
    .selectFrom('httpSessions')
    .select('expiresAt')
    .where('sid', '=', sid)
    .executeTakeFirstOrThrow();
  return new Date(row.expiresAt).getTime();
};

/** One request: the session is read, then saved with its cookie's expiry moved (rolling). */
async function request(store: ReturnType<typeof storeAt>, clock: { at: number }, sid: string) {
  const session = await store.get(sid);
  if (!session) {
    return null;
  }
  await store.set(sid, { ...session, cookie: { expires: new Date(clock.at + 900_000).toISOString() } });
  return session;
}

describe('[goal 5, goal 36] session store', () => {
  it('writes an unchanged session again only when its stored expiry is 30 s behind', async () => {
    const clock = { at: start };
    const store = storeAt(clock);
    await store.set('s1', { createdAt: start, cookie: {} });
    expect(await storedExpiry('s1')).toBe(start + 900_000);

    clock.at = start + 10_000;
    expect(await request(store, clock, 's1')).not.toBeNull();
    expect(await storedExpiry('s1')).toBe(start + 900_000);

    clock.at = start + 29_999;
    await request(store, clock, 's1');
    expect(await storedExpiry('s1')).toBe(start + 900_000);

    clock.at = start + 30_000;
    await request(store, clock, 's1');
    expect(await storedExpiry('s1')).toBe(start + 930_000);
  });

  it('writes a changed session at once', async () => {
    const clock = { at: start };
    const store = storeAt(clock);
    await store.set('s2', { createdAt: start, cookie: {} });
    clock.at = start + 1_000;
    const session = await store.get('s2');
    await store.set('s2', { ...session, assurance: 'password' });
    expect(await storedExpiry('s2')).toBe(start + 901_000);
    expect((await store.get('s2'))?.assurance).toBe('password');
  });

  it('a short idle limit (5 minutes) is touched every 30 s; a 1-minute one every 6 s', async () => {
    const clock = { at: start };
    const store = storeAt(clock);
    await store.set('admin', { createdAt: start, idleSeconds: 300, cookie: {} });
    await store.set('short', { createdAt: start, idleSeconds: 60, cookie: {} });
    clock.at = start + 6_000;
    await request(store, clock, 'admin');
    await request(store, clock, 'short');
    expect(await storedExpiry('admin')).toBe(start + 300_000);
    expect(await storedExpiry('short')).toBe(start + 66_000);
  });

  it('an idle session still ends: never later than the idle limit after its last request', async () => {
    const clock = { at: start };
    const store = storeAt(clock);
    await store.set('s3', { createdAt: start, cookie: {} });
    // Requests every 20 s for 2 minutes; the last one at start + 120 s.
    for (let t = 20_000; t <= 120_000; t += 20_000) {
      clock.at = start + t;
      await request(store, clock, 's3');
    }
    const expiry = await storedExpiry('s3');
    expect(expiry).toBeLessThanOrEqual(start + 120_000 + 900_000);
    expect(expiry).toBeGreaterThan(start + 120_000 + 900_000 - 30_000);
    clock.at = expiry;
    expect(await store.get('s3')).toBeNull();
    expect(
      await database.db.selectFrom('httpSessions').select('sid').where('sid', '=', 's3').executeTakeFirst(),
    ).toBeUndefined();
  });

  it('the absolute limit holds however often the session is used', async () => {
    const clock = { at: start };
    const store = storeAt(clock);
    await store.set('s4', { createdAt: start, cookie: {} });
    for (let t = 600_000; t < 12 * 3_600_000; t += 600_000) {
      clock.at = start + t;
      expect(await request(store, clock, 's4')).not.toBeNull();
    }
    clock.at = start + 12 * 3_600_000;
    expect(await store.get('s4')).toBeNull();
  });

  it('reads a companion in the same query, afresh each time, and never stores it', async () => {
    const clock = { at: start };
    // The session's user's name, as the account is read in the app (accountWithSession).
    const store = storeAt(clock, {
      select: (eb) =>
        eb.selectFrom('users').select('fullName').whereRef('users.id', '=', 'httpSessions.userId').limit(1),
    });
    const userId = '0193a1b2-0000-7000-8000-00000000c0de';
    await database.db
      .insertInto('users')
      .values({
        id: userId,
        username: 'companion.test',
        fullName: 'Nguyễn Văn A',
        kind: 'officer',
        passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$unused',
      })
      .execute();
    await store.set('s5', { createdAt: start, userId, cookie: {} });
    const first = await store.get('s5');
    expect(first?.companion).toBe('Nguyễn Văn A');
    await database.db.updateTable('users').set({ fullName: 'Trần Thị B' }).where('id', '=', userId).execute();
    clock.at = start + 31_000;
    const second = await request(store, clock, 's5');
    expect(second?.companion).toBe('Trần Thị B');
    const row = await database.db
      .selectFrom('httpSessions')
      .select(['data', 'expiresAt'])
      .where('sid', '=', 's5')
      .executeTakeFirstOrThrow();
    // Written again (31 s later), and still without the companion.
    expect(new Date(row.expiresAt).getTime()).toBe(start + 931_000);
    expect(row.data).not.toHaveProperty('companion');
    expect(JSON.stringify(row.data)).not.toContain('Trần Thị B');
    // A session without a user has a null companion.
    await store.set('s6', { createdAt: start, cookie: {} });
    expect((await store.get('s6'))?.companion).toBeNull();
  });
});
