import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { RuleSet, TemplateName } from './document-models.ts';

type Executor = Db | Transaction<Database>;

export interface TemplateOverrideRow {
  agencyId: string | null;
  texts: Record<string, string>;
  header: Record<string, string>;
  updatedAt: Date;
}

/** The global override (agency null) and, when asked, the agency's own, global first. */
export async function findTemplateOverrides(
  db: Executor,
  ruleSet: RuleSet,
  template: TemplateName,
  agencyId: string | null,
): Promise<TemplateOverrideRow[]> {
  const rows = await db
    .selectFrom('documentTemplateOverrides')
    .select(['agencyId', 'texts', 'header', 'updatedAt'])
    .where('ruleSet', '=', ruleSet)
    .where('template', '=', template)
    .where((eb) =>
      agencyId
        ? eb.or([eb('agencyId', 'is', null), eb('agencyId', '=', agencyId)])
        : eb('agencyId', 'is', null),
    )
    .execute();
  return rows
    .map((r) => ({ ...r, updatedAt: new Date(r.updatedAt) }))
    .sort((a, b) => (a.agencyId === null ? -1 : 0) - (b.agencyId === null ? -1 : 0));
}

export async function upsertTemplateOverride(
  trx: Transaction<Database>,
  row: {
    ruleSet: RuleSet;
    template: TemplateName;
    agencyId: string | null;
    texts: Record<string, string>;
    header: Record<string, string>;
    updatedBy: string | null;
  },
): Promise<void> {
  const existing = await trx
    .selectFrom('documentTemplateOverrides')
    .select('id')
    .where('ruleSet', '=', row.ruleSet)
    .where('template', '=', row.template)
    .where((eb) => (row.agencyId ? eb('agencyId', '=', row.agencyId) : eb('agencyId', 'is', null)))
    .executeTakeFirst();
  const values = {
    texts: JSON.stringify(row.texts),
    header: JSON.stringify(row.header),
    updatedBy: row.updatedBy,
    updatedAt: new Date(),
  };
  if (existing) {
    await trx.updateTable('documentTemplateOverrides').set(values).where('id', '=', existing.id).execute();
  } else {
    await trx
      .insertInto('documentTemplateOverrides')
      .values({
        id: randomUUID(),
        ruleSet: row.ruleSet,
        template: row.template,
        agencyId: row.agencyId,
        ...values,
      })
      .execute();
  }
}

export async function findAgencyIdByCode(db: Executor, code: string): Promise<string | undefined> {
  const row = await db.selectFrom('agencies').select('id').where('code', '=', code).executeTakeFirst();
  return row?.id;
}
