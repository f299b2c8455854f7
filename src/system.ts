// The composition root: config → database → migrations → demo seed → blobs → jobs → HTTP app.
// Both the server (main.ts) and the tests start the system through here.
import path from 'node:path';
import type { Logger } from 'pino';
import { seedDemo } from './modules/demo/seed-demo.ts';
import { registerModules } from './modules/index.ts';
import { jobDefinitions } from './modules/jobs.ts';
import { createLocalBlobStore } from './platform/blobs/local-blob-store.ts';
import type { Config } from './platform/config/config.ts';
import { type DatabaseHandle, openDatabase } from './platform/db/database.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { type App, buildApp } from './platform/http/app.ts';
import { JobQueue } from './platform/jobs/job-queue.ts';

export interface RunningSystem {
  app: App;
  database: DatabaseHandle;
  jobs: JobQueue;
  close(): Promise<void>;
}

export interface StartOptions {
  logger: Logger;
  /** An already opened database (tests pass a fresh one); otherwise opened from config. */
  database?: DatabaseHandle;
  webDistDir?: string;
}

export async function startSystem(config: Config, options: StartOptions): Promise<RunningSystem> {
  const { logger } = options;
  const database = options.database ?? (await openDatabase(config.database));
  const readiness = { migrated: false };
  let jobs: JobQueue | undefined;
  try {
    const applied = await migrateToLatest(database.db);
    readiness.migrated = true;
    if (applied.length > 0) {
      logger.info({ applied }, 'migrations applied');
    }
    if (config.demo) {
      const { seeded } = await seedDemo(database.db);
      if (seeded) {
        logger.info('demo data seeded (tỉnh An Hòa)');
      }
    }
    const blobs = createLocalBlobStore(path.join(config.dataDir, 'blobs'));
    jobs = await JobQueue.start({
      handle: database,
      logger,
      definitions: jobDefinitions(database.db),
      work: config.workers,
    });
    const app = await buildApp(
      { config, database, jobs, blobs, logger, readiness },
      { routes: registerModules, ...(options.webDistDir ? { webDistDir: options.webDistDir } : {}) },
    );
    const runningJobs = jobs;
    return {
      app,
      database,
      jobs: runningJobs,
      async close() {
        await app.close();
        await runningJobs.stop();
        await database.close();
      },
    };
  } catch (error) {
    await jobs?.stop().catch(() => {});
    await database.close().catch(() => {});
    throw error;
  }
}
