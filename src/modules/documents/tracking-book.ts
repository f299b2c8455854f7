// Sổ theo dõi hồ sơ (TT 01/2018 Mẫu 06; TT 03/2025 Mẫu 07) of one unit for a period: every dossier the
// unit received or handles whose reception falls in the period, numbered with the Số thứ tự its
// receipt shows (the unit's own receptions; migration 0018), with its reception, appointment,
// transfer to the handling unit (the desk step's completion in the ledger), result and return times.
// Officers with dossier.read over the unit; the form set is that of the rule set in force on the
// period's last day.
import { can } from '../../domain/access/policy.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, errors } from '../../platform/http/errors.ts';
import type { CurrentUser } from '../auth/actor.ts';
import { agencyPath } from '../organisation/agency-scope.ts';
import { findRuleSetInForce } from '../rules/rule-sets.repository.ts';
import type { TrackingBookRow } from './document-models.ts';
import { renderOfficialDocument } from './documents.service.ts';
import { agencyHeader, formSetOfRuleSet, party } from './dossier-document-context.ts';

/** A book is printed, not browsed: a period with more rows than this must be split. */
export const TRACKING_BOOK_MAX_ROWS = 2000;
const MAX_DAYS = 366;

export const trackingBookErrors = {
  period: () =>
    errors.validation('to', {
      vi: 'Khoảng thời gian không hợp lệ: "đến ngày" phải từ "từ ngày" trở đi và không quá 366 ngày.',
      en: 'Invalid period: "to" must not be before "from" and the period at most 366 days.',
    }),
  unknownAgency: () =>
    new AppError('AGENCY_NOT_FOUND', 404, { vi: 'Không tìm thấy đơn vị.', en: 'No such unit.' }, 'agencyId'),
  tooMany: (count: number) =>
    new AppError(
      'TRACKING_BOOK_TOO_LARGE',
      422,
      {
        vi: `Kỳ đã chọn có hơn ${TRACKING_BOOK_MAX_ROWS} hồ sơ (${count}); vui lòng chọn khoảng thời gian ngắn hơn.`,
        en: `The period holds more than ${TRACKING_BOOK_MAX_ROWS} dossiers (${count}); choose a shorter one.`,
      },
      'from',
    ),
};

/** Start of a Vietnam calendar day (UTC+7, no daylight saving). */
const dayStart = (day: string) => new Date(`${day}T00:00:00+07:00`);

const NOTES: Record<number, string> = {
  3: 'Từ chối tiếp nhận',
  8: 'Dừng giải quyết / rút hồ sơ',
};

export async function renderTrackingBook(
  db: Db,
  publicUrl: string,
  user: CurrentUser,
  query: { agencyId: string; from: string; to: string },
  now: Date,
): Promise<Buffer> {
  const from = dayStart(query.from);
  const toExclusive = new Date(dayStart(query.to).getTime() + 86_400_000);
  const days = (toExclusive.getTime() - from.getTime()) / 86_400_000;
  if (!Number.isFinite(days) || days < 1 || days > MAX_DAYS) {
    throw trackingBookErrors.period();
  }
  const unit = await db
    .selectFrom('agencies')
    .select(['id', 'name'])
    .where('id', '=', query.agencyId)
    .executeTakeFirst();
  if (!unit) {
    throw trackingBookErrors.unknownAgency();
  }
  if (!can(user.roles, 'dossier.read', await agencyPath(db, unit.id))) {
    throw errors.forbidden();
  }
  const rows = await db
    .selectFrom('dossiers as d')
    .innerJoin('procedureVersions as v', 'v.id', 'd.procedureVersionId')
    .innerJoin('agencies as h', 'h.id', 'd.handlingAgencyId')
    .select([
      'd.id',
      'd.code',
      'd.status',
      'd.applicant',
      'd.receivedAt',
      'd.dueAt',
      'd.resultAt',
      'd.returnedAt',
      'd.apologyCount',
      'd.receivingAgencyId',
      'd.bookVolume',
      'd.bookLine',
      'v.name as procedureName',
      'h.name as leadAgency',
    ])
    .select((eb) =>
      eb
        .selectFrom('dossierSteps as s')
        .select('s.completedAt')
        .whereRef('s.dossierId', '=', 'd.id')
        .where('s.stepIndex', '=', 0)
        .where('s.completedAction', '=', 'forward')
        .orderBy('s.seq')
        .limit(1)
        .as('transferredAt'),
    )
    .where((eb) => eb.or([eb('d.receivingAgencyId', '=', unit.id), eb('d.handlingAgencyId', '=', unit.id)]))
    .where('d.receivedAt', '>=', from)
    .where('d.receivedAt', '<', toExclusive)
    .orderBy('d.receivedAt')
    .orderBy('d.code')
    .limit(TRACKING_BOOK_MAX_ROWS + 1)
    .execute();
  if (rows.length > TRACKING_BOOK_MAX_ROWS) {
    throw trackingBookErrors.tooMany(rows.length - 1);
  }
  const date = (v: unknown) => (v ? new Date(v as string) : undefined);
  const own = rows.filter((r) => r.receivingAgencyId === unit.id && r.bookLine !== null);
  const volumes = [...new Set(own.map((r) => r.bookVolume as string))];
  const bookRows: TrackingBookRow[] = rows.map((r) => {
    const applicant = party(r.applicant);
    const dueAt = date(r.dueAt);
    const transferredAt = date(r.transferredAt);
    const resultReceivedAt = date(r.resultAt);
    const returnedAt = date(r.returnedAt);
    const note = [NOTES[r.status], r.apologyCount > 0 ? 'Đã xin lỗi, hẹn lại' : undefined]
      .filter(Boolean)
      .join('; ');
    // The line as printed on the receipt; with several volumes in the period, the volume too.
    const line =
      r.receivingAgencyId === unit.id && r.bookLine !== null
        ? volumes.length > 1
          ? `${r.bookLine}/${r.bookVolume}`
          : String(r.bookLine)
        : undefined;
    return {
      ...(line ? { line } : {}),
      code: r.code,
      procedureName: r.procedureName,
      setCount: 1,
      applicantName: applicant.name,
      addressPhone: [applicant.address, applicant.phone].filter(Boolean).join(', '),
      leadAgency: r.leadAgency,
      receivedAt: new Date(r.receivedAt as unknown as string),
      ...(dueAt ? { dueAt } : {}),
      ...(transferredAt ? { transferredAt } : {}),
      ...(resultReceivedAt ? { resultReceivedAt } : {}),
      ...(returnedAt ? { returnedAt } : {}),
      ...(note ? { note } : {}),
    };
  });
  const ruleSet = await findRuleSetInForce(db, query.to);
  const formSet = await formSetOfRuleSet(db, ruleSet?.id ?? null);
  return renderOfficialDocument(
    db,
    publicUrl,
    'tracking_book',
    {
      agency: await agencyHeader(db, unit.id),
      issuedAt: now,
      unitName: unit.name,
      volumes,
      periodFrom: from,
      periodTo: dayStart(query.to),
      rows: bookRows,
    },
    { ruleSet: formSet, agencyId: unit.id },
  );
}
