// Identifiers citizens and organisations type (R8; goal 12, hostile inputs §5.B), shared by the
// browser (field errors while typing) and the server (the rule that counts).
// - CCCD (căn cước / căn cước công dân, 12 digits; TT 07/2016/TT-BCA Đ7, TT 59/2021/TT-BCA [M]):
//   3 digits of the province of birth registration, 1 digit for century and sex, 2 digits of the
//   birth year, 6 random digits. There is no check digit: the rules are the province code, the
//   century digit and, when the date of birth is known, its agreement with digits 4–6.
// - Tax code (mã số thuế, TT 105/2020/TT-BTC Đ5 [M]): 10 digits whose 10th is a check digit, or
//   10 digits, a hyphen and 3 digits for a dependent unit.
// - Phones are normalised to the national form 0xxxxxxxxx (mobile: 10 digits starting 03, 05, 07,
//   08, 09).

/** Province codes of CCCD numbers (the 63 provinces before the 2025 mergers; numbers keep them). */
export const CCCD_PROVINCE_CODES = new Set([
  '001',
  '002',
  '004',
  '006',
  '008',
  '010',
  '011',
  '012',
  '014',
  '015',
  '017',
  '019',
  '020',
  '022',
  '024',
  '025',
  '026',
  '027',
  '030',
  '031',
  '033',
  '034',
  '035',
  '036',
  '037',
  '038',
  '040',
  '042',
  '044',
  '045',
  '046',
  '048',
  '049',
  '051',
  '052',
  '054',
  '056',
  '058',
  '060',
  '062',
  '064',
  '066',
  '067',
  '068',
  '070',
  '072',
  '074',
  '075',
  '077',
  '079',
  '080',
  '082',
  '083',
  '084',
  '086',
  '087',
  '089',
  '091',
  '092',
  '093',
  '094',
  '095',
  '096',
]);

export type CccdProblem = 'format' | 'province' | 'birth_year';

export interface CccdFacts {
  provinceCode: string;
  sex: 'male' | 'female';
  birthYear: number;
}

/** Reads a CCCD number; with a date of birth (yyyy-mm-dd) its year must agree (cross-field). */
export function parseCccd(
  raw: string,
  dateOfBirth?: string | null,
): { ok: true; facts: CccdFacts } | { ok: false; problem: CccdProblem } {
  if (!/^[0-9]{12}$/.test(raw)) {
    return { ok: false, problem: 'format' };
  }
  const provinceCode = raw.slice(0, 3);
  if (!CCCD_PROVINCE_CODES.has(provinceCode)) {
    return { ok: false, problem: 'province' };
  }
  const centuryDigit = Number(raw[3]);
  // 0/1: 1900s, 2/3: 2000s, 4/5: 2100s, 6/7: 2200s, 8/9: 2300s; even = male, odd = female.
  const century = 1900 + Math.floor(centuryDigit / 2) * 100;
  const birthYear = century + Number(raw.slice(4, 6));
  const facts: CccdFacts = { provinceCode, sex: centuryDigit % 2 === 0 ? 'male' : 'female', birthYear };
  if (dateOfBirth && Number(dateOfBirth.slice(0, 4)) !== birthYear) {
    return { ok: false, problem: 'birth_year' };
  }
  return { ok: true, facts };
}

const TAX_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];

export function isValidTaxCode(raw: string): boolean {
  const match = /^([0-9]{10})(?:-([0-9]{3}))?$/.exec(raw);
  if (!match?.[1] || match[2] === '000') {
    return false;
  }
  const digits = [...match[1]].map(Number);
  const sum = TAX_WEIGHTS.reduce((total, weight, index) => total + weight * (digits[index] ?? 0), 0);
  const check = 10 - (sum % 11);
  return check < 10 && check === digits[9];
}

/** '+84 912 345 678', '84912345678', '0912.345.678' → '0912345678'; null if not a VN mobile. */
export function normalizePhone(raw: string): string | null {
  const compact = raw.replace(/[\s.()-]/g, '');
  const national = compact.startsWith('+84')
    ? `0${compact.slice(3)}`
    : /^84[0-9]{9}$/.test(compact)
      ? `0${compact.slice(2)}`
      : compact;
  return /^0[35789][0-9]{8}$/.test(national) ? national : null;
}

const EMAIL =
  /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/** Lower-case, trimmed; null when it is not a plausible address. */
export function normalizeEmail(raw: string): string | null {
  const email = raw.normalize('NFC').trim().toLowerCase();
  return email.length <= 254 && EMAIL.test(email) ? email : null;
}

/** A sign-in name as typed: a phone number in any usual form, an e-mail or an officer username. */
export function normalizeLoginName(raw: string): string {
  const trimmed = raw.normalize('NFC').trim().toLowerCase();
  return normalizePhone(trimmed) ?? trimmed;
}
