// The composition root: config → database → migrations → default calendar → demo seed → blobs → jobs → HTTP app.
// Both the server (main.ts) and the tests start the system through here.
import type { Logger } from 'pino';
import { createClamdScanner } from './adapters/antivirus/clamd-scanner.ts';
import { createLocalSignatureScanner } from './adapters/antivirus/virus-scanner.ts';
import { type NotificationProviders, startNotificationProviders } from './adapters/notification-providers.ts';
import { accountWithSession } from './modules/auth/auth.repository.ts';
import { ensureDefaultCalendar } from './modules/calendar/calendar.seed.ts';
import { seedDemoNotifications } from './modules/demo/demo-notifications.ts';
import { seedDemo } from './modules/demo/seed-demo.ts';
import { registerModules } from './modules/index.ts';
import { jobDefinitions } from './modules/jobs.ts';
import { bindNotificationRuntime } from './modules/notifications/notifications.jobs.ts';
import { databaseTokenStore } from './modules/notifications/provider-token-store.ts';
import { ensureNationalRuleSets } from './modules/rules/rule-sets.repository.ts';
import { createSigningService } from './modules/signatures/signing-service.ts';
import { encryptLegacyPlaintext } from './modules/system/encrypt-legacy-plaintext.ts';
import type { Config } from './platform/config/config.ts';
import { openBlobStores, startDataProtection } from './platform/crypto/start.ts';
import { type DatabaseHandle, openDatabase } from './platform/db/database.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { type App, buildApp } from './platform/http/app.ts';
import { JobQueue } from './platform/jobs/job-queue.ts';

export interface RunningSystem {
  app: App;
  database: DatabaseHandle;
  jobs: JobQueue;
  /** E-mail, SMS and chat providers (local simulations or real clients). */
  notifications: NotificationProviders;
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
  let providers: NotificationProviders | undefined;
  try {
    const applied = await migrateToLatest(database.db);
    readiness.migrated = true;
    if (applied.length > 0) {
      logger.info({ applied }, 'migrations applied');
    }
    const ruleSetsAdded = await ensureNationalRuleSets(database.db);
    if (ruleSetsAdded.length > 0) {
      logger.info({ ruleSetsAdded }, 'national rule sets added');
    }
    // Every deployment needs its working calendar from day one (issue 3), demo or not.
    const calendar = await ensureDefaultCalendar(database.db);
    if (calendar.created || calendar.proposedYears.length > 0) {
      logger.info(calendar, 'working calendar ensured (holiday proposals need an administrator to confirm)');
    }
    // Goal 23: master keys from the configuration, data keys in the database, blobs encrypted.
    const protection = startDataProtection(config);
    const { blobs, quarantine } = openBlobStores(config, protection);
    if (config.demo) {
      const { seeded } = await seedDemo(database.db, { blobs });
      if (seeded) {
        logger.info('demo data seeded (tỉnh An Hòa)');
      }
    }
    const encrypted = await encryptLegacyPlaintext(database.db, protection);
    if (encrypted.total > 0) {
      logger.info(encrypted, 'plaintext ID numbers and drafts from before encryption at rest encrypted');
    }
    const scanner = config.clamd ? createClamdScanner(config.clamd) : createLocalSignatureScanner();
    if (!scanner.real) {
      logger.warn(
        'no antivirus configured (MOTCUA_CLAMD): uploads are checked against the EICAR test signature only',
      );
    }
    // The local SMS gateway and chat server call us back over loopback HTTP (inbound messages, receipts).
    const loopback = `http://127.0.0.1:${config.port}`;
    providers = await startNotificationProviders(
      config.notifications,
      {
        smsInboundUrl: `${loopback}/api/v1/channels/sms/inbound`,
        smsReceiptUrl: `${loopback}/api/v1/channels/sms/receipts`,
        chatInboundUrl: `${loopback}/api/v1/channels/chat/inbound`,
      },
      databaseTokenStore(database.db, 'zalo', protection),
    );
    jobs = await JobQueue.start({
      handle: database,
      logger,
      definitions: jobDefinitions(database.db, config),
      work: config.workers,
    });
    bindNotificationRuntime({ db: database.db, jobs, providers, config: config.notifications });
    if (config.demo && (await seedDemoNotifications(database.db, jobs, config))) {
      logger.info('demo notifications queued (simulated providers)');
    }
    const app = await buildApp(
      {
        config,
        database,
        jobs,
        blobs,
        quarantine,
        scanner,
        logger,
        readiness,
        notifications: providers,
        signing: createSigningService(config),
      },
      {
        routes: registerModules,
        sessionCompanion: accountWithSession,
        ...(options.webDistDir ? { webDistDir: options.webDistDir } : {}),
      },
    );
    const runningJobs = jobs;
    const runningProviders = providers;
    return {
      app,
      database,
      jobs: runningJobs,
      notifications: runningProviders,
      async close() {
        await app.close();
        await runningJobs.stop();
        bindNotificationRuntime(undefined);
        await runningProviders.close();
        await database.close();
      },
    };
  } catch (error) {
    await jobs?.stop().catch(() => {});
    await providers?.close().catch(() => {});
    await database.close().catch(() => {});
    throw error;
  }
}
