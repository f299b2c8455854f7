import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { vietnameseSortKey } from './vietnamese-sort-key.ts';

const collator = new Intl.Collator('vi');
const byKey = (a: string, b: string) => {
  const ka = vietnameseSortKey(a);
  const kb = vietnameseSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

const BASES = [
  'a',
  'ă',
  'â',
  'b',
  'c',
  'd',
  'đ',
  'e',
  'ê',
  'g',
  'h',
  'i',
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
  'x',
  'y',
];
const VOWELS = new Set(['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y']);
const TONES = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];
const letter = fc
  .tuple(fc.constantFrom(...BASES), fc.constantFrom(...TONES), fc.boolean())
  .map(([base, tone, upper]) => {
    const withTone = (VOWELS.has(base) ? base + tone : base).normalize('NFC');
    return upper ? withTone.toUpperCase() : withTone;
  });
const word = fc.array(letter, { minLength: 1, maxLength: 6 }).map((l) => l.join(''));
const phrase = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));

describe('[R3] Vietnamese sort key', () => {
  it('orders like Intl.Collator("vi") on Vietnamese words and phrases (property)', () => {
    fc.assert(
      fc.property(phrase, phrase, (a, b) => {
        expect(Math.sign(byKey(a, b))).toBe(Math.sign(collator.compare(a, b)));
      }),
      { numRuns: 2000 },
    );
  });

  it('does not depend on NFC or NFD input', () => {
    fc.assert(
      fc.property(phrase, (a) => {
        expect(vietnameseSortKey(a.normalize('NFD'))).toBe(vietnameseSortKey(a));
      }),
    );
  });

  it('puts the Vietnamese letters in dictionary order, tones after the letter', () => {
    const words = ['đa', 'da', 'bâ', 'bă', 'ba', 'bạ', 'bá', 'bã', 'bả', 'bà', 'Ba', 'ơ', 'ô', 'o', 'ư', 'u'];
    expect([...words].sort(byKey)).toEqual([
      'ba',
      'Ba',
      'bà',
      'bả',
      'bã',
      'bá',
      'bạ',
      'bă',
      'bâ',
      'da',
      'đa',
      'o',
      'ô',
      'ơ',
      'u',
      'ư',
    ]);
  });
});
