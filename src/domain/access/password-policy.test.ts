import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, PASSWORD_MAX_LENGTH } from './password-policy.ts';

const blocklist = new Set(['password', 'iloveyou', 'qwertyuiop', 'dragon']);
const check = (password: string, words: string[] = []) => checkPasswordPolicy(password, { blocklist, words });

describe('[goal 2] password policy', () => {
  it('length: 7 refused, 8 and 64 accepted, above the cap refused, counted in characters after NFC', () => {
    expect(check('a'.repeat(7))).toEqual({ ok: false, problem: 'too_short' });
    expect(check('Bầu trời')).toEqual({ ok: true });
    expect(check('x9'.repeat(32))).toEqual({ ok: true });
    expect(check('z'.repeat(PASSWORD_MAX_LENGTH))).toEqual({ ok: true });
    expect(check('z'.repeat(PASSWORD_MAX_LENGTH + 1))).toEqual({ ok: false, problem: 'too_long' });
    // 8 characters typed in NFD are 8 characters, not 11 code points.
    expect(check('Bầu trời'.normalize('NFD'))).toEqual({ ok: true });
  });

  it('no composition rules: a Vietnamese passphrase without digits or symbols is accepted', () => {
    expect(check('cây đa giếng nước sân đình')).toEqual({ ok: true });
  });

  it('common passwords are refused, in any case and with digits or symbols around them', () => {
    for (const p of ['password', 'PASSWORD', 'Iloveyou', 'qwertyuiop', 'Password123!', '2024dragon!!']) {
      expect(check(p), p).toEqual({ ok: false, problem: 'common' });
    }
  });

  it('context words are refused: the service, the province, the user’s own name and username', () => {
    expect(check('motcua2026!')).toEqual({ ok: false, problem: 'context' });
    expect(check('Mật khẩu 12345')).toEqual({ ok: false, problem: 'context' });
    expect(check('Demo@2026')).toEqual({ ok: false, problem: 'context' });
    expect(check('Nguyễn sinh năm 1990', ['Nguyễn Thị Ánh'])).toEqual({ ok: false, problem: 'context' });
    expect(check('tuananh.stp 2026', ['tuananh.stp'])).toEqual({ ok: false, problem: 'context' });
    expect(check('bình minh trên sông', ['Lê An'])).toEqual({ ok: true });
  });

  it('property: any password of 8–256 characters made only of digits and CJK is accepted', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('7', '字', '漢', '3'), minLength: 8, maxLength: 256 }),
        (p) => {
          expect(check(p)).toEqual({ ok: true });
        },
      ),
    );
  });
});
