// Vietnamese text rules shared by server and browser (security goal 13, R3): store NFC without
// invisible or direction-changing characters; compare and search without diacritics or case.

// Zero-width, bidi controls and BOM: invisible, and able to disguise names and file names.
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** The form every stored text takes: NFC, no invisible or control characters, trimmed. */
export function cleanText(raw: string): string {
  return raw.normalize('NFC').replace(INVISIBLE, '').replace(CONTROL, '').trim();
}

/** Single-line text (names, titles): also collapses whitespace and line breaks. */
export function cleanLine(raw: string): string {
  return cleanText(raw).replace(/\s+/g, ' ');
}

/**
 * Search key: lower case, no diacritics, đ → d, single spaces. "Đăng ký khai sinh",
 * "dang ky khai sinh" and "ĐĂNG KÝ KHAI SINH" (NFC or NFD, any tone placement) all fold alike.
 */
export function foldVietnamese(raw: string): string {
  return raw
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Vietnamese alphabetical order (A Ă Â B … Đ …), done in the application: PGlite has no ICU. */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}
