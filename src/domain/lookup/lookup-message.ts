// R38: status lookup by SMS or chat. A citizen types `TC <mã hồ sơ>` (the syntax printed on the
// receipt); people also write `TRACUU`, `tra cứu`, lower case, no space, extra punctuation, or just
// the code. This pure parser turns any such text into the canonical dossier code
// (TT 01/2018 Đ19, e.g. 000.00.06.H99-260505-0001) or a reason the reply can explain.
import { formatDossierCode, parseDossierCode } from '../dossier/dossier-code.ts';

export type LookupParseFailure =
  /** Nothing but spaces and punctuation. */
  | 'empty'
  /** Text that is neither the lookup keyword nor a code. */
  | 'unknown_command'
  /** The keyword alone, with no code after it. */
  | 'missing_code'
  /** Something after the keyword, but not a well-formed, possible dossier code. */
  | 'invalid_code';

export type LookupParse =
  | { ok: true; code: string; keyword: 'TC' | 'TRACUU' | 'none' }
  | { ok: false; reason: LookupParseFailure };

/** Longer texts are not lookup requests (a code is 25 characters); refuse before any regex work. */
export const MAX_LOOKUP_MESSAGE_LENGTH = 200;

// Zero-width and bidi controls, BOM: invisible, so they must not decide anything.
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** Upper-case ASCII skeleton: diacritics removed (NFKD also maps full-width forms), đ → D. */
function skeleton(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'D')
    .replace(INVISIBLE, '')
    .toUpperCase();
}

// The keyword, then anything: `TRA CUU`, `TRA-CUU`, `TRACUU`, `TC`, with any leading punctuation and
// no space needed before the code (agency codes may start with a letter: `TCG12…`).
// Linear: no nested quantifiers (security goals §5.D ReDoS).
const KEYWORD = /^[^A-Z0-9]*(TRA[^A-Z0-9]{0,3}CUU|TC)/;

// A dossier code has exactly 20 letters and digits once its separators are dropped:
// agency [0-9A-Z]{3}[0-9A-Z]{2}[0-9A-Z]{2}[A-Z][0-9]{2}, date YYMMDD, sequence NNNN.
const CODE_SKELETON = /^([0-9A-Z]{3})([0-9A-Z]{2})([0-9A-Z]{2})([A-Z][0-9]{2})(\d{6})(\d{4})$/;

/**
 * Reads the canonical dossier code out of `candidate`, whatever separators were typed (or none):
 * `000.00.06.h99 - 260505 - 0001`, `000 00 06 H99 260505 0001` and `0000006H992605050001` all work.
 */
export function readDossierCode(candidate: string): string | null {
  const alnum = skeleton(candidate).replace(/[^A-Z0-9]/g, '');
  const m = CODE_SKELETON.exec(alnum);
  if (!m) {
    return null;
  }
  const code = `${m[1]}.${m[2]}.${m[3]}.${m[4]}-${m[5]}-${m[6]}`;
  const parts = parseDossierCode(code);
  return parts ? formatDossierCode(parts) : null;
}

export function parseLookupMessage(text: string): LookupParse {
  if (text.length > MAX_LOOKUP_MESSAGE_LENGTH) {
    return { ok: false, reason: 'unknown_command' };
  }
  const s = skeleton(text).trim();
  if (!/[A-Z0-9]/.test(s)) {
    return { ok: false, reason: 'empty' };
  }
  const keyword = KEYWORD.exec(s);
  if (!keyword) {
    // A bare code (someone typed only what is printed on the slip) is a lookup too.
    const code = readDossierCode(s);
    return code ? { ok: true, code, keyword: 'none' } : { ok: false, reason: 'unknown_command' };
  }
  const rest = s.slice(keyword[0].length);
  if (!/[A-Z0-9]/.test(rest)) {
    return { ok: false, reason: 'missing_code' };
  }
  const code = readDossierCode(rest);
  if (!code) {
    return { ok: false, reason: 'invalid_code' };
  }
  return { ok: true, code, keyword: keyword[1] === 'TC' ? 'TC' : 'TRACUU' };
}
