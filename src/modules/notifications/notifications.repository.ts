import { sql, type Transaction } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Database, NotificationChannel, NotificationStatus } from '../../platform/db/schema.ts';

type Executor = Db | Transaction<Database>;

export interface NotificationRow {
  id: string;
  dedupKey: string;
  channel: NotificationChannel;
  recipient: string;
  lang: 'vi' | 'en';
  event: string;
  /** The template values filled at queue time (ZNS parameters are filled from them at delivery). */
  params: Record<string, string>;
  subject: string | null;
  body: string;
  dossierId: string | null;
  dossierCode: string | null;
  status: NotificationStatus;
  attempts: number;
  maxAttempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  providerMessageId: string | null;
  deliveryStatus: 'delivered' | 'undelivered' | null;
  createdAt: Date;
  updatedAt: Date;
  sentAt: Date | null;
}

const COLUMNS = [
  'id',
  'dedupKey',
  'channel',
  'recipient',
  'lang',
  'event',
  'params',
  'subject',
  'body',
  'dossierId',
  'dossierCode',
  'status',
  'attempts',
  'maxAttempts',
  'nextAttemptAt',
  'lastError',
  'providerMessageId',
  'deliveryStatus',
  'createdAt',
  'updatedAt',
  'sentAt',
] as const;

function toRow(r: Record<string, unknown>): NotificationRow {
  const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));
  return {
    ...(r as unknown as NotificationRow),
    nextAttemptAt: date(r.nextAttemptAt) as Date,
    createdAt: date(r.createdAt) as Date,
    updatedAt: date(r.updatedAt) as Date,
    sentAt: date(r.sentAt),
  };
}

export interface NewNotification {
  id: string;
  dedupKey: string;
  channel: NotificationChannel;
  recipient: string;
  lang: 'vi' | 'en';
  event: string;
  params: Record<string, string>;
  subject: string | null;
  body: string;
  dossierId: string | null;
  dossierCode: string | null;
  maxAttempts: number;
  nextAttemptAt: Date;
}

/** Inserts unless the dedup key exists; true when a row was created. */
export async function insertNotification(trx: Executor, n: NewNotification): Promise<boolean> {
  const inserted = await trx
    .insertInto('notifications')
    .values({ ...n, params: JSON.stringify(n.params) })
    .onConflict((oc) => oc.column('dedupKey').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function findNotification(db: Executor, id: string): Promise<NotificationRow | undefined> {
  const row = await db.selectFrom('notifications').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toRow(row) : undefined;
}

/**
 * Takes a due message for one attempt: only from queued/failed and when due, so a duplicate job or a
 * second worker finds nothing to do (at most one attempt in flight per message).
 */
export async function claimNotification(
  db: Executor,
  id: string,
  leaseSeconds: number,
): Promise<NotificationRow | undefined> {
  const row = await db
    .updateTable('notifications')
    .set({
      status: 'sending',
      attempts: sql`attempts + 1`,
      lockedUntil: sql`now() + make_interval(secs => ${leaseSeconds})`,
      updatedAt: sql`now()`,
    })
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'failed'])
    .where('nextAttemptAt', '<=', sql<Date>`now()`)
    .where(sql<boolean>`attempts < max_attempts`)
    .returning(COLUMNS)
    .executeTakeFirst();
  return row ? toRow(row) : undefined;
}

export async function markSent(db: Executor, id: string, providerMessageId: string): Promise<void> {
  await db
    .updateTable('notifications')
    .set({
      status: 'sent',
      sentAt: sql`now()`,
      providerMessageId,
      lastError: null,
      lockedUntil: null,
      updatedAt: sql`now()`,
    })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .execute();
}

export async function markFailed(
  db: Executor,
  id: string,
  outcome: { status: 'failed' | 'dead'; error: string; retryInSeconds?: number },
): Promise<void> {
  await db
    .updateTable('notifications')
    .set({
      status: outcome.status,
      lastError: outcome.error.slice(0, 1000),
      lockedUntil: null,
      updatedAt: sql`now()`,
      ...(outcome.retryInSeconds !== undefined
        ? { nextAttemptAt: sql`now() + make_interval(secs => ${outcome.retryInSeconds})` }
        : {}),
    })
    .where('id', '=', id)
    .execute();
}

export async function deferNotification(db: Executor, id: string, until: Date): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ nextAttemptAt: until, updatedAt: sql`now()` })
    .where('id', '=', id)
    .execute();
}

