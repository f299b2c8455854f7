// Issue 8: the numbers the official slips print, issued inside the transaction of the event they
// record (recordChange calls numberEvent) and read back on every reprint.
// - Reception ("receive" at the desk, "accept" of an online dossier) enters the dossier in the
//   receiving unit's tracking book: Quyển số (the receipt's `bookVolume` wording, the year by
//   default) and the next Số thứ tự of that volume, stored on the dossier (Mẫu 01, Mẫu 06/07);
//   the receipt's own number is that line in its `numberFormat` ("{number}/TNHS").
// - Events with a numbered slip get the issuing agency's next number of that kind and year,
//   formatted with the slip's `numberFormat` wording ("{number}/HDHS") and stored with the event.
// Counters are bumped with bumpCounter (the dossier-code pattern): gapless under concurrency, and a
// rolled-back action gives its number back.
import { sql, type Transaction } from 'kysely';
import { bumpCounter } from '../../platform/db/counters.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { DossierRow, HistoryRow } from '../dossiers/dossier.repository.ts';
import type { TemplateName } from './document-models.ts';
import { resolveTemplate } from './documents.service.ts';
import { formSetOfRuleSet } from './dossier-document-context.ts';
import { fill } from './templates/template-catalogue.ts';

/** The slip each event issues and which agency issues it (the one whose header the slip prints). */
const NUMBERED_EVENTS: Record<string, { kind: TemplateName; issuer: 'receiving' | 'handling' }> = {
  request_completion: { kind: 'completion_request', issuer: 'receiving' },
  refuse: { kind: 'refusal', issuer: 'receiving' },
  apologize: { kind: 'apology', issuer: 'handling' },
  stop: { kind: 'stop_notice', issuer: 'handling' },
  return_result: { kind: 'result_handover', issuer: 'receiving' },
};
const RECEPTIONS = new Set(['receive', 'accept']);
const BOOK_SERIES = 'tracking_book';

/** The Vietnam (UTC+7) calendar year of an instant. */
const yearOf = (at: Date) => String(new Date(at.getTime() + 7 * 3600 * 1000).getUTCFullYear());

/**
 * Enters a received dossier in its receiving unit's tracking book (stored on the dossier) and keeps
 * the receipt's number, "{line}/TNHS" by default, with the reception event.
 */
async function enterInBook(
  trx: Transaction<Database>,
  dossier: DossierRow,
  reception: HistoryRow,
): Promise<{ volume: string; line: number }> {
  if (dossier.bookVolume && dossier.bookLine) {
    return { volume: dossier.bookVolume, line: dossier.bookLine };
  }
  const agencyId = dossier.receivingAgencyId;
  const formSet = await formSetOfRuleSet(trx, dossier.ruleSetId);
  const texts = (await resolveTemplate(trx, 'receipt', formSet, agencyId)).texts;
  const year = yearOf(new Date(dossier.receivedAt ?? reception.at));
  const volume = fill(texts.bookVolume || '{year}', { year }).slice(0, 40) || year;
  const line = await bumpCounter(trx, 'documentNumberCounters', {
    agencyId,
    series: BOOK_SERIES,
    period: volume,
  });
  await trx
    .updateTable('dossiers')
    .set({ bookVolume: volume, bookLine: line })
    .where('id', '=', dossier.id)
    .execute();
  const number = fill(texts.numberFormat || '{number}', { number: line, line, volume, year });
  await trx
    .insertInto('dossierDocumentNumbers')
    .values({
      historyId: reception.id,
      dossierId: dossier.id,
      kind: 'receipt',
      agencyId,
      period: volume,
      seq: line,
      number: number.slice(0, 80),
    })
    .execute();
  return { volume, line };
}

/** Issues the number of the slip the event records, if it has one; stored with the history row. */
async function issueSlipNumber(
  trx: Transaction<Database>,
  dossier: DossierRow,
  history: HistoryRow,
): Promise<string | null> {
  const numbered = NUMBERED_EVENTS[history.action];
  if (!numbered) {
    return null;
  }
  const agencyId = numbered.issuer === 'handling' ? dossier.handlingAgencyId : dossier.receivingAgencyId;
  const formSet = await formSetOfRuleSet(trx, dossier.ruleSetId);
  const format = (await resolveTemplate(trx, numbered.kind, formSet, agencyId)).texts.numberFormat;
  const at = new Date(history.at);
  const period = yearOf(at);
  const seq = await bumpCounter(trx, 'documentNumberCounters', {
    agencyId,
    series: numbered.kind,
    period,
  });
  const number = fill(format || '{number}', { number: seq, year: period }).slice(0, 80);
  await trx
    .insertInto('dossierDocumentNumbers')
    .values({
      historyId: history.id,
      dossierId: dossier.id,
      kind: numbered.kind,
      agencyId,
      period,
      seq,
      number,
    })
    .execute();
  return number;
}

/** Called by recordChange for every history row, inside the event's transaction. */
export async function numberEvent(
  trx: Transaction<Database>,
  dossier: DossierRow,
  history: HistoryRow,
): Promise<void> {
  if (RECEPTIONS.has(history.action) && dossier.receivedAt) {
    await enterInBook(trx, dossier, history);
    return;
  }
  await issueSlipNumber(trx, dossier, history);
}

/** The number stored with an event, for its slip's header; none for events before migration 0018. */
export async function numberOf(db: Db, event: { id: number }): Promise<{ number?: string }> {
  const row = await db
    .selectFrom('dossierDocumentNumbers')
    .select('number')
    .where('historyId', '=', event.id)
    .executeTakeFirst();
  return row ? { number: row.number } : {};
}

/**
 * Enters received dossiers without a book entry (seeded, imported) in their unit's book of the
 * reception year, in reception order, after the lines already issued; the counters follow.
 */
export async function enterUnnumberedReceptions(trx: Transaction<Database>): Promise<void> {
  await sql`
    UPDATE dossiers d SET book_volume = e.volume, book_line = e.base + e.rank
      FROM (SELECT x.id, x.volume, x.rank, coalesce(c.last_value, 0) AS base
              FROM (SELECT id, receiving_agency_id,
                           to_char(received_at AT TIME ZONE 'UTC' + interval '7 hours', 'YYYY') AS volume,
                           row_number() OVER (
                             PARTITION BY receiving_agency_id,
                                          to_char(received_at AT TIME ZONE 'UTC' + interval '7 hours', 'YYYY')
                             ORDER BY received_at, code) AS rank
                      FROM dossiers WHERE received_at IS NOT NULL AND book_line IS NULL) x
              LEFT JOIN document_number_counters c
                ON c.agency_id = x.receiving_agency_id AND c.series = ${BOOK_SERIES} AND c.period = x.volume) e
     WHERE d.id = e.id`.execute(trx);
  await sql`
    INSERT INTO document_number_counters (agency_id, series, period, last_value)
      SELECT receiving_agency_id, ${BOOK_SERIES}, book_volume, max(book_line)
        FROM dossiers WHERE book_line IS NOT NULL GROUP BY receiving_agency_id, book_volume
    ON CONFLICT (agency_id, series, period) DO UPDATE SET last_value = excluded.last_value`.execute(trx);
}
