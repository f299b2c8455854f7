// Issue 8: the documents of a real dossier after reception — the stop notice (ND 118/2025 Mẫu 05),
// the processing control slip (TT 01/2018 Mẫu 05, TT 03/2025 Mẫu 06) built from the step ledger
// (migration 0015) with each hand-over classified early / on time / overdue by the working-time
// domain (classifyFinish, QĐ 12/2021 Đ11), the result hand-over receipt (ND 61 Đ20) and the data of
// the converted-to-paper mark (ND 45/2020 Đ18).
import { createHash } from 'node:crypto';
import { classifyFinish } from '../../domain/working-time/index.ts';
import type { Db } from '../../platform/db/database.ts';
import type { DossierRow, HistoryRow } from '../dossiers/dossier.repository.ts';
import { online, timeLimitOf, versionOf } from '../dossiers/dossier-context.ts';
import { findProcessVersion, listSteps } from '../processing/process.repository.ts';
import type { SigningService } from '../signatures/signing-service.ts';
import type { DocumentModels, HandoverRow } from './document-models.ts';
import { numberOf } from './document-numbers.ts';
import { agencyHeader, lastOf, party, timeLimitModel } from './dossier-document-context.ts';
import {
  approvalWithResult,
  handoverMethod,
  documentNotAvailable as notAvailable,
  PAPER_DELIVERIES,
} from './dossier-document-kinds.ts';
import { formatTimeAndDate } from './pdf/vietnamese-dates.ts';

const reasonOf = (entry: HistoryRow) =>
  ((entry.reasons as string[]) ?? []).join('; ') || entry.note || 'Không đáp ứng điều kiện giải quyết';

export async function stopNoticeModel(
  db: Db,
  dossier: DossierRow,
  history: HistoryRow[],
): Promise<DocumentModels['stop_notice']> {
  const entry = lastOf(history, ['stop']);
  if (!entry || !dossier.receivedAt) {
    throw notAvailable('stop_notice');
  }
  const version = await versionOf(db, dossier);
  return {
    agency: await agencyHeader(db, dossier.handlingAgencyId),
    ...(await numberOf(db, entry)),
    issuedAt: new Date(entry.at),
    addressee: party(dossier.applicant).name,
    code: dossier.code,
    procedureName: version.name,
    receivedAt: new Date(dossier.receivedAt),
    reason: reasonOf(entry),
    signerTitle: 'Thủ trưởng cơ quan',
    signerName: entry.actorLabel,
  };
}

/** Where the dossier went when a step closed without a next step in the ledger. */
const CLOSED_TO: Record<string, string> = {
  return_result: 'Tổ chức, cá nhân (trả kết quả)',
  stop: 'Dừng giải quyết hồ sơ',
  confirm_withdrawal: 'Rút hồ sơ theo đề nghị',
};

/**
 * One row per ledger row (a step held by a unit or officer): handed over from that unit to the next
 * row's unit at the step's completion, classified against the step's allotted due time; an open step
 * shows its arrival and no verdict.
 */
