// Kysely table types of dossiers: codes, outages, dossiers, history, files, requests, drafts, steps.
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { CivilDate, CreatedAt, Instant, Json, NullableInstant, Timestamp } from './schema-types.ts';

export interface DossierCodeCountersTable {
  agencyCode: string;
  day: CivilDate;
  lastValue: number;
}

export interface OutagesTable {
  id: string;
  startsAt: Timestamp;
  endsAt: Timestamp;
  reason: string;
  reference: string;
  declaredBy: string;
  declaredAt: CreatedAt;
}

export interface DossiersTable {
  id: string;
  code: string;
  procedureId: string;
  procedureVersionId: string;
  ruleSetId: string;
  calendarVersionId: string;
  receivingAgencyId: string;
  handlingAgencyId: string;
  channel: 'online' | 'desk' | 'postal' | 'national_portal' | 'assisted';
  externalId: string | null;
  sourceOfTruth: Generated<'local' | 'national_portal'>;
  status: number;
  subStatus: string;
  version: Generated<number>;
  applicantUserId: string | null;
  applicant: Json<Record<string, unknown>>;
  owner: JSONColumnType<Record<string, unknown> | null, string | null, string | null>;
  searchText: string;
  formData: Json<Record<string, unknown>>;
  delivery: Json<Record<string, unknown>>;
  fees: Json<unknown[]>;
  notify: Json<unknown[]>;
  lang: Generated<'vi' | 'en'>;
  submittedAt: Instant;
  clockStartedAt: NullableInstant;
  receptionDueAt: NullableInstant;
  receivedAt: NullableInstant;
  dueAt: NullableInstant;
  originalDueAt: NullableInstant;
  resultAt: NullableInstant;
  returnedAt: NullableInstant;
  closedAt: NullableInstant;
  apologyCount: Generated<number>;
  processVersionId: string | null;
  currentStepKey: string | null;
  currentAssigneeId: string | null;
  stepArrivedAt: NullableInstant;
  stepDueAt: NullableInstant;
  backEntered: Generated<boolean>;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
  warning: Generated<'normal' | 'due_soon' | 'overdue'>;
  stepWarning: Generated<'normal' | 'due_soon' | 'overdue'>;
  currentUnitId: string | null;
  /** Blind indexes of the applicant's and owner's ID numbers (stored encrypted). */
  idNumberBidx: Generated<string[]>;
  /** The receiving unit's tracking-book entry made at reception (Quyển số, Số thứ tự; migration 0018). */
  bookVolume: ColumnType<string | null, string | null | undefined, string | null>;
  bookLine: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface DossierHistoryTable {
  id: Generated<number>;
  dossierId: string;
  seq: number;
  action: string;
  actorId: string | null;
  actorLabel: string;
  relation: 'applicant' | 'desk' | 'handler' | 'signer' | 'system';
  unitId: string | null;
  at: Instant;
  recordedAt: CreatedAt;
  statusBefore: number | null;
  statusAfter: number;
  subStatusBefore: string | null;
  subStatusAfter: string;
  stepKey: string | null;
  dueBefore: NullableInstant;
  dueAfter: NullableInstant;
  note: string | null;
  reasons: Json<unknown[]>;
  items: Json<unknown[]>;
  attachments: Json<unknown[]>;
  outageId: string | null;
}

export interface DossierFilesTable {
  id: string;
  dossierId: string;
  componentKey: string;
  fileId: string;
  historyId: number;
  supersededByHistoryId: number | null;
}

export interface DossierRequestsTable {
  id: string;
  dossierId: string;
  kind: 'completion' | 'supplement' | 'financial_obligation';
  items: Json<unknown[]>;
  note: string | null;
  requestedAt: Instant;
  requestedBy: string | null;
  historyId: number;
  answeredAt: NullableInstant;
  answeredHistoryId: number | null;
  status: Generated<'open' | 'answered' | 'closed'>;
  clockPolicy: 'restart' | 'pause' | null;
  completedAt: NullableInstant;
}

export interface DossierDraftsTable {
  id: string;
  ownerId: string;
  procedureId: string;
  data: Json<Record<string, unknown>>;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface NationalSyncOutboxTable {
  id: Generated<number>;
  dossierId: string;
  historyId: number;
  payload: Json<Record<string, unknown>>;
  status: Generated<'pending' | 'sent' | 'failed' | 'dead'>;
  attempts: Generated<number>;
  lastError: string | null;
  createdAt: CreatedAt;
  sentAt: NullableInstant;
}

export interface DossierStepsTable {
  id: Generated<number>;
  dossierId: string;
  seq: number;
  stepKey: string;
  stepIndex: number;
  unitId: string | null;
  holderId: string | null;
  arrivedAt: Instant;
  dueAt: NullableInstant;
  allottedMinutes: number;
  completedAt: NullableInstant;
  completedAction: string | null;
  paperReceivedAt: NullableInstant;
  paperReceivedBy: string | null;
  warning: Generated<'normal' | 'due_soon' | 'overdue'>;
}

export interface OfficerRemindersTable {
  id: string;
  officerId: string;
  dossierId: string;
  stepId: number;
  level: 'due_soon' | 'overdue';
  message: string;
  createdAt: CreatedAt;
  readAt: NullableInstant;
}
