import type { Transaction } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { Agency, Sector } from './organisation.schemas.ts';

type Executor = Db | Transaction<Database>;

const AGENCY_COLUMNS = [
  'id',
  'code',
  'shortName',
  'name',
  'nameEn',
  'level',
  'kind',
  'parentId',
  'deskAgencyId',
  'address',
  'email',
  'hotline',
  'validFrom',
  'validTo',
  'successorId',
] as const;

export async function listAgencies(
  db: Executor,
  filter: { level?: Agency['level']; kind?: Agency['kind']; validOn?: string },
): Promise<Agency[]> {
  let query = db.selectFrom('agencies').select(AGENCY_COLUMNS).orderBy('sortOrder').orderBy('code');
  if (filter.level) {
    query = query.where('level', '=', filter.level);
  }
  if (filter.kind) {
    query = query.where('kind', '=', filter.kind);
  }
  if (filter.validOn) {
    const day = filter.validOn;
    query = query
      .where('validFrom', '<=', day)
      .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>=', day)]));
  }
  return query.execute();
}

export async function findAgencyByCode(db: Executor, code: string): Promise<Agency | undefined> {
  return db.selectFrom('agencies').select(AGENCY_COLUMNS).where('code', '=', code).executeTakeFirst();
}

export async function listActiveSectors(db: Executor): Promise<Sector[]> {
  return db
    .selectFrom('sectors')
    .select(['id', 'code', 'name', 'nameEn', 'parentId'])
    .where('active', '=', true)
    .orderBy('sortOrder')
    .orderBy('code')
    .execute();
}
