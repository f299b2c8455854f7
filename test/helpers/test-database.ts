// A fresh, migrated database owned by one test file: PGlite in memory by default, a uniquely named
// database on the PostgreSQL server when TEST_DATABASE_URL is set. close() drops it.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { inject } from 'vitest';
import { createPgPool, type DatabaseHandle, openDatabase } from '../../src/platform/db/database.ts';

export const onServer = (): boolean => inject('pgServerUrl') !== '';

export async function createTestDatabase(): Promise<DatabaseHandle> {
  const serverUrl = inject('pgServerUrl');
  if (!serverUrl) {
    const dump = new Blob([fs.readFileSync(inject('pgliteDumpFile'))]);
    return openDatabase({ kind: 'pglite', dataDir: 'memory' }, { inMemory: true, loadDataDir: dump });
  }
  const name = `motcua_test_${randomBytes(6).toString('hex')}`;
  const admin = createPgPool(serverUrl, 1);
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: url.toString() });
  return {
    ...handle,
    async close() {
      await handle.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
