// Benchmark of the notification outbox (issue 8): e-mails per second from queueNotification (rows +
// jobs in the caller's transaction) through the pg-boss worker to the local SMTP server, against a
// baseline measured in the same run: the same messages sent directly with nodemailer to the same
// server, one after another (what the worker does per message, without the outbox).
// Standalone: node --import tsx bench/notifications.bench.ts   (BENCH_DATABASE_URL: on a PostgreSQL server)
import { performance } from 'node:perf_hooks';
import { LocalSmtpServer } from '../src/adapters/email/local-smtp-server.ts';
import { createSmtpEmailSender } from '../src/adapters/email/smtp-email.ts';
import type { NotificationProviders } from '../src/adapters/notification-providers.ts';
import { jobDefinitions } from '../src/modules/jobs.ts';
import { bindNotificationRuntime } from '../src/modules/notifications/notifications.jobs.ts';
import { queueNotification } from '../src/modules/notifications/notifications.service.ts';
import { loadNotificationConfig } from '../src/platform/config/notifications-config.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { JobQueue } from '../src/platform/jobs/job-queue.ts';
import { createLogger } from '../src/platform/logging/logger.ts';
import { type Measured, printTable } from './lib/report.ts';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 400);
const PER_TRANSACTION = 4; // e.g. one dossier event to a few recipients

async function main(): Promise<void> {
  const smtp = new LocalSmtpServer();
  await smtp.start();
  const config = {
    ...loadNotificationConfig({ MOTCUA_SMS_QUIET_HOURS: 'off' }, false),
    email: { kind: 'smtp' as const, url: smtp.url },
  };

  // Baseline: direct nodemailer sends to the same server, sequentially.
  const direct = createSmtpEmailSender({ url: smtp.url, from: 'bench@motcua.local' });
  const latencies: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < MESSAGES; i++) {
    const s = performance.now();
    await direct.send({
      to: `direct${i}@example.vn`,
      subject: `Hồ sơ ${i}`,
      text: 'Nội dung thử nghiệm',
      messageId: `<direct-${i}@bench>`,
    });
    latencies.push(performance.now() - s);
  }
  const directSeconds = (performance.now() - t0) / 1000;
  await direct.close();
  latencies.sort((a, b) => a - b);
  const baseline: Measured = {
    name: 'direct nodemailer → local SMTP (sequential)',
    rate: MESSAGES / directSeconds,
    p50Ms: latencies[Math.floor(latencies.length / 2)],
    p95Ms: latencies[Math.floor(latencies.length * 0.95)],
  };

  const url = process.env.BENCH_DATABASE_URL;
  const database = url
    ? await openDatabase({ kind: 'postgres', url })
    : await openDatabase({ kind: 'pglite', dataDir: 'memory' }, { inMemory: true });
  await migrateToLatest(database.db);
  const logger = createLogger({ logLevel: 'silent' });
  const email = createSmtpEmailSender({ url: smtp.url, from: 'bench@motcua.local' });
  const providers: NotificationProviders = {
    email,
    sms: null,
    chat: null,
    local: { smtp, sms: null, chat: null },
    smsSecret: null,
    chatWebhook: null,
    close: async () => email.close(),
  };
  const jobs = await JobQueue.start({
    handle: database,
    logger,
    definitions: jobDefinitions(database.db),
    work: true,
    pollingIntervalSeconds: 0.5,
  });
  bindNotificationRuntime({ db: database.db, jobs, providers, config });
  const deps = { publicUrl: 'http://localhost:3000', config };

  const before = smtp.messages.list().length;
  const q0 = performance.now();
  for (let i = 0; i < MESSAGES / PER_TRANSACTION; i++) {
    await database.db.transaction().execute((trx) =>
      queueNotification(trx, jobs, deps, {
        event: 'received',
        eventKey: `bench-${i}`,
        lang: 'vi',
        recipients: Array.from({ length: PER_TRANSACTION }, (_, k) => ({
          channel: 'email' as const,
          address: `r${i}-${k}@example.vn`,
        })),
        params: {
          code: '000.00.06.H99-260505-0001',
          procedureName: 'Cấp Phiếu lý lịch tư pháp',
          agencyName: 'Sở Tư pháp',
        },
      }),
    );
  }
  const queueSeconds = (performance.now() - q0) / 1000;
  while (smtp.messages.list().length - before < MESSAGES) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const totalSeconds = (performance.now() - q0) / 1000;
  const sent = await database.db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'sent')
    .executeTakeFirst();

  printTable(`Notifications: ${MESSAGES} e-mails to the local SMTP server (${database.kind})`, baseline, [
    {
      name: 'outbox end to end: queue in transactions → worker → SMTP',
      rate: MESSAGES / totalSeconds,
      note: `${Number(sent?.n)} rows sent, ${smtp.messages.list().length - before} received`,
    },
    {
      name: 'outbox enqueue only (rows + jobs, 4 per transaction)',
      rate: MESSAGES / queueSeconds,
    },
  ]);

  bindNotificationRuntime(undefined);
  await jobs.stop();
  await providers.close();
  await smtp.stop();
  await database.close();
}

await main();
