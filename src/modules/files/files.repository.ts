import type { Insertable, Transaction } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Database, FilesTable } from '../../platform/db/schema.ts';

type Executor = Db | Transaction<Database>;

export async function insertFile(trx: Executor, row: Insertable<FilesTable>): Promise<void> {
  await trx.insertInto('files').values(row).execute();
}

export async function findFile(db: Executor, id: string) {
  return db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
}