export async function controlSlipModel(
  db: Db,
  dossier: DossierRow,
  history: HistoryRow[],
): Promise<DocumentModels['control_slip']> {
  const reception = lastOf(history, ['receive', 'accept']);
  if (!reception || !dossier.receivedAt) {
    throw notAvailable('control_slip');
  }
  const version = await versionOf(db, dossier);
  const { number: receiptNumber } = await numberOf(db, reception);
  const ledger = await listSteps(db, dossier.id);
  const process = dossier.processVersionId ? await findProcessVersion(db, dossier.processVersionId) : null;
  const applicantName = party(dossier.applicant).name;
  const handovers: HandoverRow[] = ledger.map((row, i) => {
    const next = ledger[i + 1];
    const stepName = process?.steps[row.stepIndex]?.name.vi ?? row.stepKey;
    const from = row.unitName ?? stepName;
    if (!row.completedAt) {
      return {
        from,
        to: '—',
        at: new Date(row.arrivedAt),
        note: `${stepName}: đang giải quyết${row.dueAt ? `, hạn ${formatTimeAndDate(new Date(row.dueAt))}` : ''}`,
        ...(row.holderName ? { giverName: row.holderName } : {}),
      };
    }
    const verdict = row.dueAt
      ? classifyFinish(new Date(row.completedAt).getTime(), new Date(row.dueAt).getTime())
      : null;
    const closedTo = CLOSED_TO[row.completedAction ?? ''];
    const to = next ? (next.unitName ?? next.stepKey) : (closedTo ?? '—');
    const receiverName = next
      ? next.holderName
      : row.completedAction === 'return_result'
        ? applicantName
        : null;
    return {
      from,
      to,
      at: new Date(row.completedAt),
      ...(verdict?.ok ? { outcome: verdict.value } : {}),
      note: row.completedAction === 'send_back' ? `${stepName} (trả lại bước trước)` : stepName,
      ...(row.holderName ? { giverName: row.holderName } : {}),
      ...(receiverName ? { receiverName } : {}),
    };
  });
  const unitIds = [...new Set(ledger.map((r) => r.unitId).filter((id): id is string => id !== null))];
  const units =
    unitIds.length > 0
      ? await db
          .selectFrom('agencies')
          .select(['id', 'name', 'parentId'])
          .where('id', 'in', unitIds)
          .execute()
      : [];
  const lead = dossier.handlingAgencyId;
  // Units outside the lead agency and the desk take part as coordinating agencies.
  const coordinating = units
    .filter((u) => u.id !== lead && u.parentId !== lead && u.id !== dossier.receivingAgencyId)
    .map((u) => u.name);
  const leadName = await db.selectFrom('agencies').select('name').where('id', '=', lead).executeTakeFirst();
  return {
    agency: await agencyHeader(db, dossier.receivingAgencyId),
    issuedAt: new Date(dossier.receivedAt),
    code: dossier.code,
    ...(receiptNumber ? { receiptNumber } : {}),
    applicantName,
    leadAgency: leadName?.name ?? '',
    coordinatingAgencies: coordinating,
    timeLimit: timeLimitModel(timeLimitOf(version, online(dossier))),
    receivedAt: new Date(dossier.receivedAt),
    dueAt: new Date(dossier.dueAt ?? dossier.receivedAt),
    handovers,
  };
}

export async function resultHandoverModel(
  db: Db,
  dossier: DossierRow,
  history: HistoryRow[],
): Promise<DocumentModels['result_handover']> {
  const entry = lastOf(history, ['return_result']);
  if (!entry) {
    throw notAvailable('result_handover');
  }
  const version = await versionOf(db, dossier);
  const applicant = party(dossier.applicant);
  const paper = PAPER_DELIVERIES.has(handoverMethod(dossier));
  const electronic = approvalWithResult(history) !== undefined;
  const name = `Kết quả giải quyết thủ tục ${version.name}`;
  return {
    agency: await agencyHeader(db, dossier.receivingAgencyId),
    ...(await numberOf(db, entry)),
    issuedAt: new Date(entry.at),
    code: dossier.code,
    applicant,
    procedureName: version.name,
    results: [
      { name, quantity: 1, form: paper ? 'paper' : 'electronic' },
      // Handed over on paper, the electronic original stays available online (ND 45/2020 Đ18).
      ...(paper && electronic
        ? [{ name: `${name} (bản điện tử đã ký số)`, quantity: 1, form: 'electronic' as const }]
        : []),
    ],
    returnedAt: new Date(entry.at),
    collectorName: applicant.name,
    officerName: entry.actorLabel,
  };
}

/**
 * The mark's data: the desk officer who returned the result converts the signed electronic result
 * (the original, whose SHA-256 and signature check are printed) at the time of the hand-over.
 */
export async function paperConversionModel(
  db: Db,
  signing: SigningService,
  dossier: DossierRow,
  history: HistoryRow[],
  original: Buffer,
): Promise<DocumentModels['paper_conversion_mark']> {
  const entry = lastOf(history, ['return_result']);
  if (!entry) {
    throw notAvailable('paper_conversion_mark');
  }
  const agency = await db
    .selectFrom('agencies')
    .select('name')
    .where('id', '=', dossier.receivingAgencyId)
    .executeTakeFirstOrThrow();
  const report = await signing.verify(original);
  const first = report.signatures[0];
  const signer = first?.signer?.organisation ?? first?.signer?.commonName ?? first?.name ?? '';
  const signatureSummary = first
    ? `Chữ ký số của bản điện tử: ${report.valid ? 'hợp lệ' : 'KHÔNG hợp lệ'}${signer ? ` — ${signer}` : ''}${
        first.signedAt ? `, ký lúc ${formatTimeAndDate(first.signedAt)}` : ''
      }.`
    : 'Bản điện tử không có chữ ký số.';
  return {
    agencyName: agency.name,
    converterName: entry.actorLabel,
    converterTitle: 'Công chức Bộ phận tiếp nhận và trả kết quả',
    convertedAt: new Date(entry.at),
    code: dossier.code,
    originalSha256: createHash('sha256').update(original).digest('hex'),
    signatureSummary,
  };
}
