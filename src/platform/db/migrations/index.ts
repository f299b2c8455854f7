// The ordered list of migrations. Names sort in apply order; never rename or edit a shipped one.
import type { Migration } from 'kysely/migration';
import * as m0001 from './0001_foundation.ts';

export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
};
