// Kysely table types of the official slips' numbers (migration 0018), kept out of schema.ts, which
// had grown past 600 lines; schema.ts lists them in `Database` and the drift test checks them.

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
