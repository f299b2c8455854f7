// The notification worker's jobs. The queue checks that a sent job's definition is the very object it
// registered, so these definitions are module singletons; the process binds the runtime they deliver
// with (database, queue, providers) once at startup (bindNotificationRuntime). One system per process.
import { Type } from '@sinclair/typebox';
import { defineJob } from '../../platform/jobs/job-definition.ts';
import type { DeliveryRuntime } from './notifications.service.ts';

let runtime: DeliveryRuntime | undefined;

export function bindNotificationRuntime(next: DeliveryRuntime | undefined): void {
  runtime = next;
}

/** The runtime bound at startup, if any: other modules' jobs queue messages through it. */
export function boundNotificationRuntime(): DeliveryRuntime | undefined {
  return runtime;
}

function bound(): DeliveryRuntime {
  if (!runtime) {
    throw new Error('notification runtime not bound');
  }
  return runtime;
}

/** One delivery attempt. Retries are scheduled by the handler itself (the row is the truth); the
 * queue's own retry only covers a crash of the handler. */
export const deliverNotificationJob = defineJob({
  name: 'notifications.deliver',
  payload: Type.Object({ id: Type.String({ pattern: '^[0-9a-f-]{36}$' }) }),
  retry: { limit: 3, delaySeconds: 30, maxDelaySeconds: 300 },
  timeoutSeconds: 120,
  // A backlog (after an outage) drains without waiting for a poll per message; a few messages go
  // out in parallel. The handler never throws for a provider failure, so a batch fails only on a bug.
  worker: { batchSize: 10, concurrency: 4 },
  handler: async (data, { log }) => {
    const { deliverNotification } = await import('./notifications.service.ts');
    const outcome = await deliverNotification(bound(), data.id);
    log.info({ notification: data.id, outcome }, 'notification attempt');
  },
});

/** The safety net (GOV.UK Notify's replay task): re-enqueue due messages whose trigger was lost. */
export const sweepNotificationsJob = defineJob({
  name: 'notifications.sweep',
  payload: Type.Object({}),
  cron: '* * * * *',
  handler: async (_data, { log }) => {
    const { sweepStale } = await import('./notifications.repository.ts');
    const r = bound();
    const ids = await sweepStale(r.db, 500);
    for (const id of ids) {
      await r.jobs.send(r.db, deliverNotificationJob, { id });
    }
    if (ids.length > 0) {
      log.warn({ requeued: ids.length }, 'notifications re-enqueued by the sweeper');
    }
  },
});

export const notificationJobs = [deliverNotificationJob, sweepNotificationsJob];
