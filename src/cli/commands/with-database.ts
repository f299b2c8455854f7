import type { Config } from '../../platform/config/config.ts';
import { type DatabaseHandle, openDatabase } from '../../platform/db/database.ts';

/** Opens the configured database for one command and always closes it (and its PGlite lock). */
export async function withDatabase<T>(
  config: Config,
  work: (handle: DatabaseHandle) => Promise<T>,
): Promise<T> {
  const handle = await openDatabase(config.database);
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}
