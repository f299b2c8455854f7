// Server-side sessions in PostgreSQL (security goal 5): revocable, and shared by every instance.
// Idle expiry is the rolling cookie's expiry; the absolute lifetime is enforced here from created_at.
// A rolling session is saved after every request; when only its expiry moves, and by less than a
// tenth of its idle limit (at most 30 s), the write is skipped: the idle limit then counts from at
// most that much earlier (shorter, never longer) and a busy officer costs one write per 30 s, not
// one per request (goal 36: fewer database round trips under load).
// A companion (the signed-in account, supplied by the composition root) can be read in the same
// query as the session row: it reaches the request as `session.companion` and is never stored.
import type { FastifySessionOptions } from '@fastify/session';
import type { Session } from 'fastify';
import type { AliasableExpression, ExpressionBuilder } from 'kysely';
import { setBounded } from '../bounded-map.ts';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';

type Store = NonNullable<FastifySessionOptions['store']>;

/** What to read beside the session row, as an expression over it (e.g. its user's account as JSON). */
export interface SessionCompanion {
  select: (eb: ExpressionBuilder<Database, 'httpSessions'>) => AliasableExpression<unknown>;
}

export interface SessionStoreOptions {
  idleSeconds: number;
  absoluteSeconds: number;
  now?: () => Date;
  companion?: SessionCompanion;
}

const TOUCH_EVERY_MS = 30_000;
/** Sessions this process has read or written lately: their stored content and expiry. */
const RECENT_LIMIT = 10_000;

/** The session's content as stored, without the cookie (whose expiry moves on every request). */
function contentOf(session: Session): string {
  const { cookie: _cookie, companion: _companion, ...content } = session as Session & { cookie?: unknown };
  return JSON.stringify(content);
}

/** The session as stored: everything but the companion, which is read afresh with every request. */
function storedForm(session: Session): string {
  const { companion: _companion, ...stored } = session;
  return JSON.stringify(stored);
}

export function createPgSessionStore(db: Db, options: SessionStoreOptions): Store {
  const now = options.now ?? (() => new Date());
  // Idle expiry is decided here, on the server, from the session's own idle limit: every request
  // saves the session again (rolling), which moves the expiry forward.
  const idleMs = (session: Session): number => (session.idleSeconds ?? options.idleSeconds) * 1000;
  const recent = new Map<string, { content: string; expiresAt: number }>();
  const remember = (sid: string, content: string, expiresAt: number) =>
    setBounded(recent, sid, { content, expiresAt }, RECENT_LIMIT);
  return {
    set(sid, session, callback) {
      const content = contentOf(session);
      const expiresAt = now().getTime() + idleMs(session);
      const known = recent.get(sid);
      const slack = Math.min(TOUCH_EVERY_MS, idleMs(session) / 10);
      if (known && known.content === content && expiresAt - known.expiresAt < slack) {
        callback();
        return;
      }
      const data = storedForm(session);
      const userId = typeof session.userId === 'string' ? session.userId : null;
      const expires = new Date(expiresAt);
      db.insertInto('httpSessions')
        .values({ sid, data, userId, expiresAt: expires })
        .onConflict((oc) => oc.column('sid').doUpdateSet({ data, userId, expiresAt: expires }))
        .execute()
        .then(() => {
          remember(sid, content, expiresAt);
          callback();
        }, callback);
    },
    get(sid, callback) {
      const companion = options.companion;
      db.selectFrom('httpSessions')
        .select(['data', 'expiresAt', 'createdAt'])
        .$if(companion !== undefined, (query) =>
          query.select((eb) => (companion as SessionCompanion).select(eb).as('companion')),
        )
        .where('sid', '=', sid)
        .executeTakeFirst()
        .then(async (row) => {
          const at = now().getTime();
          const data = row?.data as { createdAt?: number } | undefined;
          const startedAt = data?.createdAt ?? (row ? new Date(row.createdAt).getTime() : 0);
          const absoluteEnd = startedAt + options.absoluteSeconds * 1000;
          if (!row || new Date(row.expiresAt).getTime() <= at || absoluteEnd <= at) {
            recent.delete(sid);
            if (row) {
              await db.deleteFrom('httpSessions').where('sid', '=', sid).execute();
            }
            callback(null, null);
            return;
          }
          const session = row.data as unknown as Session;
          remember(sid, contentOf(session), new Date(row.expiresAt).getTime());
          if (companion) {
            session.companion = (row as { companion?: unknown }).companion ?? null;
          }
          callback(null, session);
        })
        .catch(callback);
    },
    destroy(sid, callback) {
      recent.delete(sid);
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
