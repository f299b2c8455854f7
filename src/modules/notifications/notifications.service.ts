// R37, security goal 31: notifications go through the outbox. The dossier module calls
// queueNotification(trx, jobs, deps, request) inside the transaction of the status change; one row per
// channel is written (dedup key unique) with its trigger job. The worker delivers at least once:
// claim the row, send with the provider's idempotency key, record; on failure retry with capped
// exponential backoff, dead after N attempts. SMS waits out the quiet hours.
import { createHash, randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { DeliveryError } from '../../adapters/delivery.ts';
import type { NotificationProviders } from '../../adapters/notification-providers.ts';
import { lookupUrl } from '../../domain/lookup/lookup-reply.ts';
import {
  afterFailure,
  type BackoffPolicy,
  nextSendableInstant,
} from '../../domain/notifications/delivery-schedule.ts';
import { cleanLine, cleanText } from '../../domain/text/vietnamese.ts';
import { formatDateVn, formatTimeVn, localDayOf } from '../../domain/working-time/civil-time.ts';
import type { NotificationConfig } from '../../platform/config/notifications-config.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Database, NotificationChannel } from '../../platform/db/schema.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import {
  type Channel,
  defaultTemplate,
  fillTemplate,
  type Lang,
  type NotificationEvent,
  type TemplateText,
} from './notification-defaults.ts';
import { deliverNotificationJob } from './notifications.jobs.ts';
import {
  claimNotification,
  deferNotification,
  findNotification,
  findTemplateOverride,
  insertNotification,
  markFailed,
  markSent,
} from './notifications.repository.ts';
import { type ZnsMapping, znsMessageFor } from './zns-templates.ts';

/** What the dossier module knows about the event; dates are instants shown in Vietnam time. */
export interface NotificationParams {
  code: string;
  procedureName: string;
  agencyName: string;
  statusName?: string;
  dueAt?: Date;
  newDueAt?: Date;
  reason?: string;
  /** Amount in đồng. */
  amount?: number;
  /** Back-office dossier id: officer reminders link to its screen, not to the public lookup. */
  dossierId?: string;
}

export interface NotificationRequest {
  event: NotificationEvent;
  /** Unique for this occurrence of the event, e.g. the dossier history row id. */
  eventKey: string;
  dossierId?: string;
  lang: Lang;
  /** The channels the applicant chose, with their address on each. */
  recipients: Array<{ channel: Channel; address: string }>;
  params: NotificationParams;
}

export interface NotifyDeps {
  publicUrl: string;
  config: NotificationConfig;
  /** Injected clock (tests of quiet hours); defaults to the real time. */
  now?: () => Date;
}

const when = (d: Date) => `${formatTimeVn(d.getTime())} ${formatDateVn(localDayOf(d.getTime()))}`;

/** Template values: every value cleaned to one line (no CRLF into SMS bodies or headers, §5.D). */
export function templateValues(params: NotificationParams, publicUrl: string): Record<string, string> {
  const values: Record<string, string | undefined> = {
    code: params.code,
    lookupUrl: lookupUrl(publicUrl, params.code),
    procedureName: params.procedureName,
    agencyName: params.agencyName,
    statusName: params.statusName,
    dueAt: params.dueAt ? when(params.dueAt) : undefined,
    newDueAt: params.newDueAt ? when(params.newDueAt) : undefined,
    reason: params.reason,
    dossierUrl: params.dossierId
      ? `${publicUrl.replace(/\/+$/, '')}/admin/ho-so/${params.dossierId}`
      : undefined,
    amount:
      params.amount !== undefined ? `${new Intl.NumberFormat('vi-VN').format(params.amount)} đ` : undefined,
  };
  return Object.fromEntries(
    Object.entries(values)
      .filter((e): e is [string, string] => e[1] !== undefined)
      .map(([k, v]) => [k, cleanLine(v).slice(0, 500)]),
  );
}

export async function effectiveTemplate(
  db: Db | Transaction<Database>,
  event: NotificationEvent,
  channel: Channel,
  lang: Lang,
): Promise<TemplateText> {
  const override = await findTemplateOverride(db, event, channel, lang);
  return override
    ? { subject: override.subject, body: override.body }
    : defaultTemplate(event, channel, lang);
}

export function dedupKeyOf(eventKey: string, event: string, channel: Channel, address: string): string {
  const digest = createHash('sha256').update(`${eventKey}\n${event}\n${channel}\n${address}`).digest('hex');
  return `${event}:${channel}:${digest.slice(0, 40)}`;
}

/** Normalises an address per channel; null when it cannot be one. */
function normaliseAddress(channel: Channel, address: string): string | null {
  const a = cleanLine(address);
  if (channel === 'email') {
    return /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/.test(a) && a.length <= 254
      ? a.toLowerCase()
      : null;
  }
  const digits = a.replace(/[\s.()-]/g, '');
  return /^(\+84|84|0)[35789]\d{8}$/.test(digits) ? digits.replace(/^(\+84|84)/, '0') : null;
}

/**
 * Queue the messages for one event, inside the caller's transaction (outbox): nothing is sent if it
 * rolls back, and the same eventKey queued twice creates nothing new. Returns what was created.
 */
export async function queueNotification(
  trx: Transaction<Database>,
  jobs: JobQueue,
  deps: NotifyDeps,
  request: NotificationRequest,
): Promise<{ queued: string[]; duplicates: number; skipped: Array<{ channel: Channel; reason: string }> }> {
  const now = (deps.now ?? (() => new Date()))();
  const values = templateValues(request.params, deps.publicUrl);
  const queued: string[] = [];
  const skipped: Array<{ channel: Channel; reason: string }> = [];
  let duplicates = 0;
  for (const recipient of request.recipients) {
    const address = normaliseAddress(recipient.channel, recipient.address);
    if (!address) {
      skipped.push({ channel: recipient.channel, reason: 'invalid address' });
      continue;
    }
    const template = await effectiveTemplate(trx, request.event, recipient.channel, request.lang);
    const notBefore =
      recipient.channel === 'sms'
        ? new Date(nextSendableInstant(now.getTime(), deps.config.smsQuietHours))
        : now;
    const id = randomUUID();
    const created = await insertNotification(trx, {
      id,
      dedupKey: dedupKeyOf(request.eventKey, request.event, recipient.channel, address),
      channel: recipient.channel,
      recipient: address,
      lang: request.lang,
      event: request.event,
      params: values,
      subject: template.subject ? cleanLine(fillTemplate(template.subject, values)) : null,
      body: cleanText(fillTemplate(template.body, values)),
      dossierId: request.dossierId ?? null,
      dossierCode: values.code ?? null,
      maxAttempts: deps.config.maxAttempts,
      nextAttemptAt: notBefore,
    });
    if (!created) {
      duplicates++;
      continue;
    }
    const delay = Math.max(0, Math.ceil((notBefore.getTime() - Date.now()) / 1000));
    await jobs.send(trx, deliverNotificationJob, { id }, delay > 0 ? { startAfterSeconds: delay } : {});
    queued.push(id);
  }
  return { queued, duplicates, skipped };
}

export interface DeliveryRuntime {
  db: Db;
  jobs: JobQueue;
  providers: NotificationProviders;
  config: NotificationConfig;
  now?: () => Date;
  random?: () => number;
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

async function sendThrough(
  providers: NotificationProviders,
  channel: NotificationChannel,
  n: {
    id: string;
    dedupKey: string;
    recipient: string;
    subject: string | null;
    body: string;
    event: string;
  },
  zns: ZnsMapping | null,
): Promise<string> {
  if (channel === 'email') {
    if (!providers.email) {
      throw new DeliveryError('e-mail is not configured (MOTCUA_EMAIL=off)', true);
    }
    // The same Message-ID on every attempt: mail systems can recognise a repeat.
    const messageId = `<${createHash('sha256').update(n.dedupKey).digest('hex').slice(0, 32)}@motcua>`;
    const receipt = await providers.email.send({
      to: n.recipient,
      subject: n.subject ?? '',
      text: n.body,
      html: `<p>${escapeHtml(n.body).replace(/\n/g, '<br>')}</p>`,
      messageId,
    });
    return receipt.providerMessageId;
  }
  if (channel === 'sms') {
    if (!providers.sms) {
      throw new DeliveryError('SMS is not configured (MOTCUA_SMS=off)', true);
    }
    return (await providers.sms.send({ to: n.recipient, text: n.body, idempotencyKey: n.id }))
      .providerMessageId;
  }
  if (!providers.chat || !zns) {
    throw new DeliveryError('chat is not configured (MOTCUA_CHAT=off)', true);
  }
  return (
    await providers.chat.send({
      to: n.recipient,
      templateId: zns.templateId,
      params: zns.params,
      trackingId: n.id,
    })
  ).providerMessageId;
}

export type DeliveryOutcome = 'sent' | 'retry' | 'dead' | 'deferred' | 'skipped';

/** One delivery attempt for a notification (the job handler). Never throws for provider failures. */
export async function deliverNotification(runtime: DeliveryRuntime, id: string): Promise<DeliveryOutcome> {
  const now = (runtime.now ?? (() => new Date()))();
  const current = await findNotification(runtime.db, id);
  if (!current || !['queued', 'failed'].includes(current.status)) {
    return 'skipped';
  }
  if (current.channel === 'sms') {
    const allowed = nextSendableInstant(now.getTime(), runtime.config.smsQuietHours);
    if (allowed > now.getTime()) {
      await runtime.db.transaction().execute(async (trx) => {
        await deferNotification(trx, id, new Date(allowed));
        await runtime.jobs.send(
          trx,
          deliverNotificationJob,
          { id },
          { startAfterSeconds: Math.ceil((allowed - now.getTime()) / 1000) },
        );
      });
      return 'deferred';
    }
  }
  const claimed = await claimNotification(runtime.db, id, 300);
  if (!claimed) {
    return 'skipped';
  }
  try {
    const zns =
      claimed.channel === 'chat' ? await znsMessageFor(runtime.db, runtime.config.chat.kind, claimed) : null;
    const providerMessageId = await sendThrough(runtime.providers, claimed.channel, claimed, zns);
    await markSent(runtime.db, id, providerMessageId);
    return 'sent';
  } catch (error) {
    const permanent = error instanceof DeliveryError && error.permanent;
    const policy: BackoffPolicy = {
      maxAttempts: claimed.maxAttempts,
      baseDelaySeconds: runtime.config.retryBaseSeconds,
      maxDelaySeconds: runtime.config.retryMaxSeconds,
    };
    const next = afterFailure(claimed.attempts, permanent, policy, (runtime.random ?? Math.random)());
    const message = (error as Error).message;
    if (next.next === 'dead') {
      await markFailed(runtime.db, id, { status: 'dead', error: message });
      return 'dead';
    }
    await runtime.db.transaction().execute(async (trx) => {
      await markFailed(trx, id, { status: 'failed', error: message, retryInSeconds: next.delaySeconds });
      await runtime.jobs.send(trx, deliverNotificationJob, { id }, { startAfterSeconds: next.delaySeconds });
    });
    return 'retry';
  }
}
