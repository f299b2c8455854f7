// Kysely table types (camelCase; CamelCasePlugin maps to snake_case). A test checks these against
// the migrated schema on both databases, so a migration and this file cannot drift apart.
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { DocumentNumberCountersTable, DossierDocumentNumbersTable } from './schema-documents.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface AppSettingsTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updatedAt: Timestamp;
}

export interface UsersTable {
  id: string;
  username: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  kind: 'officer' | 'citizen' | 'organisation';
  passwordHash: string;
  mustChangePassword: Generated<boolean>;
  isDemo: Generated<boolean>;
  status: Generated<'pending' | 'active' | 'locked' | 'disabled'>;
  unitId: string | null;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
  statusReason: 'admin' | 'failed_logins' | 'inactive' | 'merged' | 'unverified' | null;
  lastLoginAt: Timestamp | null;
  passwordChangedAt: Timestamp | null;
  totpSecret: string | null;
  totpEnabledAt: Timestamp | null;
  totpLastStep: number | null;
  emailVerifiedAt: Timestamp | null;
  phoneVerifiedAt: Timestamp | null;
}

export interface UserRolesTable {
  userId: string;
  role: string;
  scopeId: string | null;
  grantedAt: CreatedAt;
}

export interface HttpSessionsTable {
  sid: string;
  data: JSONColumnType<Record<string, unknown>, string, string>;
  userId: string | null;
  expiresAt: Date | string;
  createdAt: CreatedAt;
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

/** A local calendar date, always 'yyyy-mm-dd' (never a JS Date: no time zone may shift it). */
type CivilDate = ColumnType<string, string, string>;

export interface AgenciesTable {
  id: string;
  code: string;
  shortName: string | null;
  name: string;
  nameEn: string | null;
  level: 'province' | 'district' | 'commune';
  kind: 'committee' | 'department' | 'service_centre' | 'unit' | 'other';
  parentId: string | null;
  deskAgencyId: string | null;
  address: string | null;
  email: string | null;
  hotline: string | null;
  validFrom: CivilDate;
  validTo: CivilDate | null;
  successorId: string | null;
  sortOrder: Generated<number>;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface SectorsTable {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  parentId: string | null;
  active: Generated<boolean>;
  sortOrder: Generated<number>;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  requestHash: string;
  responseStatus: number | null;
  responseBody: ColumnType<unknown, string | null | undefined, string | null>;
  createdAt: CreatedAt;
}

export interface DossierCodeCountersTable {
  agencyCode: string;
  day: CivilDate;
  lastValue: number;
}

export interface RuleSetsTable {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  legalBasis: JSONColumnType<string[], string, string>;
  effectiveFrom: CivilDate;
  effectiveTo: CivilDate | null;
  settings: JSONColumnType<Record<string, unknown>, string, string>;
  national: Generated<boolean>;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
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

export interface LoginThrottleTable {
  key: string;
  failures: Generated<number>;
  lastFailureAt: Timestamp | null;
  lockedUntil: Timestamp | null;
}

export interface AccountProfilesTable {
  userId: string;
  dateOfBirth: CivilDate | null;
  idNumber: string | null;
  address: string | null;
  taxCode: string | null;
  representativeName: string | null;
  representativeTitle: string | null;
  updatedAt: Timestamp;
  /** HMAC-SHA-256 blind index of the CCCD (id_number itself is encrypted). */
  idNumberBidx: string | null;
}

export interface OneTimeCodesTable {
  id: string;
  userId: string;
  purpose: 'verify_contact' | 'reset_password';
  channel: 'sms' | 'email';
  destination: string;
  codeHash: string;
  attempts: Generated<number>;
  expiresAt: Timestamp;
  consumedAt: Timestamp | null;
  createdAt: CreatedAt;
}

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

export interface UserUnitHistoryTable {
  id: Generated<number>;
  userId: string;
  fromUnitId: string | null;
  toUnitId: string | null;
  reason: 'admin' | 'merge';
  changedAt: CreatedAt;
}

export interface WorkingCalendarsTable {
  id: string;
  /** null = the province default calendar. */
  agencyId: string | null;
  revision: Generated<number>;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface WorkingCalendarVersionsTable {
  id: string;
  calendarId: string;
  effectiveFrom: CivilDate;
  dailyWorkingMinutes: number;
  note: string | null;
  createdBy: string | null;
  createdAt: CreatedAt;
}

export interface WorkingCalendarPeriodsTable {
  versionId: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  startMinute: number;
  endMinute: number;
}

export type WorkingCalendarDayKind = 'holiday' | 'compensatory' | 'ad-hoc' | 'working';

export interface WorkingCalendarDaysTable {
  id: string;
  calendarId: string;
  date: CivilDate;
  kind: WorkingCalendarDayKind;
  nameVi: string;
  nameEn: string;
  legalBasis: string | null;
  source: 'proposal' | 'administrator';
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface WorkingCalendarDayPeriodsTable {
  dayId: string;
  startMinute: number;
  endMinute: number;
}

export interface WorkingCalendarYearsTable {
  calendarId: string;
  year: number;
  status: 'proposed' | 'confirmed';
  confirmedBy: string | null;
  confirmedAt: Date | string | null;
  updatedAt: Timestamp;
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

export interface DocumentTemplateOverridesTable {
  id: string;
  ruleSet: 'tt01_2018' | 'nd118_2025';
  template: string;
  agencyId: string | null;
  texts: JSONColumnType<Record<string, string>, string, string>;
  header: JSONColumnType<Record<string, string>, string, string>;
  updatedBy: string | null;
  updatedAt: Timestamp;
}

export interface UserIdentitiesTable {
  issuer: string;
  subject: string;
  userId: string;
  identityLevel: string | null;
  linkedAt: CreatedAt;
  lastUsedAt: Timestamp | null;
}

export interface ProceduresTable {
  id: string;
  nationalCode: string | null;
  localCode: string;
  abolishedFrom: CivilDate | null;
  abolitionDecisionNumber: string | null;
  abolitionDecisionDate: CivilDate | null;
  viewCount: Generated<number>;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export type ProcedureVersionStatus = 'draft' | 'published' | 'superseded' | 'abolished';

export interface ProcedureVersionsTable {
  id: string;
  procedureId: string;
  number: number;
  status: ProcedureVersionStatus;
  name: string;
  nameEn: string | null;
  /** f_unaccent(lower(name)), generated by the database. */
  searchKey: ColumnType<string, never, never>;
  /** Vietnamese collation key of the name (vietnameseSortKey), compared bytewise. */
  sortKey: string;
  sectorId: string;
  levels: Array<'province' | 'district' | 'commune'>;
  subjects: Array<'individual' | 'organisation'>;
  onlineLevel: 'full' | 'partial' | 'none';
  legacyLevel: number;
  immediateResult: Generated<boolean>;
  timeValue: number;
  timeUnit: 'working_days' | 'working_hours' | 'calendar_days' | 'immediate';
  onlineTimeValue: number | null;
  decidingAgencyId: string | null;
  deskAgencyId: string | null;
  /** The Điều 5 components that are not columns (see ProcedureContent). */
  content: JSONColumnType<Record<string, unknown>, string, string>;
  decisionNumber: string | null;
  decisionDate: CivilDate | null;
  effectiveFrom: CivilDate | null;
  effectiveTo: CivilDate | null;
  publishedAt: Date | string | null;
  createdBy: string | null;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface ProcedureVersionAgenciesTable {
  versionId: string;
  agencyId: string;
}

export interface ProcedureFilesTable {
  id: string;
  procedureId: string;
  blobKey: string;
  sha256: string;
  size: number;
  fileName: string;
  mediaType: string;
  published: Generated<boolean>;
  uploadedBy: string | null;
  createdAt: CreatedAt;
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

type Json<T extends object> = JSONColumnType<T, string, string>;
type Instant = ColumnType<Date, Date | string, Date | string>;
type NullableInstant = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

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

export interface DataKeysTable {
  id: string;
  scope: 'dossier' | 'user' | 'system';
  ownerRef: string | null;
  masterKeyId: string;
  wrappedKey: Buffer;
  createdAt: CreatedAt;
  rewrappedAt: NullableInstant;
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

export interface Database {
  appSettings: AppSettingsTable;
  users: UsersTable;
  userRoles: UserRolesTable;
  httpSessions: HttpSessionsTable;
  auditLog: AuditLogTable;
  agencies: AgenciesTable;
  sectors: SectorsTable;
  idempotencyKeys: IdempotencyKeysTable;
  dossierCodeCounters: DossierCodeCountersTable;
  ruleSets: RuleSetsTable;
  files: FilesTable;
  loginThrottle: LoginThrottleTable;
  accountProfiles: AccountProfilesTable;
  oneTimeCodes: OneTimeCodesTable;
  notificationOutbox: NotificationOutboxTable;
  userUnitHistory: UserUnitHistoryTable;
  workingCalendars: WorkingCalendarsTable;
  workingCalendarVersions: WorkingCalendarVersionsTable;
  workingCalendarPeriods: WorkingCalendarPeriodsTable;
  workingCalendarDays: WorkingCalendarDaysTable;
  workingCalendarDayPeriods: WorkingCalendarDayPeriodsTable;
  workingCalendarYears: WorkingCalendarYearsTable;
  notifications: NotificationsTable;
  notificationTemplates: NotificationTemplatesTable;
  znsTemplates: ZnsTemplatesTable;
  providerTokens: ProviderTokensTable;
  inboundEvents: InboundEventsTable;
  documentTemplateOverrides: DocumentTemplateOverridesTable;
  userIdentities: UserIdentitiesTable;
  procedures: ProceduresTable;
  procedureVersions: ProcedureVersionsTable;
  procedureVersionAgencies: ProcedureVersionAgenciesTable;
  procedureFiles: ProcedureFilesTable;
  outages: OutagesTable;
  dossiers: DossiersTable;
  dataKeys: DataKeysTable;
  dossierHistory: DossierHistoryTable;
  dossierFiles: DossierFilesTable;
  dossierRequests: DossierRequestsTable;
  dossierDrafts: DossierDraftsTable;
  nationalSyncOutbox: NationalSyncOutboxTable;
  processes: ProcessesTable;
  processVersions: ProcessVersionsTable;
  dossierSteps: DossierStepsTable;
  officerReminders: OfficerRemindersTable;
  documentNumberCounters: DocumentNumberCountersTable;
  dossierDocumentNumbers: DossierDocumentNumbersTable;
}

export interface ProcessesTable {
  id: string;
  procedureId: string;
  agencyId: string | null;
  createdAt: CreatedAt;
}

export interface ProcessVersionsTable {
  id: string;
  processId: string;
  versionNo: number;
  status: Generated<'draft' | 'published' | 'retired'>;
  steps: Json<unknown[]>;
  decisionRef: string | null;
  decisionDate: ColumnType<string | null, string | null | undefined, string | null>;
  createdBy: string | null;
  createdAt: CreatedAt;
  publishedBy: string | null;
  publishedAt: NullableInstant;
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
