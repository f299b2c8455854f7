// Dossier rows turned into API views: national status names (R53: meanings fixed, labels shown),
// the colour warning (R17 reception clock while awaiting reception, R36 appointment afterwards).
import {
  type DossierStatus,
  STATUS_NAMES,
  SUB_STATUSES,
  type SubStatus,
} from '../../domain/dossier/status.ts';
import type { WorkingCalendar } from '../../domain/working-time/index.ts';
import { warningLevel } from '../../domain/working-time/index.ts';
import type { DossierRow } from './dossier.repository.ts';

const iso = (date: Date | null) => (date ? new Date(date).toISOString() : null);

/** The columns a summary reads: listings select only these, not the form data and other JSON. */
export const SUMMARY_COLUMNS = [
  'd.id',
  'd.code',
  'd.status',
  'd.subStatus',
  'd.procedureId',
  'd.channel',
  'd.applicant',
  'd.submittedAt',
  'd.receivedAt',
  'd.dueAt',
  'd.receptionDueAt',
  'd.version',
] as const;
type SummaryColumn = (typeof SUMMARY_COLUMNS)[number] extends `d.${infer C}` ? C : never;
type SummaryRow = Pick<DossierRow, SummaryColumn & keyof DossierRow>;

export interface SummaryContext {
  procedureName: string;
  receivingAgencyCode: string;
  calendar: WorkingCalendar | null;
  now: Date;
}

export function statusNameOf(status: number) {
  return STATUS_NAMES[status as DossierStatus];
}

export function subStatusNameOf(subStatus: string) {
  return SUB_STATUSES[subStatus as SubStatus] ?? { vi: subStatus, en: subStatus };
}

/** Which clock the colour follows: reception (status 1) or the appointment (open statuses). */
export function warningOf(
  row: Pick<DossierRow, 'status' | 'receptionDueAt' | 'dueAt'>,
  calendar: WorkingCalendar | null,
  now: Date,
) {
  const clock = row.status === 1 ? row.receptionDueAt : [2, 4, 5, 6].includes(row.status) ? row.dueAt : null;
  if (!clock || !calendar) {
    return null;
  }
  const warning = warningLevel(calendar, now.getTime(), new Date(clock).getTime());
  if (!warning.ok) {
    return null;
  }
  // The reception clock (R17) is only 8 working hours, always less than a working day: it turns
  // amber in its last quarter rather than from the start.
  if (row.status === 1 && warning.value.level === 'dueSoon') {
    return warning.value.workingMinutesLeft < RECEPTION_DUE_SOON_MINUTES ? 'dueSoon' : 'normal';
  }
  return warning.value.level;
}

/** R17: the last two of the 8 working hours to answer an online dossier show amber. */
const RECEPTION_DUE_SOON_MINUTES = 120;

export function toSummary(row: SummaryRow, context: SummaryContext) {
  const applicant = row.applicant as { fullName?: string };
  return {
    id: row.id,
    code: row.code,
    status: row.status,
    statusName: statusNameOf(row.status),
    subStatus: row.subStatus,
    subStatusName: subStatusNameOf(row.subStatus),
    procedureId: row.procedureId,
    procedureName: context.procedureName,
    channel: row.channel,
    applicantName: applicant.fullName ?? '',
    receivingAgencyCode: context.receivingAgencyCode,
    submittedAt: new Date(row.submittedAt).toISOString(),
    receivedAt: iso(row.receivedAt),
    dueAt: iso(row.dueAt),
    receptionDueAt: iso(row.receptionDueAt),
    warning: warningOf(row, context.calendar, context.now),
    version: row.version,
  };
}

export { iso };
