// Opens the system of record: PGlite under the data directory by default, a PostgreSQL server
// when DATABASE_URL is set. Same migrations and queries on both.
import type { PGlite } from '@electric-sql/pglite';
import { CamelCasePlugin, Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { DatabaseTarget } from '../config/config.ts';
import { lockDataDir, openPglite } from './pglite.ts';
import type { Database } from './schema.ts';
import { PG_TYPE_PARSERS } from './type-parsers.ts';

export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  kind: DatabaseTarget['kind'];
  /** The PGlite instance (embedded only): the job queue shares its single connection. */
  pglite: PGlite | undefined;
  /** Connection string (server only): the job queue opens its own small pool. */
  url: string | undefined;
  close(): Promise<void>;
}

export function createKysely(dialect: PGliteDialect | PostgresDialect): Db {
  return new Kysely<Database>({ dialect, plugins: [new CamelCasePlugin()] });
}

export function createPgPool(url: string, max = 10): pg.Pool {
  const types = {
    getTypeParser: (oid: number, format?: string) =>
      PG_TYPE_PARSERS[oid] ?? pg.types.getTypeParser(oid, format as 'text'),
  };
  const pool = new pg.Pool({ connectionString: url, max, types, options: '-c TimeZone=UTC' });
  // An idle client losing its server connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  return pool;
}

export async function openDatabase(
  target: DatabaseTarget,
  options: { loadDataDir?: Blob; inMemory?: boolean } = {},
): Promise<DatabaseHandle> {
  if (target.kind === 'postgres') {
    const pool = createPgPool(target.url);
    const db = createKysely(new PostgresDialect({ pool }));
    return { db, kind: 'postgres', pglite: undefined, url: target.url, close: () => db.destroy() };
  }
  const unlock = options.inMemory ? () => {} : lockDataDir(target.dataDir);
  try {
    const pglite = await openPglite({
      ...(options.inMemory ? {} : { dataDir: target.dataDir }),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
    const db = createKysely(new PGliteDialect({ pglite }));
    const close = async () => {
      await db.destroy();
      unlock();
    };
    return { db, kind: 'pglite', pglite, url: undefined, close };
  } catch (error) {
    unlock();
    throw error;
  }
}

export async function serverVersion(db: Db): Promise<string> {
  const { rows } = await sql<{
    version: string;
  }>`select current_setting('server_version') as version`.execute(db);
  return rows[0]?.version ?? 'unknown';
}
