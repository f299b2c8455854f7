// Server-side sessions in PostgreSQL (security goal 5): revocable, and shared by every instance.
// Idle expiry is the rolling cookie's expiry; the absolute lifetime is enforced here from created_at.
import type { FastifySessionOptions } from '@fastify/session';
import type { Session } from 'fastify';
import type { Db } from '../db/database.ts';

type Store = NonNullable<FastifySessionOptions['store']>;

export interface SessionStoreOptions {
  idleSeconds: number;
  absoluteSeconds: number;
  now?: () => Date;
}

export function createPgSessionStore(db: Db, options: SessionStoreOptions): Store {
  const now = options.now ?? (() => new Date());
  // Idle expiry is decided here, on the server, from the session's own idle limit: every request
  // saves the session again (rolling), which moves the expiry forward.
  const expiry = (session: Session): Date =>
    new Date(now().getTime() + (session.idleSeconds ?? options.idleSeconds) * 1000);
  return {
    set(sid, session, callback) {
      const data = JSON.stringify(session);
      const userId = typeof session.userId === 'string' ? session.userId : null;
      db.insertInto('httpSessions')
        .values({ sid, data, userId, expiresAt: expiry(session) })
        .onConflict((oc) => oc.column('sid').doUpdateSet({ data, userId, expiresAt: expiry(session) }))
        .execute()
        .then(() => callback(), callback);
    },
    get(sid, callback) {
      db.selectFrom('httpSessions')
        .select(['data', 'expiresAt', 'createdAt'])
        .where('sid', '=', sid)
        .executeTakeFirst()
        .then(async (row) => {
          const at = now().getTime();
          const data = row?.data as { createdAt?: number } | undefined;
          const startedAt = data?.createdAt ?? (row ? new Date(row.createdAt).getTime() : 0);
          const absoluteEnd = startedAt + options.absoluteSeconds * 1000;
          if (!row || new Date(row.expiresAt).getTime() <= at || absoluteEnd <= at) {
            if (row) {
              await db.deleteFrom('httpSessions').where('sid', '=', sid).execute();
            }
            callback(null, null);
            return;
          }
          callback(null, row.data as unknown as Session);
        })
        .catch(callback);
    },
    destroy(sid, callback) {
      db.deleteFrom('httpSessions')
        .where('sid', '=', sid)
        .execute()
        .then(() => callback(), callback);
    },
  };
}

/** Ends every session of a user (logout everywhere, lock, password change). */
export async function destroyUserSessions(db: Db, userId: string): Promise<number> {
  const result = await db.deleteFrom('httpSessions').where('userId', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function purgeExpiredSessions(db: Db, at: Date = new Date()): Promise<number> {
  const result = await db.deleteFrom('httpSessions').where('expiresAt', '<=', at).executeTakeFirst();
  return Number(result.numDeletedRows);
}
