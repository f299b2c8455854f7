import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import {
  NATIONAL_RULE_SETS,
  type RuleSet,
  type RuleSetSettings,
  ruleSetInForce,
} from '../../domain/rules/rule-set.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';

type Executor = Db | Transaction<Database>;

export interface StoredRuleSet extends RuleSet {
  id: string;
  national: boolean;
}

export async function listRuleSets(db: Executor): Promise<StoredRuleSet[]> {
  const rows = await db.selectFrom('ruleSets').selectAll().orderBy('effectiveFrom').execute();
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    name: { vi: row.name, en: row.nameEn },
    legalBasis: row.legalBasis,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
    settings: row.settings as unknown as RuleSetSettings,
    national: row.national,
  }));
}

/** The rule set a dossier received on `day` (local yyyy-mm-dd) is bound to. */
export async function findRuleSetInForce(db: Executor, day: string): Promise<StoredRuleSet | undefined> {
  return ruleSetInForce(await listRuleSets(db), day);
}

/** Inserts the national rule sets that are missing (by code); never overwrites an administrator's edits. */
export async function ensureNationalRuleSets(db: Db): Promise<string[]> {
  const existing = new Set((await db.selectFrom('ruleSets').select('code').execute()).map((r) => r.code));
  const added: string[] = [];
  for (const ruleSet of NATIONAL_RULE_SETS) {
    if (existing.has(ruleSet.code)) {
      continue;
    }
    await db
      .insertInto('ruleSets')
      .values({
        id: randomUUID(),
        code: ruleSet.code,
        name: ruleSet.name.vi,
        nameEn: ruleSet.name.en,
        legalBasis: JSON.stringify(ruleSet.legalBasis),
        effectiveFrom: ruleSet.effectiveFrom,
        effectiveTo: ruleSet.effectiveTo,
        settings: JSON.stringify(ruleSet.settings),
        national: true,
        updatedAt: new Date(),
      })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
    added.push(ruleSet.code);
  }
  return added;
}
