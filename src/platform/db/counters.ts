// Gapless counters (goal 30): one upsert takes the counter row's lock for the rest of the caller's
// transaction, so concurrent callers queue on it, each gets the next value, and a rolled-back
// transaction gives its value back. Dossier codes (dossier_code_counters, per unit and day) and the
// numbers of the official slips (document_number_counters, per agency, series and period) use it.
import { type Insertable, sql, type Transaction } from 'kysely';
import type { Database } from './schema.ts';

type CounterTable = 'dossierCodeCounters' | 'documentNumberCounters';

export async function bumpCounter<T extends CounterTable>(
  trx: Transaction<Database>,
  table: T,
  key: Omit<Insertable<Database[T]>, 'lastValue'>,
): Promise<number> {
  const row = await trx
    .insertInto(table as CounterTable)
    .values({ ...key, lastValue: 1 } as never)
    .onConflict((oc) =>
      oc
        .columns(Object.keys(key) as never)
        .doUpdateSet({ lastValue: sql<number>`${sql.ref(`${table}.lastValue`)} + 1` }),
    )
    .returning('lastValue')
    .executeTakeFirstOrThrow();
  return row.lastValue;
}
