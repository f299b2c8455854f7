// Creating accounts (used by the CLI and the demo seed; the administration screens come with the
// organisation module). Every creation is audited in the same transaction.
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { type Actor, SYSTEM_ACTOR } from './actor.ts';
import { hashPassword } from './password.ts';

export interface NewUser {
  username: string;
  fullName: string;
  email?: string | null;
  phone?: string | null;
  /** The officer's unit (agencies.id); null for citizens and province-wide accounts. */
  unitId?: string | null;
  kind: 'officer' | 'citizen' | 'organisation';
  password: string;
  /** An argon2id hash of `password` made earlier (the demo seed hashes its one password once). */
  passwordHash?: string;
  mustChangePassword: boolean;
  isDemo?: boolean;
  /** Each role with the agency or unit it applies to (null: the whole deployment). */
  roles: Array<{ role: string; scopeId: string | null }>;
}

export async function createUser(
  trx: Transaction<Database>,
  input: NewUser,
  actor: Actor = SYSTEM_ACTOR,
): Promise<string> {
  const id = randomUUID();
  await trx
    .insertInto('users')
    .values({
      id,
      username: input.username.normalize('NFC').trim().toLowerCase(),
      fullName: input.fullName.normalize('NFC').trim(),
      email: input.email ?? null,
      phone: input.phone ?? null,
      unitId: input.unitId ?? null,
      kind: input.kind,
      passwordHash: input.passwordHash ?? (await hashPassword(input.password)),
      mustChangePassword: input.mustChangePassword,
      isDemo: input.isDemo ?? false,
      updatedAt: new Date(),
    })
    .execute();
  for (const { role, scopeId } of input.roles) {
    await trx.insertInto('userRoles').values({ userId: id, role, scopeId }).execute();
  }
  await appendAudit(trx, {
    ...actor,
    action: 'user.create',
    resourceType: 'user',
    resourceId: id,
    details: {
      username: input.username,
      unitId: input.unitId ?? null,
      roles: input.roles,
      demo: input.isDemo ?? false,
    },
  });
  return id;
}
