// The administrators' side of notifications: deliveries per channel with status, a retry for failed
// or dead ones, and the wording of every event per channel and language.
import { cleanLine, cleanText } from '../../domain/text/vietnamese.ts';
import type { Db } from '../../platform/db/database.ts';
import type { NotificationChannel } from '../../platform/db/schema.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import { maskPhone } from '../channels/sender-rate-limit.ts';
import {
  type Channel,
  defaultTemplate,
  type Lang,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_EVENTS,
  type NotificationEvent,
} from './notification-defaults.ts';
import { notificationErrors } from './notifications.errors.ts';
import { deliverNotificationJob } from './notifications.jobs.ts';
import {
  deleteTemplateOverride,
  findNotification,
  listTemplateOverrides,
  type NotificationRow,
  requeueNotification,
  saveTemplateOverride,
} from './notifications.repository.ts';
import type { NotificationTemplateView, NotificationView } from './notifications.schemas.ts';

/** Administrators see that a message went to whom without the whole address (data minimisation). */
export function maskRecipient(channel: NotificationChannel, recipient: string): string {
  if (channel !== 'email') {
    return maskPhone(recipient);
  }
  const [local = '', domain = ''] = recipient.split('@');
  return `${local.slice(0, 2)}***@${domain}`;
}

export function toView(row: NotificationRow): NotificationView {
  return {
    id: row.id,
    channel: row.channel,
    recipient: maskRecipient(row.channel, row.recipient),
    lang: row.lang,
    event: row.event,
    subject: row.subject,
    body: row.body,
    dossierCode: row.dossierCode,
    status: row.status,
    attempts: row.attempts,
    maxAttempts: row.maxAttempts,
    nextAttemptAt: row.nextAttemptAt.toISOString(),
    lastError: row.lastError,
    providerMessageId: row.providerMessageId,
    deliveryStatus: row.deliveryStatus,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt ? row.sentAt.toISOString() : null,
  };
}

export async function retryNotification(
  db: Db,
  jobs: JobQueue,
  actor: Actor,
  id: string,
): Promise<NotificationView> {
  const row = await db.transaction().execute(async (trx) => {
    const existing = await findNotification(trx, id);
    if (!existing) {
      throw notificationErrors.notFound();
    }
    const requeued = await requeueNotification(trx, id);
    if (!requeued) {
      throw notificationErrors.notRetryable();
    }
    await jobs.send(trx, deliverNotificationJob, { id });
    await appendAudit(trx, {
      ...actor,
      action: 'notification.retry',
      resourceType: 'notification',
      resourceId: id,
      details: {
        previousStatus: existing.status,
        attempts: existing.attempts,
        lastError: existing.lastError,
      },
    });
    return requeued;
  });
  return toView(row);
}

export async function listNotificationTemplates(db: Db): Promise<NotificationTemplateView[]> {
  const overrides = await listTemplateOverrides(db);
  const items: NotificationTemplateView[] = [];
  for (const event of NOTIFICATION_EVENTS) {
    for (const channel of NOTIFICATION_CHANNELS) {
      for (const lang of ['vi', 'en'] as const) {
        const o = overrides.find((t) => t.event === event && t.channel === channel && t.lang === lang);
        const d = defaultTemplate(event, channel, lang);
        items.push({
          event,
          channel,
          lang,
          subject: o ? o.subject : d.subject,
          body: o ? o.body : d.body,
          overridden: o !== undefined,
        });
      }
    }
  }
  return items;
}

export async function updateNotificationTemplate(
  db: Db,
  actor: Actor,
  key: { event: NotificationEvent; channel: Channel; lang: Lang },
  input: { subject: string | null; body: string },
): Promise<NotificationTemplateView> {
  const body = cleanText(input.body);
  const subject = key.channel === 'email' ? cleanLine(input.subject ?? '') || null : null;
  await db.transaction().execute(async (trx) => {
    if (body === '') {
      await deleteTemplateOverride(trx, key.event, key.channel, key.lang);
    } else {
      await saveTemplateOverride(trx, { ...key, subject, body, updatedBy: actor.actorId });
    }
    await appendAudit(trx, {
      ...actor,
      action: body === '' ? 'notification_template.reset' : 'notification_template.update',
      resourceType: 'notification_template',
      resourceId: `${key.event}/${key.channel}/${key.lang}`,
      details: { subject, body },
    });
  });
  const all = await listNotificationTemplates(db);
  return all.find(
    (t) => t.event === key.event && t.channel === key.channel && t.lang === key.lang,
  ) as NotificationTemplateView;
}
