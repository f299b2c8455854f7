import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanLine, cleanText, compareVietnamese, foldVietnamese } from './vietnamese.ts';

describe('[goal 13, R3] Vietnamese text', () => {
  it('folds diacritics, đ and case', () => {
    expect(foldVietnamese('Đăng ký khai sinh')).toBe('dang ky khai sinh');
    expect(foldVietnamese('ĐĂNG KÝ   KHAI SINH')).toBe('dang ky khai sinh');
    expect(foldVietnamese('Đăng ký khai sinh'.normalize('NFD'))).toBe('dang ky khai sinh');
  });

  it('folds both tone placements alike (hoà / hòa, thuỷ / thủy)', () => {
    expect(foldVietnamese('Hoà')).toBe(foldVietnamese('Hòa'));
    expect(foldVietnamese('thuỷ')).toBe(foldVietnamese('thủy'));
  });

  it('stores NFC without zero-width or bidi characters', () => {
    expect(cleanText('Nguyễn\u200b Văn\u202e A'.normalize('NFD'))).toBe('Nguyễn Văn A');
    expect(cleanLine('  Trần\n\tThị   B ')).toBe('Trần Thị B');
  });

  it('sorts in Vietnamese alphabetical order', () => {
    const names = ['Đức', 'Ân', 'Bình', 'Anh', 'Ánh', 'Ăn', 'Dung'];
    expect([...names].sort(compareVietnamese)).toEqual(['Anh', 'Ánh', 'Ăn', 'Ân', 'Bình', 'Dung', 'Đức']);
  });

  it('cleanText is idempotent and always NFC (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (raw) => {
        const once = cleanText(raw);
        expect(cleanText(once)).toBe(once);
        expect(once).toBe(once.normalize('NFC'));
        expect(once).not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/);
      }),
    );
  });

  it('folding ignores normalisation form (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (raw) => {
        expect(foldVietnamese(raw.normalize('NFD'))).toBe(foldVietnamese(raw.normalize('NFC')));
      }),
    );
  });
});
