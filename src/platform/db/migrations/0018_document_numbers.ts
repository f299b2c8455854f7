// 0018 — Numbers on the official slips (issue 8, legal digest §2.1). The receipt (Mẫu 01) records
// the reception in the receiving unit's tracking book (Mẫu 06 / TT 03/2025 Mẫu 07): "Quyển số …,
// Số thứ tự …", kept on the dossier. The numbered slips (completion request …/HDHS, refusal,
// apology, stop notice, result hand-over) get a number per issuing agency, kind and year, kept with
// the history row of the event. Both come from one counter table, bumped by an upsert inside the
// action's transaction (the pattern of dossier_code_counters): gapless, and a rollback gives the
// number back. Receptions before this migration are entered in the books in reception order.
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE document_number_counters (
       agency_id uuid NOT NULL REFERENCES agencies (id),
       series text NOT NULL CHECK (series ~ '^[a-z][a-z_]{1,49}$'),
       period text NOT NULL CHECK (length(period) BETWEEN 1 AND 40),
       last_value integer NOT NULL CHECK (last_value >= 1),
       PRIMARY KEY (agency_id, series, period)
     )`,
    `COMMENT ON TABLE document_number_counters IS 'Last number issued per agency, series (tracking_book or a slip kind) and period (the book volume, or the year of a slip)'`,
    'ALTER TABLE dossiers ADD COLUMN book_volume text CHECK (length(book_volume) BETWEEN 1 AND 40)',
    'ALTER TABLE dossiers ADD COLUMN book_line integer CHECK (book_line >= 1)',
    `ALTER TABLE dossiers ADD CONSTRAINT dossiers_book_entry_whole CHECK ((book_volume IS NULL) = (book_line IS NULL))`,
    `CREATE UNIQUE INDEX dossiers_book_line_uq ON dossiers (receiving_agency_id, book_volume, book_line)
       WHERE book_line IS NOT NULL`,
    `COMMENT ON COLUMN dossiers.book_volume IS 'Quyển số of the receiving unit''s tracking book the reception was entered in (Mẫu 01, Mẫu 06/07)'`,
    `COMMENT ON COLUMN dossiers.book_line IS 'Số thứ tự of the reception in that volume; never changes after reception'`,
    `CREATE TABLE dossier_document_numbers (
       history_id bigint PRIMARY KEY REFERENCES dossier_history (id),
       dossier_id uuid NOT NULL REFERENCES dossiers (id),
       kind text NOT NULL CHECK (kind ~ '^[a-z][a-z_]{1,49}$'),
       agency_id uuid NOT NULL REFERENCES agencies (id),
       period text NOT NULL CHECK (length(period) BETWEEN 1 AND 40),
       seq integer NOT NULL CHECK (seq >= 1),
       number text NOT NULL CHECK (length(number) BETWEEN 1 AND 80),
       UNIQUE (agency_id, kind, period, seq)
     )`,
    `COMMENT ON TABLE dossier_document_numbers IS 'The number (Số: 12/HDHS) of the slip an event issued, written in the event''s transaction; reprints read it'`,
    'CREATE INDEX dossier_document_numbers_dossier_idx ON dossier_document_numbers (dossier_id)',
    // Receptions already recorded: entered in their unit's book of the reception year (UTC+7), in order.
    `UPDATE dossiers d SET book_volume = e.volume, book_line = e.line
       FROM (SELECT id, to_char(received_at AT TIME ZONE 'UTC' + interval '7 hours', 'YYYY') AS volume,
                    row_number() OVER (
                      PARTITION BY receiving_agency_id,
                                   to_char(received_at AT TIME ZONE 'UTC' + interval '7 hours', 'YYYY')
                      ORDER BY received_at, code) AS line
               FROM dossiers WHERE received_at IS NOT NULL) e
      WHERE d.id = e.id`,
    `INSERT INTO document_number_counters (agency_id, series, period, last_value)
       SELECT receiving_agency_id, 'tracking_book', book_volume, max(book_line)
         FROM dossiers WHERE book_line IS NOT NULL GROUP BY receiving_agency_id, book_volume`,
  ]);
}
