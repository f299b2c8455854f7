// The background jobs of every module, registered with the queue at startup.
import { Type } from '@sinclair/typebox';
import type { Db } from '../platform/db/database.ts';
import { purgeExpiredSessions } from '../platform/http/session-store.ts';
import { defineJob, type JobDefinition } from '../platform/jobs/job-definition.ts';
import { verifyAuditChain } from './audit/audit.repository.ts';

export function jobDefinitions(db: Db): JobDefinition[] {
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
  ];
}
