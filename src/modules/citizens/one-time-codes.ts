// One-time codes sent by SMS or e-mail (ASVS 6.5.1, 6.5.3–6.5.5, 6.6.3): 6 digits from a CSPRNG,
// valid 10 minutes, single use, at most 5 guesses, bound to the account and purpose, at most 3 sent
// per account and purpose in 15 minutes. Only a hash is stored.
import { createHash, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';

export const CODE_TTL_SECONDS = 10 * 60;
export const MAX_GUESSES = 5;
const SEND_WINDOW_SECONDS = 15 * 60;
const MAX_SENDS_PER_WINDOW = 3;

type Purpose = 'verify_contact' | 'reset_password';

const digest = (id: string, code: string) => createHash('sha256').update(`${id}:${code}`).digest('hex');

/** Issues a code, or returns null when this account already got 3 codes in 15 minutes. */
export async function issueCode(
  trx: Transaction<Database>,
  input: { userId: string; purpose: Purpose; channel: 'sms' | 'email'; destination: string },
  now: Date,
): Promise<string | null> {
  const since = new Date(now.getTime() - SEND_WINDOW_SECONDS * 1000);
  const recent = await trx
    .selectFrom('oneTimeCodes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('userId', '=', input.userId)
    .where('purpose', '=', input.purpose)
    .where('createdAt', '>', since)
    .executeTakeFirstOrThrow();
  if (Number(recent.n) >= MAX_SENDS_PER_WINDOW) {
    return null;
  }
  const code = randomInt(0, 1_000_000).toString().padStart(6, '0');
  const id = randomUUID();
  // A new code replaces the earlier ones.
  await trx
    .updateTable('oneTimeCodes')
    .set({ consumedAt: now })
    .where('userId', '=', input.userId)
    .where('purpose', '=', input.purpose)
    .where('consumedAt', 'is', null)
    .execute();
  await trx
    .insertInto('oneTimeCodes')
    .values({
      id,
      ...input,
      codeHash: digest(id, code),
      expiresAt: new Date(now.getTime() + CODE_TTL_SECONDS * 1000),
      createdAt: now,
    })
    .execute();
  return code;
}

/** Consumes the code when right; counts a guess when wrong. */
export async function consumeCode(
  trx: Transaction<Database>,
  userId: string,
  purpose: Purpose,
  code: string,
  now: Date,
): Promise<boolean> {
  const row = await trx
    .selectFrom('oneTimeCodes')
    .select(['id', 'codeHash', 'attempts', 'expiresAt'])
    .where('userId', '=', userId)
    .where('purpose', '=', purpose)
    .where('consumedAt', 'is', null)
    .orderBy('createdAt', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
  if (!row || row.attempts >= MAX_GUESSES || new Date(row.expiresAt) <= now) {
    return false;
  }
  const expected = Buffer.from(row.codeHash, 'hex');
  const given = Buffer.from(digest(row.id, code), 'hex');
  if (!timingSafeEqual(expected, given)) {
    await trx
      .updateTable('oneTimeCodes')
      .set({ attempts: row.attempts + 1 })
      .where('id', '=', row.id)
      .execute();
    return false;
  }
  await trx.updateTable('oneTimeCodes').set({ consumedAt: now }).where('id', '=', row.id).execute();
  return true;
}
