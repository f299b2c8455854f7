// Kysely table types of documents: the official slips' numbers (migration 0018) and the template
// overrides; schema.ts lists them in `Database` and the drift test checks them.
import type { JSONColumnType } from 'kysely';
import type { Timestamp } from './schema-types.ts';

/** Last number issued per agency, series (`tracking_book` or a slip kind) and period. */
export interface DocumentNumberCountersTable {
  agencyId: string;
  series: string;
  /** The book volume (Quyển số) for `tracking_book`, the year for a slip kind. */
  period: string;
  lastValue: number;
}

/** The number of the slip an event (history row) issued, e.g. "12/HDHS". */
export interface DossierDocumentNumbersTable {
  historyId: number;
  dossierId: string;
  kind: string;
  agencyId: string;
  period: string;
  seq: number;
  number: string;
}

export interface DocumentTemplateOverridesTable {
  id: string;
  ruleSet: 'tt01_2018' | 'nd118_2025';
  template: string;
  agencyId: string | null;
  texts: JSONColumnType<Record<string, string>, string, string>;
  header: JSONColumnType<Record<string, string>, string, string>;
  updatedBy: string | null;
  updatedAt: Timestamp;
}
