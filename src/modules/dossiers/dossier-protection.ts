// ID numbers in dossiers are stored encrypted under the dossier's own data key (security goal 23;
// NĐ 356/2025 Đ3–Đ4): the applicant's and owner's `idNumber` and every ID-number-shaped string in
// the e-form data (9-digit CMND, 12-digit CCCD). Officers still find a dossier by the number through
// keyed blind indexes (`id_number_bidx`). Readers call `revealDossier` before showing a dossier.
import type { Kysely } from 'kysely';
import { type DataProtection, dataProtection } from '../../platform/crypto/data-protection.ts';
import { isSealed } from '../../platform/crypto/envelope.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { DossierRow } from './dossier.repository.ts';

type Executor = Kysely<Database>;

const ID_SHAPED = /^(?:[0-9]{9}|[0-9]{12})$/;

export const looksLikeIdNumber = (value: string): boolean => ID_SHAPED.test(value.replace(/\s/g, ''));

/** The values of a person to index: the ID number in clear, before sealing. */
export function idNumberIndexes(
  protection: DataProtection,
  people: Array<Record<string, unknown> | null>,
): string[] {
  const out = new Set<string>();
  for (const person of people) {
    const id = person?.idNumber;
    if (typeof id === 'string' && id !== '' && !isSealed(id)) {
      out.add(protection.blindIndex('cccd', id));
    }
  }
  return [...out];
}

async function sealStrings(
  protection: DataProtection,
  db: Executor,
  dossierId: string,
  value: unknown,
  shouldSeal: (key: string, value: string) => boolean,
  key = '',
): Promise<unknown> {
  if (typeof value === 'string') {
    return !isSealed(value) && shouldSeal(key, value)
      ? protection.seal(db, 'dossier', dossierId, value)
      : value;
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      out.push(await sealStrings(protection, db, dossierId, item, shouldSeal, key));
    }
    return out;
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, item] of Object.entries(value)) {
      out[k] = await sealStrings(protection, db, dossierId, item, shouldSeal, k);
    }
    return out;
  }
  return value;
}

export async function sealPerson<T extends Record<string, unknown> | null>(
  db: Executor,
  dossierId: string,
  person: T,
): Promise<T> {
  if (!person) {
    return person;
  }
  return (await sealStrings(dataProtection(), db, dossierId, person, (key) => key === 'idNumber')) as T;
}

export async function sealFormData<T>(db: Executor, dossierId: string, formData: T): Promise<T> {
  return (await sealStrings(dataProtection(), db, dossierId, formData, (_key, value) =>
    looksLikeIdNumber(value),
  )) as T;
}

/** The dossier with its ID numbers opened, for the views and the printed slips. */
export async function revealDossier<T extends Pick<DossierRow, 'applicant' | 'owner' | 'formData'>>(
  db: Executor,
  dossier: T,
): Promise<T> {
  const protection = dataProtection();
  return {
    ...dossier,
    applicant: await protection.reveal(db, dossier.applicant),
    owner: await protection.reveal(db, dossier.owner),
    formData: await protection.reveal(db, dossier.formData),
  };
}
