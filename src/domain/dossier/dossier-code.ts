// Dossier code (mã số hồ sơ), TT 01/2018/TT-VPCP Điều 19 and QĐ 20/2020/QĐ-TTg (legal digest §5):
// <identifier code of the receiving unit>-<YYMMDD>-<NNNN>, e.g. 000.00.06.H99-260505-0001.
// Shared by the server and both web apps, so the browser and the API accept the same codes.

/** Agency electronic identifier code (mã định danh điện tử), QĐ 20/2020: e.g. 000.00.06.H99. */
export const AGENCY_CODE_PATTERN = /^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9]{2}$/;

export const DOSSIER_CODE_PATTERN =
  /^([0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9]{2})-(\d{2})(\d{2})(\d{2})-(\d{4})$/;

export interface DossierCodeParts {
  agencyCode: string;
  /** The local (Asia/Ho_Chi_Minh) reception date, yyyy-mm-dd. */
  date: string;
  sequence: number;
}

export function parseDossierCode(raw: string): DossierCodeParts | null {
  const match = DOSSIER_CODE_PATTERN.exec(raw);
  if (!match) {
    return null;
  }
  const [, agencyCode = '', yy = '', mm = '', dd = '', seq = ''] = match;
  const year = 2000 + Number(yy);
  const month = Number(mm);
  const day = Number(dd);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    return null;
  }
  const sequence = Number(seq);
  if (sequence < 1) {
    return null;
  }
  return { agencyCode, date: `${year}-${mm}-${dd}`, sequence };
}

/** Tolerant reading of what a person typed or an SMS carried: spaces and lower case removed. */
export function normalizeDossierCodeInput(raw: string): string {
  return raw.normalize('NFC').replace(/\s+/g, '').toUpperCase();
}

export function formatDossierCode(parts: DossierCodeParts): string {
  if (!AGENCY_CODE_PATTERN.test(parts.agencyCode)) {
    throw new RangeError(`not an agency identifier code: ${parts.agencyCode}`);
  }
  if (!Number.isInteger(parts.sequence) || parts.sequence < 1 || parts.sequence > 9999) {
    throw new RangeError(`sequence out of range 1–9999: ${parts.sequence}`);
  }
  const [year, month, day] = parts.date.split('-');
  if (!year || !month || !day || year.length !== 4) {
    throw new RangeError(`not a yyyy-mm-dd date: ${parts.date}`);
  }
  return `${parts.agencyCode}-${year.slice(2)}${month}${day}-${String(parts.sequence).padStart(4, '0')}`;
}
