// Kysely table types of notifications: outbox, queue, templates, provider tokens, inbound events.
import type { Generated, JSONColumnType } from 'kysely';
import type { CreatedAt, Timestamp } from './schema-types.ts';

export interface NotificationOutboxTable {
  id: string;
  channel: 'sms' | 'email';
  recipient: string;
  subject: string | null;
  body: string;
  purpose: string;
  userId: string | null;
  createdAt: CreatedAt;
  deliveredAt: Timestamp | null;
}

export type NotificationChannel = 'email' | 'sms' | 'chat';

export type NotificationStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'dead';

export interface NotificationsTable {
  id: string;
  dedupKey: string;
  channel: NotificationChannel;
  recipient: string;
  lang: 'vi' | 'en';
  event: string;
  params: JSONColumnType<Record<string, string>, string, string>;
  subject: string | null;
  body: string;
  dossierId: string | null;
  dossierCode: string | null;
  status: Generated<NotificationStatus>;
  attempts: Generated<number>;
  maxAttempts: number;
  nextAttemptAt: Timestamp;
  lockedUntil: Date | string | null;
  lastError: string | null;
  providerMessageId: string | null;
  deliveryStatus: 'delivered' | 'undelivered' | null;
  deliveredAt: Date | string | null;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
  sentAt: Date | string | null;
}

export interface NotificationTemplatesTable {
  event: string;
  channel: NotificationChannel;
  lang: 'vi' | 'en';
  subject: string | null;
  body: string;
  updatedBy: string | null;
  updatedAt: Timestamp;
}

export interface ZnsTemplatesTable {
  event: string;
  templateId: string;
  /** A list, not an object: CamelCasePlugin would rename snake_case keys such as ma_ho_so. */
  params: JSONColumnType<Array<{ name: string; value: string }>, string, string>;
  updatedBy: string | null;
  updatedAt: Timestamp;
}

export interface ProviderTokensTable {
  provider: string;
  accessToken: string;
  refreshToken: string;
  expiresAt: Timestamp;
  renewedAt: Timestamp;
  renewals: Generated<number>;
}

export interface InboundEventsTable {
  channel: string;
  eventId: string;
  receivedAt: Timestamp;
}
