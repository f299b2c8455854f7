// Builds one migrated database template per test run, so each test file gets a fresh database in
// well under a second: a PGlite data-directory dump, or (TEST_DATABASE_URL) a PostgreSQL template
// database that each file copies with CREATE DATABASE … TEMPLATE and drops afterwards.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createPgPool, openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { JobQueue } from '../src/platform/jobs/job-queue.ts';
import { createLogger } from '../src/platform/logging/logger.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDumpFile: string;
    pgServerUrl: string;
    pgTemplate: string;
  }
}

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const logger = createLogger({ logLevel: 'silent' });
  const serverUrl = process.env.TEST_DATABASE_URL?.trim();
  if (serverUrl) {
    const template = `motcua_tpl_${randomBytes(4).toString('hex')}`;
    const admin = createPgPool(serverUrl, 1);
    await admin.query(`CREATE DATABASE ${template}`);
    const handle = await openDatabase({ kind: 'postgres', url: databaseUrl(serverUrl, template) });
    await migrateToLatest(handle.db);
    const jobs = await JobQueue.start({ handle, logger, definitions: [], work: false });
    await jobs.stop();
    await handle.close();
    project.provide('pgServerUrl', serverUrl);
    project.provide('pgTemplate', template);
    project.provide('pgliteDumpFile', '');
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      await admin.end();
    };
  }
  const handle = await openDatabase({ kind: 'pglite', dataDir: 'memory' }, { inMemory: true });
  await migrateToLatest(handle.db);
  const jobs = await JobQueue.start({ handle, logger, definitions: [], work: false });
  await jobs.stop();
  const dump = await handle.pglite?.dumpDataDir('none');
  await handle.close();
  if (!dump) {
    throw new Error('PGlite dump failed');
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-test-'));
  const file = path.join(dir, 'migrated.tar');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteDumpFile', file);
  project.provide('pgServerUrl', '');
  project.provide('pgTemplate', '');
  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
