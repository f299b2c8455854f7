// Public status lookup by dossier code (R38, goal 10): anyone with the code printed on the receipt
// sees the status, the procedure, the reception and due dates and a masked name — never personal
// data, since codes are guessable by their format. Shared by the portal, SMS/chat auto-replies, the
// kiosk and the embeddable widget.
import { normalizeDossierCodeInput, parseDossierCode } from '../../domain/dossier/dossier-code.ts';
import { type DossierStatus, STATUS_NAMES } from '../../domain/dossier/status.ts';
import type { Db } from '../../platform/db/database.ts';
import { actionLabel } from '../dossiers/action-labels.ts';

/** "Nguyễn Văn An" → "N***** V** A*": enough to recognise one's own dossier, not to learn a name. */
export function maskName(name: string): string {
  return name
    .normalize('NFC')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => {
      const letters = [...word];
      return `${letters[0] ?? ''}${'*'.repeat(Math.max(1, letters.length - 1))}`;
    })
    .join(' ');
}

export interface PublicLookup {
  code: string;
  status: number;
  statusName: { vi: string; en: string };
  procedureName: string;
  agencyName: string;
  applicantName: string;
  receivedAt: string | null;
  dueAt: string | null;
  resultAt: string | null;
  returnedAt: string | null;
  steps: Array<{ at: string; action: string; actionName: { vi: string; en: string }; status: number }>;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export async function lookupDossier(db: Db, rawCode: string): Promise<PublicLookup | null> {
  const code = normalizeDossierCodeInput(rawCode);
  if (!parseDossierCode(code)) {
    return null;
  }
  const row = await db
    .selectFrom('dossiers as d')
    .innerJoin('procedureVersions as v', 'v.id', 'd.procedureVersionId')
    .innerJoin('agencies as a', 'a.id', 'd.handlingAgencyId')
    .select([
      'd.id',
      'd.code',
      'd.status',
      'd.applicant',
      'd.receivedAt',
      'd.dueAt',
      'd.resultAt',
      'd.returnedAt',
      'v.name as procedureName',
      'a.name as agencyName',
    ])
    .where('d.code', '=', code)
    .executeTakeFirst();
  if (!row) {
    return null;
  }
  const history = await db
    .selectFrom('dossierHistory')
    .select(['at', 'action', 'statusAfter'])
    .where('dossierId', '=', row.id)
    .orderBy('seq')
    .limit(100)
    .execute();
  return {
    code: row.code,
    status: row.status,
    statusName: STATUS_NAMES[row.status as DossierStatus],
    procedureName: row.procedureName,
    agencyName: row.agencyName,
    applicantName: maskName(String((row.applicant as { fullName?: string }).fullName ?? '')),
    receivedAt: iso(row.receivedAt),
    dueAt: iso(row.dueAt),
    resultAt: iso(row.resultAt),
    returnedAt: iso(row.returnedAt),
    steps: history.map((h) => ({
      at: new Date(h.at).toISOString(),
      action: h.action,
      actionName: actionLabel(h.action),
      status: h.statusAfter,
    })),
  };
}