/** Administrator's retry: back to queued with a fresh attempt budget. */
export async function requeueNotification(trx: Executor, id: string): Promise<NotificationRow | undefined> {
  const row = await trx
    .updateTable('notifications')
    .set({
      status: 'queued',
      attempts: 0,
      nextAttemptAt: sql`now()`,
      lockedUntil: null,
      updatedAt: sql`now()`,
    })
    .where('id', '=', id)
    .where('status', 'in', ['failed', 'dead'])
    .returning(COLUMNS)
    .executeTakeFirst();
  return row ? toRow(row) : undefined;
}

/**
 * The sweeper's work list: attempts whose worker died (lease expired) go back to failed, and due
 * messages whose trigger job may be lost are returned to be enqueued again (the row is the truth).
 */
export async function sweepStale(db: Executor, limit: number): Promise<string[]> {
  await db
    .updateTable('notifications')
    .set({
      status: 'failed',
      lastError: 'attempt interrupted (worker lease expired)',
      lockedUntil: null,
      updatedAt: sql`now()`,
    })
    .where('status', '=', 'sending')
    .where('lockedUntil', '<', sql<Date>`now()`)
    .execute();
  await db
    .updateTable('notifications')
    .set({
      status: 'dead',
      lastError: sql`coalesce(last_error, '') || ' (attempts exhausted)'`,
      updatedAt: sql`now()`,
    })
    .where('status', 'in', ['queued', 'failed'])
    .where(sql<boolean>`attempts >= max_attempts`)
    .execute();
  const rows = await db
    .selectFrom('notifications')
    .select('id')
    .where('status', 'in', ['queued', 'failed'])
    .where('nextAttemptAt', '<', sql<Date>`now() - interval '2 minutes'`)
    .orderBy('nextAttemptAt')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

export interface NotificationFilter {
  channel?: NotificationChannel;
  status?: NotificationStatus;
  dossierCode?: string;
  limit: number;
  offset: number;
}

export async function listNotificationRows(
  db: Executor,
  f: NotificationFilter,
): Promise<{ items: NotificationRow[]; total: number }> {
  let query = db.selectFrom('notifications');
  if (f.channel) {
    query = query.where('channel', '=', f.channel);
  }
  if (f.status) {
    query = query.where('status', '=', f.status);
  }
  if (f.dossierCode) {
    query = query.where('dossierCode', '=', f.dossierCode);
  }
  const [rows, count] = await Promise.all([
    query
      .select(COLUMNS)
      .orderBy('createdAt', 'desc')
      .orderBy('id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { items: rows.map(toRow), total: Number(count?.n ?? 0) };
}

export async function countByChannelAndStatus(db: Executor) {
  return db
    .selectFrom('notifications')
    .select(['channel', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['channel', 'status'])
    .execute();
}

export async function findTemplateOverride(
  db: Executor,
  event: string,
  channel: NotificationChannel,
  lang: 'vi' | 'en',
) {
  return db
    .selectFrom('notificationTemplates')
    .select(['subject', 'body', 'updatedAt'])
    .where('event', '=', event)
    .where('channel', '=', channel)
    .where('lang', '=', lang)
    .executeTakeFirst();
}

export async function listTemplateOverrides(db: Executor) {
  return db
    .selectFrom('notificationTemplates')
    .select(['event', 'channel', 'lang', 'subject', 'body', 'updatedAt'])
    .execute();
}

export async function saveTemplateOverride(
  trx: Executor,
  row: {
    event: string;
    channel: NotificationChannel;
    lang: 'vi' | 'en';
    subject: string | null;
    body: string;
    updatedBy: string | null;
  },
): Promise<void> {
  await trx
    .insertInto('notificationTemplates')
    .values({ ...row, updatedAt: new Date() })
    .onConflict((oc) =>
      oc.columns(['event', 'channel', 'lang']).doUpdateSet({
        subject: row.subject,
        body: row.body,
        updatedBy: row.updatedBy,
        updatedAt: new Date(),
      }),
    )
    .execute();
}

export async function deleteTemplateOverride(
  trx: Executor,
  event: string,
  channel: NotificationChannel,
  lang: 'vi' | 'en',
) {
  await trx
    .deleteFrom('notificationTemplates')
    .where('event', '=', event)
    .where('channel', '=', channel)
    .where('lang', '=', lang)
    .execute();
}

/** A provider's delivery receipt; false when no message has that provider id. */
export async function recordDeliveryReceipt(
  db: Executor,
  providerMessageId: string,
  status: 'delivered' | 'undelivered',
  at: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('notifications')
    .set({ deliveryStatus: status, deliveredAt: at, updatedAt: sql`now()` })
    .where('providerMessageId', '=', providerMessageId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
