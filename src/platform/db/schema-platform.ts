// Kysely table types of the platform-wide tables (settings, audit log, idempotency keys, files, data keys).
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { CreatedAt, NullableInstant, Timestamp } from './schema-types.ts';

export interface AppSettingsTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updatedAt: Timestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Date | string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  resourceType: string;
  resourceId: string | null;
  ip: string | null;
  userAgent: string | null;
  reason: string | null;
  details: JSONColumnType<Record<string, unknown>, string, never>;
  prevHash: string;
  hash: string;
}

export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  requestHash: string;
  responseStatus: number | null;
  responseBody: ColumnType<unknown, string | null | undefined, string | null>;
  createdAt: CreatedAt;
}

export interface FilesTable {
  id: string;
  ownerId: string;
  name: string;
  kind: 'pdf' | 'jpeg' | 'png' | 'docx' | 'xlsx';
  mime: string;
  size: number;
  sha256: string;
  blobKey: string;
  status: 'clean' | 'quarantined';
  scanner: string;
  scanSignature: string | null;
  width: number | null;
  height: number | null;
  createdAt: CreatedAt;
}

export interface DataKeysTable {
  id: string;
  scope: 'dossier' | 'user' | 'system';
  ownerRef: string | null;
  masterKeyId: string;
  wrappedKey: Buffer;
  createdAt: CreatedAt;
  rewrappedAt: NullableInstant;
}
