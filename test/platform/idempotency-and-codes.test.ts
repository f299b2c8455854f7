// Goal 28 (idempotent submission) and goal 30 (atomic code sequences), on both databases:
// concurrent duplicates produce exactly one record; codes are unique and gapless under concurrency.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDossierCode } from '../../src/domain/dossier/dossier-code.ts';
import { issueDossierCode } from '../../src/modules/dossiers/dossier-code.repository.ts';
import type { DatabaseHandle } from '../../src/platform/db/database.ts';
import { purgeExpiredIdempotencyKeys, runIdempotent } from '../../src/platform/idempotency/idempotency.ts';
import { createTestDatabase } from '../helpers/test-database.ts';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
  await sql`create table effects (id serial primary key, label text not null)`.execute(database.db);
});
afterAll(async () => database?.close());

const countEffects = async (label: string) =>
  Number(
    (
      await sql<{ n: number }>`select count(*)::int as n from effects where label = ${label}`.execute(
        database.db,
      )
    ).rows[0]?.n,
  );

async function createEffect(key: string | undefined, label: string) {
  return runIdempotent(
    database.db,
    { scope: 'user-1:POST /things', key, request: { label } },
    async (trx) => {
      const { rows } = await sql<{
        id: number;
      }>`insert into effects (label) values (${label}) returning id`.execute(trx);
      return { status: 201, body: { id: rows[0]?.id, label } };
    },
  );
}

describe('[goal 28] idempotency keys', () => {
  it('a retry with the same key returns the first answer and creates nothing', async () => {
    const first = await createEffect('key-retry-0001', 'a');
    const retry = await createEffect('key-retry-0001', 'a');
    expect(first.replayed).toBe(false);
    expect(retry).toEqual({ ...first, replayed: true });
    expect(await countEffects('a')).toBe(1);
  });

  it('50 parallel requests with one key create exactly one record and all get the same answer', async () => {
    const answers = await Promise.all(Array.from({ length: 50 }, () => createEffect('key-parallel-01', 'b')));
    expect(await countEffects('b')).toBe(1);
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect(answers.filter((a) => !a.replayed)).toHaveLength(1);
  });

  it('the same key with a different request is refused (422); without a key every request acts', async () => {
    await createEffect('key-reuse-0001', 'c');
    await expect(createEffect('key-reuse-0001', 'other')).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      status: 422,
    });
    await createEffect(undefined, 'd');
    await createEffect(undefined, 'd');
    expect(await countEffects('d')).toBe(2);
  });

  it('a failed first attempt leaves the key free for the retry', async () => {
    await expect(
      runIdempotent(database.db, { scope: 's', key: 'key-failing-01', request: {} }, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const retry = await createEffect('key-failing-01', 'e');
    expect(retry.replayed).toBe(false);
  });

  it('refuses malformed keys and purges keys older than 24 h', async () => {
    await expect(createEffect('short', 'f')).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_INVALID',
      status: 400,
    });
    await expect(createEffect('key with spaces!', 'f')).rejects.toMatchObject({ status: 400 });
    const later = new Date(Date.now() + 25 * 3600 * 1000);
    expect(await purgeExpiredIdempotencyKeys(database.db, later)).toBeGreaterThanOrEqual(3);
  });
});

describe('[TT 01/2018 Đ19, goal 30] dossier code counter', () => {
  it('issues 0001, 0002… per unit and day, independently per unit and per day', async () => {
    const issue = (agency: string, day: string) =>
      database.db.transaction().execute((trx) => issueDossierCode(trx, agency, day));
    expect(await issue('000.00.06.H99', '2026-05-05')).toBe('000.00.06.H99-260505-0001');
    expect(await issue('000.00.06.H99', '2026-05-05')).toBe('000.00.06.H99-260505-0002');
    expect(await issue('000.00.51.H99', '2026-05-05')).toBe('000.00.51.H99-260505-0001');
    expect(await issue('000.00.06.H99', '2026-05-06')).toBe('000.00.06.H99-260506-0001');
  });

  it('50 concurrent receptions get 50 distinct codes with no gap; a rolled-back one gives its number back', async () => {
    const codes = await Promise.all(
      Array.from({ length: 50 }, () =>
        database.db.transaction().execute((trx) => issueDossierCode(trx, '000.00.11.H99', '2026-07-01')),
      ),
    );
    const sequences = codes
      .map((code) => parseDossierCode(code)?.sequence)
      .sort((a, b) => (a ?? 0) - (b ?? 0));
    expect(sequences).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    await expect(
      database.db.transaction().execute(async (trx) => {
        await issueDossierCode(trx, '000.00.11.H99', '2026-07-01');
        throw new Error('reception failed');
      }),
    ).rejects.toThrow('reception failed');
    const next = await database.db
      .transaction()
      .execute((trx) => issueDossierCode(trx, '000.00.11.H99', '2026-07-01'));
    expect(next).toBe('000.00.11.H99-260701-0051');
  });

  it('[goal 30] 10,000 concurrent receptions over four unit-days: no duplicate, no skipped number', async () => {
    const days = ['2026-08-03', '2026-08-04'];
    const units = ['000.00.13.H99', '000.00.14.H99'];
    const codes = await Promise.all(
      Array.from({ length: 10_000 }, (_, i) =>
        database.db
          .transaction()
          .execute((trx) =>
            issueDossierCode(trx, units[i % 2] as string, days[Math.floor(i / 2) % 2] as string),
          ),
      ),
    );
    expect(new Set(codes).size).toBe(10_000);
    const byUnitDay = new Map<string, number[]>();
    for (const code of codes) {
      const key = code.slice(0, code.lastIndexOf('-'));
      byUnitDay.set(key, [...(byUnitDay.get(key) ?? []), parseDossierCode(code)?.sequence ?? 0]);
    }
    expect(byUnitDay.size).toBe(4);
    for (const sequences of byUnitDay.values()) {
      expect(sequences.sort((a, b) => a - b)).toEqual(Array.from({ length: 2_500 }, (_, i) => i + 1));
    }
  });

  it('refuses the 10,000th code of a day with a clear error', async () => {
    await database.db
      .insertInto('dossierCodeCounters')
      .values({ agencyCode: '000.00.12.H99', day: '2026-07-02', lastValue: 9999 })
      .execute();
    await expect(
      database.db.transaction().execute((trx) => issueDossierCode(trx, '000.00.12.H99', '2026-07-02')),
    ).rejects.toMatchObject({ code: 'DOSSIER_CODE_EXHAUSTED', status: 409 });
  });
});
