// Kysely table types (camelCase; CamelCasePlugin maps to snake_case). A test checks these against
// the migrated schema on both databases, so a migration and this file cannot drift apart.
import type {
  AccountProfilesTable,
  HttpSessionsTable,
  LoginThrottleTable,
  OneTimeCodesTable,
  UserIdentitiesTable,
  UserRolesTable,
  UsersTable,
  UserUnitHistoryTable,
} from './schema-accounts.ts';
import type {
  WorkingCalendarDayPeriodsTable,
  WorkingCalendarDaysTable,
  WorkingCalendarPeriodsTable,
  WorkingCalendarsTable,
  WorkingCalendarVersionsTable,
  WorkingCalendarYearsTable,
} from './schema-calendar.ts';
import type {
  AgenciesTable,
  ProcedureFilesTable,
  ProceduresTable,
  ProcedureVersionAgenciesTable,
  ProcedureVersionsTable,
  ProcessesTable,
  ProcessVersionsTable,
  RuleSetsTable,
  SectorsTable,
} from './schema-catalogue.ts';
import type {
  DocumentNumberCountersTable,
  DocumentTemplateOverridesTable,
  DossierDocumentNumbersTable,
} from './schema-documents.ts';
import type {
  DossierCodeCountersTable,
  DossierDraftsTable,
  DossierFilesTable,
  DossierHistoryTable,
  DossierRequestsTable,
  DossierStepsTable,
  DossiersTable,
  NationalSyncOutboxTable,
  OfficerRemindersTable,
  OutagesTable,
} from './schema-dossiers.ts';
import type {
  InboundEventsTable,
  NotificationOutboxTable,
  NotificationsTable,
  NotificationTemplatesTable,
  ProviderTokensTable,
  ZnsTemplatesTable,
} from './schema-notifications.ts';
import type {
  AppSettingsTable,
  AuditLogTable,
  DataKeysTable,
  FilesTable,
  IdempotencyKeysTable,
} from './schema-platform.ts';

export type {
  AccountProfilesTable,
  HttpSessionsTable,
  LoginThrottleTable,
  OneTimeCodesTable,
  UserIdentitiesTable,
  UserRolesTable,
  UsersTable,
  UserUnitHistoryTable,
} from './schema-accounts.ts';
export type {
  WorkingCalendarDayKind,
  WorkingCalendarDayPeriodsTable,
  WorkingCalendarDaysTable,
  WorkingCalendarPeriodsTable,
  WorkingCalendarsTable,
  WorkingCalendarVersionsTable,
  WorkingCalendarYearsTable,
} from './schema-calendar.ts';
export type {
  AgenciesTable,
  ProcedureFilesTable,
  ProceduresTable,
  ProcedureVersionAgenciesTable,
  ProcedureVersionStatus,
  ProcedureVersionsTable,
  ProcessesTable,
  ProcessVersionsTable,
  RuleSetsTable,
  SectorsTable,
} from './schema-catalogue.ts';
export type { DocumentTemplateOverridesTable } from './schema-documents.ts';
export type {
  DossierCodeCountersTable,
  DossierDraftsTable,
  DossierFilesTable,
  DossierHistoryTable,
  DossierRequestsTable,
  DossierStepsTable,
  DossiersTable,
  NationalSyncOutboxTable,
  OfficerRemindersTable,
  OutagesTable,
} from './schema-dossiers.ts';
export type {
  InboundEventsTable,
  NotificationChannel,
  NotificationOutboxTable,
  NotificationStatus,
  NotificationsTable,
  NotificationTemplatesTable,
  ProviderTokensTable,
  ZnsTemplatesTable,
} from './schema-notifications.ts';
export type {
  AppSettingsTable,
  AuditLogTable,
  DataKeysTable,
  FilesTable,
  IdempotencyKeysTable,
} from './schema-platform.ts';

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
