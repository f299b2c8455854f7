// Kysely table types (camelCase; CamelCasePlugin maps to snake_case). A test checks these against
// the migrated schema on both databases, so a migration and this file cannot drift apart.
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

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
  status: Generated<'active' | 'locked' | 'disabled'>;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
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

export interface Database {
  appSettings: AppSettingsTable;
  users: UsersTable;
  userRoles: UserRolesTable;
  httpSessions: HttpSessionsTable;
  auditLog: AuditLogTable;
}
