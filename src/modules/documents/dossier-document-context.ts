// What every slip of a real dossier shares: the applicant as printed, the agency header (governing
// agency above, agency below, place), the rule set's form set and the history with officers' names.
import type { Db } from '../../platform/db/database.ts';
import type { DossierRow, HistoryRow } from '../dossiers/dossier.repository.ts';
import type { AgencyHeader, PartyModel, RuleSet, TimeLimitModel } from './document-models.ts';

interface Person {
  fullName?: string;
  address?: string;
  phone?: string;
  email?: string;
  idNumber?: string;
  taxCode?: string;
}

export function party(raw: unknown): PartyModel {
  const p = (raw ?? {}) as Person;
  return {
    name: p.fullName ?? '',
    ...(p.address ? { address: p.address } : {}),
    ...(p.phone ? { phone: p.phone } : {}),
    ...(p.email ? { email: p.email } : {}),
    ...(p.idNumber || p.taxCode ? { idNumber: (p.idNumber ?? p.taxCode) as string } : {}),
  };
}

/** A rule set's form set: TT 01/2018 forms or the ND 118/2025 (TT 03/2025) renumbered set. */
export async function formSetOfRuleSet(db: Db, ruleSetId: string | null): Promise<RuleSet> {
  const row = ruleSetId
    ? await db.selectFrom('ruleSets').select('settings').where('id', '=', ruleSetId).executeTakeFirst()
    : undefined;
  const formSet = (row?.settings as { formSet?: string } | undefined)?.formSet;
  return formSet === 'tt01_2018' ? 'tt01_2018' : 'nd118_2025';
}

/** The form set of the rule set the dossier was received under (it decides form numbers and circular). */
export function formSetOf(db: Db, dossier: DossierRow): Promise<RuleSet> {
  return formSetOfRuleSet(db, dossier.ruleSetId);
}

export async function provinceName(db: Db): Promise<string> {
  const site = await db
    .selectFrom('appSettings')
    .select('value')
    .where('key', '=', 'site')
    .executeTakeFirst();
  const raw = (site?.value as { provinceName?: string | { vi?: string } } | undefined)?.provinceName;
  return (typeof raw === 'string' ? raw : raw?.vi) ?? '';
}

export async function agencyHeader(db: Db, agencyId: string): Promise<AgencyHeader> {
  const agency = await db
    .selectFrom('agencies as a')
    .leftJoin('agencies as p', 'p.id', 'a.parentId')
    .select(['a.name', 'p.name as parentName'])
    .where('a.id', '=', agencyId)
    .executeTakeFirstOrThrow();
  const province = await provinceName(db);
  const place = province.replace(/^(tỉnh|thành phố)\s+/i, '') || '';
  return {
    governingAgency: (agency.parentName ?? (province ? `UBND ${province}` : '')).toUpperCase(),
    agencyName: agency.name,
    place,
  };
}

export function timeLimitModel(limit: { value: number; unit: string }): TimeLimitModel {
  const unit = limit.unit;
  return {
    amount: limit.value,
    unit: unit === 'calendar_days' ? 'days' : unit === 'working_hours' ? 'working_hours' : 'working_days',
  };
}

/** The history with each officer's full name in place of the login label printed on the slips. */
export async function historyOf(db: Db, dossierId: string): Promise<HistoryRow[]> {
  const rows = await db
    .selectFrom('dossierHistory as h')
    .leftJoin('users as u', 'u.id', 'h.actorId')
    .selectAll('h')
    .select('u.fullName')
    .where('h.dossierId', '=', dossierId)
    .orderBy('h.seq')
    .execute();
  return rows.map(({ fullName, ...row }) => ({ ...row, actorLabel: fullName ?? row.actorLabel }));
}

export const lastOf = (history: HistoryRow[], actions: string[]) =>
  [...history].reverse().find((h) => actions.includes(h.action));

export interface DocumentSource {
  dossier: DossierRow;
  history: HistoryRow[];
  formSet: RuleSet;
}
