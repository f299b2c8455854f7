// The background jobs of every module, registered with the queue at startup.
import { Type } from '@sinclair/typebox';
import type { Db } from '../platform/db/database.ts';
import { purgeExpiredSessions } from '../platform/http/session-store.ts';
import { purgeExpiredIdempotencyKeys } from '../platform/idempotency/idempotency.ts';
import { defineJob, type JobDefinition } from '../platform/jobs/job-definition.ts';
import { disableInactiveOfficers } from './accounts/inactive-accounts.ts';
import { expireAdminPasswords } from './accounts/password-rotation.ts';
import { verifyAuditChain } from './audit/audit.repository.ts';
import { purgeOldFailures } from './auth/login-throttle.ts';
import { purgeOldInboundEvents } from './channels/inbound-events.ts';
import { boundNotificationRuntime, notificationJobs } from './notifications/notifications.jobs.ts';
import { recomputeWarnings } from './processing/warnings.job.ts';

export function jobDefinitions(
  db: Db,
  options: { adminPasswordMaxAgeDays: number; publicUrl?: string } = { adminPasswordMaxAgeDays: 60 },
): JobDefinition[] {
  return [
    defineJob({
      name: 'sessions.purge-expired',
      payload: Type.Object({}),
      cron: '*/10 * * * *',
      handler: async (_data, { log }) => {
        const purged = await purgeExpiredSessions(db);
        log.info({ purged }, 'expired sessions purged');
      },
    }),
    defineJob({
      name: 'idempotency.purge-expired',
      payload: Type.Object({}),
      cron: '7 * * * *',
      handler: async (_data, { log }) => {
        log.info({ purged: await purgeExpiredIdempotencyKeys(db) }, 'expired idempotency keys purged');
      },
    }),
    defineJob({
      name: 'channels.purge-inbound-events',
      payload: Type.Object({}),
      cron: '23 * * * *',
      handler: async (_data, { log }) => {
        log.info(
          { purged: await purgeOldInboundEvents(db) },
          'answered webhook events older than a day purged',
        );
      },
    }),
    defineJob({
      name: 'audit.verify-chain',
      payload: Type.Object({}),
      cron: '15 19 * * *', // 02:15 in Asia/Ho_Chi_Minh
      handler: async (_data, { log }) => {
        const verdict = await verifyAuditChain(db);
        if (verdict.ok) {
          log.info({ rows: verdict.rows }, 'audit chain intact');
        } else {
          log.error({ firstBrokenId: verdict.firstBrokenId }, 'AUDIT CHAIN BROKEN: investigate tampering');
        }
      },
    }),
    defineJob({
      name: 'accounts.expire-admin-passwords',
      payload: Type.Object({}),
      cron: '35 19 * * *', // 02:35 in Asia/Ho_Chi_Minh
      handler: async (_data, { log }) => {
        const expired = await expireAdminPasswords(db, options.adminPasswordMaxAgeDays);
        log.info({ expired: expired.length }, 'administrator passwords past their age must be changed');
      },
    }),
    defineJob({
      name: 'accounts.disable-inactive',
      payload: Type.Object({}),
      cron: '30 19 * * *', // 02:30 in Asia/Ho_Chi_Minh
      handler: async (_data, { log }) => {
        const now = new Date();
        const disabled = await disableInactiveOfficers(db, now);
        const purged = await purgeOldFailures(db, now);
        log.info(
          { disabled: disabled.length, purgedThrottleRows: purged },
          'inactive officer accounts disabled',
        );
      },
    }),
    ...notificationJobs,
    defineJob({
      name: 'processing.recompute-warnings',
      payload: Type.Object({}),
      cron: '*/5 * * * *',
      handler: async (_data, { log }) => {
        const runtime = boundNotificationRuntime();
        const mail =
          runtime && options.publicUrl
            ? { jobs: runtime.jobs, notify: { publicUrl: options.publicUrl, config: runtime.config } }
            : undefined;
        log.info(
          await recomputeWarnings(db, new Date(), mail),
          'dossier warnings recomputed, officer reminders written and e-mailed',
        );
      },
    }),
  ];
}
