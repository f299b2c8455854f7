// A sort key for Vietnamese alphabetical order, computed in the application (PGlite has no ICU
// collation) and compared byte by byte (COLLATE "C" in the database, plain < in JavaScript).
// Levels as in the Unicode Collation Algorithm: first the letters in the Vietnamese alphabet
// (a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y; f j w z for foreign words), with
// spaces before punctuation before digits before letters; then tone marks; then case. A property
// test checks it against Intl.Collator('vi') on Vietnamese words.

const LETTERS = [
  'a',
  'ă',
  'â',
  'b',
  'c',
  'd',
  'đ',
  'e',
  'ê',
  'f',
  'g',
  'h',
  'i',
  'j',
  'k',
  'l',
  'm',
  'n',
  'o',
  'ô',
  'ơ',
  'p',
  'q',
  'r',
  's',
  't',
  'u',
  'ư',
  'v',
  'w',
  'x',
  'y',
  'z',
];
// ICU's default order of common punctuation and symbols (non-ignorable).
const PUNCTUATION = '_-‐–—,;:!?.\'"«»“”‘’()[]{}@*/\\&#%`^+<=>|~$';
// Tone marks (dấu thanh), in the order Vietnamese dictionaries use: ngang, huyền, hỏi, ngã, sắc, nặng.
const TONES: Record<string, string> = {
  '\u0300': '1',
  '\u0309': '2',
  '\u0303': '3',
  '\u0301': '4',
  '\u0323': '5',
};
// Marks that make a separate letter (ă â ê ô ơ ư) are kept with the base letter.
const LETTER_MARKS = new Set(['\u0306', '\u0302', '\u031b']);

const letterIndex = new Map(LETTERS.map((l, i) => [l, i]));

function primaryOf(char: string): string {
  const index = letterIndex.get(char);
  if (index !== undefined) {
    return String.fromCharCode(0x41 + index);
  }
  if (/\s/.test(char)) {
    return '\u0002';
  }
  const p = PUNCTUATION.indexOf(char);
  if (p >= 0) {
    return String.fromCharCode(0x03 + p);
  }
  if (char >= '0' && char <= '9') {
    return String.fromCharCode(0x30 + Number(char));
  }
  // Anything else after the letters, in code point order (two ASCII characters, base 64).
  const code = Math.min(char.codePointAt(0) ?? 0, 4095);
  return `\u007e${String.fromCharCode(0x3f + (code >> 6))}${String.fromCharCode(0x3f + (code & 63))}`;
}

/** The sort key of a text; `a < b` on keys follows Vietnamese alphabetical order. */
export function vietnameseSortKey(text: string): string {
  let primary = '';
  let secondary = '';
  let tertiary = '';
  const clusters =
    text
      .normalize('NFD')
      .replace(/\s+/g, ' ')
      .trim()
      .match(/\P{M}\p{M}*/gu) ?? [];
  for (const cluster of clusters) {
    const base = cluster[0] ?? '';
    const marks = [...cluster.slice(base.length)];
    const letterMarks = marks.filter((m) => LETTER_MARKS.has(m)).join('');
    const lower = base.toLowerCase();
    const letter = (lower === 'đ' ? 'đ' : lower + letterMarks).normalize('NFC');
    primary += primaryOf(letterIndex.has(letter) ? letter : lower);
    secondary += marks.map((m) => TONES[m] ?? '').join('') || '0';
    tertiary += base !== lower ? '1' : '0';
  }
  return `${primary}\u0001${secondary}\u0001${tertiary}`;
}
