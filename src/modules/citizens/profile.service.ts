// The profile of a citizen or organisation account (R8) and the back office's read of it. Every
// read by an officer is audited (R49: reads of personal data).

import { isValidTaxCode, parseCccd } from '../../domain/identity/identifiers.ts';
import { cleanLine, foldVietnamese } from '../../domain/text/vietnamese.ts';
import { todayInVietnam } from '../../domain/time/vietnam-date.ts';
import { dataProtection } from '../../platform/crypto/data-protection.ts';
import type { Db } from '../../platform/db/database.ts';
import { errors } from '../../platform/http/errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import { citizenErrors } from './citizens.errors.ts';
import type { Profile, UpdateProfileBody } from './citizens.schemas.ts';

export async function getProfile(db: Db, userId: string): Promise<Profile> {
  const row = await db
    .selectFrom('users')
    .leftJoin('accountProfiles as p', 'p.userId', 'users.id')
    .select([
      'users.id',
      'users.kind',
      'users.username',
      'users.fullName',
      'users.phone',
      'users.email',
      'users.phoneVerifiedAt',
      'users.emailVerifiedAt',
      'p.dateOfBirth',
      'p.idNumber',
      'p.address',
      'p.taxCode',
      'p.representativeName',
      'p.representativeTitle',
    ])
    .where('users.id', '=', userId)
    .where('users.kind', '<>', 'officer')
    .executeTakeFirst();
  if (!row || row.kind === 'officer') {
    throw errors.notFound();
  }
  const { phoneVerifiedAt, emailVerifiedAt, kind, ...rest } = row;
  return {
    ...rest,
    kind,
    dateOfBirth: rest.dateOfBirth ?? null,
    // Stored encrypted under the account's data key (goal 23).
    idNumber: rest.idNumber ? await dataProtection().open(db, rest.idNumber) : null,
    address: rest.address ?? null,
    taxCode: rest.taxCode ?? null,
    representativeName: rest.representativeName ?? null,
    representativeTitle: rest.representativeTitle ?? null,
    phoneVerified: phoneVerifiedAt !== null,
    emailVerified: emailVerifiedAt !== null,
  };
}

export async function updateProfile(db: Db, userId: string, body: UpdateProfileBody, actor: Actor) {
  const before = await getProfile(db, userId);
  if (body.dateOfBirth !== null && (body.dateOfBirth < '1900-01-01' || body.dateOfBirth > todayInVietnam())) {
    throw citizenErrors.dateOfBirth();
  }
  const idNumber = body.idNumber?.replace(/\s/g, '') || null;
  if (idNumber !== null) {
    const verdict = parseCccd(idNumber, body.dateOfBirth);
    if (!verdict.ok) {
      throw citizenErrors.idNumber(verdict.problem);
    }
  }
  const taxCode = body.taxCode === undefined ? before.taxCode : body.taxCode?.trim() || null;
  if (taxCode !== null && !isValidTaxCode(taxCode)) {
    throw citizenErrors.taxCode('taxCode');
  }
  const profile = {
    dateOfBirth: body.dateOfBirth,
    idNumber,
    address: body.address ? cleanLine(body.address) : null,
    taxCode,
    representativeName:
      body.representativeName === undefined
        ? before.representativeName
        : body.representativeName
          ? cleanLine(body.representativeName)
          : null,
    representativeTitle:
      body.representativeTitle === undefined
        ? before.representativeTitle
        : body.representativeTitle
          ? cleanLine(body.representativeTitle)
          : null,
  };
  const fullName = cleanLine(body.fullName);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ fullName, updatedAt: new Date() })
      .where('id', '=', userId)
      .execute();
    const protection = dataProtection();
    const stored = {
      ...profile,
      idNumber: idNumber ? await protection.seal(trx, 'user', userId, idNumber) : null,
      idNumberBidx: idNumber ? protection.blindIndex('cccd', idNumber) : null,
    };
    await trx
      .insertInto('accountProfiles')
      .values({ userId, ...stored, updatedAt: new Date() })
      .onConflict((oc) => oc.column('userId').doUpdateSet({ ...stored, updatedAt: new Date() }))
      .execute();
    // The audit keeps which fields changed, not the personal values themselves.
    const changed = Object.entries({ fullName, ...profile })
      .filter(([key, value]) => before[key as keyof Profile] !== value)
      .map(([key]) => key);
    await appendAudit(trx, {
      ...actor,
      action: 'account.profile_update',
      resourceType: 'user',
      resourceId: userId,
      details: { changed },
    });
  });
  return getProfile(db, userId);
}

/** Back office search of citizen accounts (name, phone, e-mail, CCCD); the search is audited. */
export async function searchCitizens(db: Db, q: string, actor: Actor) {
  const folded = `%${foldVietnamese(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const exact = q.trim().toLowerCase();
  const items = await db
    .selectFrom('users')
    .leftJoin('accountProfiles as p', 'p.userId', 'users.id')
    .select(['users.id', 'users.kind', 'users.fullName', 'users.username', 'users.status'])
    .where('users.kind', '<>', 'officer')
    .where((eb) =>
      eb.or([
        eb(eb.fn('f_unaccent', [eb.fn('lower', ['users.fullName'])]), 'like', folded),
        eb('users.username', '=', exact),
        eb('users.phone', '=', exact),
        eb(eb.fn('lower', ['users.email']), '=', exact),
        // The CCCD is stored encrypted: an exact number matches its blind index.
        eb('p.idNumberBidx', '=', dataProtection().blindIndex('cccd', exact)),
      ]),
    )
    .orderBy('users.fullName')
    .limit(50)
    .execute();
  await db.transaction().execute((trx) =>
    appendAudit(trx, {
      ...actor,
      action: 'citizen.search',
      resourceType: 'user',
      details: { results: items.map((i) => i.id) },
    }),
  );
  return items as Array<{
    id: string;
    kind: 'citizen' | 'organisation';
    fullName: string;
    username: string;
    status: string;
  }>;
}

export async function readCitizenProfile(db: Db, id: string, actor: Actor): Promise<Profile> {
  const profile = await getProfile(db, id);
  await db.transaction().execute((trx) =>
    appendAudit(trx, {
      ...actor,
      action: 'citizen.read',
      resourceType: 'user',
      resourceId: id,
      details: { fields: ['fullName', 'phone', 'email', 'dateOfBirth', 'idNumber', 'address', 'taxCode'] },
    }),
  );
  return profile;
}

export async function listOutbox(db: Db) {
  const rows = await db
    .selectFrom('notificationOutbox')
    .select(['id', 'channel', 'recipient', 'subject', 'body', 'purpose', 'createdAt'])
    .orderBy('createdAt', 'desc')
    .limit(100)
    .execute();
  return rows.map((row) => ({ ...row, createdAt: new Date(row.createdAt).toISOString() }));
}
