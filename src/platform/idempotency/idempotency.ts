// Idempotent state changes (security goal 28, §4.3): the first request with an Idempotency-Key
// does the work and stores its answer in the same transaction; a retry with the same key and the
// same request gets that answer again and changes nothing; the same key with a different request
// is refused. Concurrent duplicates wait on the key's row (PostgreSQL's unique-index lock) and then
// replay, so 50 parallel requests with one key create exactly one record.
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { canonicalJson } from '../canonical-json.ts';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { AppError } from '../http/errors.ts';

export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;
export const IDEMPOTENCY_TTL_HOURS = 24;

export interface IdempotentAnswer<T> {
  status: number;
  body: T;
  /** True when this is a stored answer to an earlier request with the same key. */
  replayed: boolean;
}

export const idempotencyErrors = {
  invalidKey: () =>
    new AppError(
      'IDEMPOTENCY_KEY_INVALID',
      400,
      {
        vi: 'Khóa Idempotency-Key không hợp lệ (8–128 ký tự chữ, số, . _ : -).',
        en: 'The Idempotency-Key is not valid (8–128 letters, digits, . _ : -).',
      },
      'Idempotency-Key',
    ),
  reused: () =>
    new AppError(
      'IDEMPOTENCY_KEY_REUSED',
      422,
      {
        vi: 'Khóa Idempotency-Key này đã được dùng cho một yêu cầu khác.',
        en: 'This Idempotency-Key was already used for a different request.',
      },
      'Idempotency-Key',
    ),
};

export function requestHash(request: unknown): string {
  return createHash('sha256').update(canonicalJson(request)).digest('hex');
}

/**
 * Runs `work` once per (scope, key). `scope` names the caller and the operation (e.g.
 * `<userId>:POST /api/v1/dossiers`), so keys of different users never meet.
 */
export async function runIdempotent<T>(
  db: Db,
  options: { scope: string; key: string | undefined; request: unknown },
  work: (trx: Transaction<Database>) => Promise<{ status: number; body: T }>,
): Promise<IdempotentAnswer<T>> {
  if (options.key === undefined) {
    const answer = await db.transaction().execute(work);
    return { ...answer, replayed: false };
  }
  const key = options.key;
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
    throw idempotencyErrors.invalidKey();
  }
  const hash = requestHash(options.request);
  return db.transaction().execute(async (trx) => {
    const claimed = await trx
      .insertInto('idempotencyKeys')
      .values({ scope: options.scope, key, requestHash: hash })
      .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    if (!claimed) {
      const stored = await trx
        .selectFrom('idempotencyKeys')
        .select(['requestHash', 'responseStatus', 'responseBody'])
        .where('scope', '=', options.scope)
        .where('key', '=', key)
        .executeTakeFirstOrThrow();
      if (stored.requestHash !== hash || stored.responseStatus === null) {
        throw idempotencyErrors.reused();
      }
      return { status: stored.responseStatus, body: stored.responseBody as T, replayed: true };
    }
    const answer = await work(trx);
    await trx
      .updateTable('idempotencyKeys')
      .set({ responseStatus: answer.status, responseBody: JSON.stringify(answer.body) })
      .where('scope', '=', options.scope)
      .where('key', '=', key)
      .execute();
    return { ...answer, replayed: false };
  });
}

export async function purgeExpiredIdempotencyKeys(db: Db, now: Date = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - IDEMPOTENCY_TTL_HOURS * 3600 * 1000);
  const result = await db.deleteFrom('idempotencyKeys').where('createdAt', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}
