// Kysely table types of accounts: users, roles, sessions, logins, profiles, one-time codes, identities.
import type { Generated, JSONColumnType } from 'kysely';
import type { CivilDate, CreatedAt, Timestamp } from './schema-types.ts';

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

export interface UserUnitHistoryTable {
  id: Generated<number>;
  userId: string;
  fromUnitId: string | null;
  toUnitId: string | null;
  reason: 'admin' | 'merge';
  changedAt: CreatedAt;
}

export interface UserIdentitiesTable {
  issuer: string;
  subject: string;
  userId: string;
  identityLevel: string | null;
  linkedAt: CreatedAt;
  lastUsedAt: Timestamp | null;
}
