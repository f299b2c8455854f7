// Single sign-on (R8): an identity from the OpenID provider is (issuer, subject). The first sign-in
// creates a citizen account linked to it; later ones find it. It is never merged with an existing
// account by phone, e-mail or ID number (ASVS 6.8.1): those may have been typed by someone else.

import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { SsoIdentity } from '../../adapters/identity/oidc-client.ts';
import { parseCccd } from '../../domain/identity/identifiers.ts';
import { cleanLine } from '../../domain/text/vietnamese.ts';
import { dataProtection } from '../../platform/crypto/data-protection.ts';
import type { Db } from '../../platform/db/database.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor, CurrentUser } from './actor.ts';
import { authErrors } from './auth.errors.ts';
import { findActiveUser } from './auth.repository.ts';
import { hashPassword } from './password.ts';

function ssoUsername(identity: SsoIdentity): string {
  const clean = identity.subject.toLowerCase();
  const hash = createHash('sha256')
    .update(`${identity.issuer}\n${identity.subject}`)
    .digest('hex')
    .slice(0, 16);
  return /^[a-z0-9._-]{1,60}$/.test(clean) ? `sso.${clean}.${hash.slice(0, 6)}` : `sso.${hash}`;
}

export async function signInWithIdentity(
  db: Db,
  identity: SsoIdentity,
  actor: Actor,
  now: Date = new Date(),
): Promise<CurrentUser> {
  const linked = await db
    .selectFrom('userIdentities')
    .select('userId')
    .where('issuer', '=', identity.issuer)
    .where('subject', '=', identity.subject)
    .executeTakeFirst();
  let userId = linked?.userId;
  if (userId) {
    await db
      .updateTable('userIdentities')
      .set({ lastUsedAt: now, identityLevel: identity.level })
      .where('issuer', '=', identity.issuer)
      .where('subject', '=', identity.subject)
      .execute();
  } else {
    const id = randomUUID();
    // The account can only be entered through the provider: its password is random and unknown.
    const passwordHash = await hashPassword(randomBytes(32).toString('base64url'));
    const dateOfBirth =
      identity.birthdate && /^\d{4}-\d{2}-\d{2}$/.test(identity.birthdate) ? identity.birthdate : null;
    const idNumber =
      identity.idNumber && parseCccd(identity.idNumber, dateOfBirth).ok ? identity.idNumber : null;
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('users')
        .values({
          id,
          username: ssoUsername(identity),
          fullName: cleanLine(identity.name ?? '') || 'Người dùng định danh',
          kind: 'citizen',
          passwordHash,
          mustChangePassword: false,
          updatedAt: now,
        })
        .execute();
      const protection = dataProtection();
      await trx
        .insertInto('accountProfiles')
        .values({
          userId: id,
          dateOfBirth,
          // Goal 23: the CCCD from the identity provider is stored encrypted, indexed blind.
          idNumber: idNumber ? await protection.seal(trx, 'user', id, idNumber) : null,
          idNumberBidx: idNumber ? protection.blindIndex('cccd', idNumber) : null,
          updatedAt: now,
        })
        .execute();
      await trx
        .insertInto('userIdentities')
        .values({
          issuer: identity.issuer,
          subject: identity.subject,
          userId: id,
          identityLevel: identity.level,
          lastUsedAt: now,
        })
        .execute();
      await appendAudit(trx, {
        ...actor,
        actorId: id,
        actorLabel: ssoUsername(identity),
        action: 'account.sso_link',
        resourceType: 'user',
        resourceId: id,
        details: { issuer: identity.issuer, level: identity.level },
      });
    });
    userId = id;
  }
  const user = await findActiveUser(db, userId);
  if (!user || user.kind === 'officer') {
    throw authErrors.accountLocked();
  }
  return user;
}
