// TT 01/2018 Đ19, legal digest §9 item 5: the next dossier code of a receiving unit for a local day.
// One upsert (bumpCounter) takes the counter row's lock for the rest of the transaction: concurrent
// receptions queue on it, and a rolled-back reception gives its number back: unique and gapless.
import type { Transaction } from 'kysely';
import { formatDossierCode } from '../../domain/dossier/dossier-code.ts';
import { bumpCounter } from '../../platform/db/counters.ts';
import type { Database } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/http/errors.ts';

export const DAILY_CODE_LIMIT = 9999;

export async function issueDossierCode(
  trx: Transaction<Database>,
  agencyCode: string,
  /** The local (UTC+7) reception date, yyyy-mm-dd. */
  day: string,
): Promise<string> {
  const lastValue = await bumpCounter(trx, 'dossierCodeCounters', { agencyCode, day }).catch(
    (error: unknown) => {
      // The CHECK (last_value ≤ 9999) refuses the 10,000th dossier of a unit in one day.
      if (String((error as { message?: string }).message).includes('check')) {
        throw new AppError('DOSSIER_CODE_EXHAUSTED', 409, {
          vi: `Đơn vị ${agencyCode} đã dùng hết ${DAILY_CODE_LIMIT} mã hồ sơ trong ngày.`,
          en: `Unit ${agencyCode} has used all ${DAILY_CODE_LIMIT} dossier codes for the day.`,
        });
      }
      throw error;
    },
  );
  return formatDossierCode({ agencyCode, date: day, sequence: lastValue });
}
