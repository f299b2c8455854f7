import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suggestUsername, USERNAME_PATTERN, usernameBase } from './username.ts';

describe('[R9] username hovaten.tendonvi', () => {
  it('removes diacritics and spaces, then adds the unit', () => {
    expect(usernameBase('Nguyễn Thị Ánh', 'stp')).toBe('nguyenthianh.stp');
    expect(usernameBase('Đặng Văn Đức', 'sxd')).toBe('dangvanduc.sxd');
    expect(usernameBase('Nguyễn Thị Ánh'.normalize('NFD'), 'stp')).toBe('nguyenthianh.stp');
    expect(usernameBase('Trần Minh', null)).toBe('tranminh');
  });

  it('adds a number to the name part when the name is taken', () => {
    const taken = new Set(['nguyenthianh.stp', 'nguyenthianh2.stp']);
    expect(suggestUsername('Nguyễn Thị Ánh', 'stp', (c) => taken.has(c))).toBe('nguyenthianh3.stp');
  });

  it('property: any name gives a valid username', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.constantFrom('stp', 'sxd', null), (name, unit) => {
        expect(suggestUsername(name, unit, () => false)).toMatch(USERNAME_PATTERN);
      }),
    );
  });
});
