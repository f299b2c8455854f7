import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isValidTaxCode,
  normalizeEmail,
  normalizeLoginName,
  normalizePhone,
  parseCccd,
} from './identifiers.ts';

describe('[R8, §5.B] CCCD number', () => {
  it('reads province, sex and birth year', () => {
    expect(parseCccd('001090012345')).toEqual({
      ok: true,
      facts: { provinceCode: '001', sex: 'male', birthYear: 1990 },
    });
    expect(parseCccd('079305000001')).toEqual({
      ok: true,
      facts: { provinceCode: '079', sex: 'female', birthYear: 2005 },
    });
  });

  it('refuses wrong shapes, unknown provinces and a birth year that disagrees with the date of birth', () => {
    for (const bad of ['', '00109001234', '0010900123456', '00109001234a', '123456789', ' 001090012345']) {
      expect(parseCccd(bad), bad).toEqual({ ok: false, problem: 'format' });
    }
    expect(parseCccd('003090012345')).toEqual({ ok: false, problem: 'province' });
    expect(parseCccd('099090012345')).toEqual({ ok: false, problem: 'province' });
    expect(parseCccd('001090012345', '1991-05-12')).toEqual({ ok: false, problem: 'birth_year' });
    expect(parseCccd('001290012345', '1990-05-12')).toEqual({ ok: false, problem: 'birth_year' });
    expect(parseCccd('001290012345', '2090-05-12').ok).toBe(true);
  });

  it('property: a built valid number is accepted with its facts', () => {
    const provinces = ['001', '031', '048', '079', '096'];
    fc.assert(
      fc.property(
        fc.constantFrom(...provinces),
        fc.integer({ min: 1900, max: 2099 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 999_999 }),
        (province, year, female, serial) => {
          const century = (Math.floor((year - 1900) / 100) * 2 + (female ? 1 : 0)).toString();
          const number = `${province}${century}${String(year % 100).padStart(2, '0')}${String(serial).padStart(6, '0')}`;
          expect(parseCccd(number, `${year}-01-01`)).toEqual({
            ok: true,
            facts: { provinceCode: province, sex: female ? 'female' : 'male', birthYear: year },
          });
        },
      ),
    );
  });
});

describe('[R8] tax code checksum', () => {
  it('accepts valid codes and branch codes, refuses a wrong check digit', () => {
    expect(isValidTaxCode('0100109106')).toBe(true);
    expect(isValidTaxCode('0100109106-001')).toBe(true);
    expect(isValidTaxCode('0100109107')).toBe(false);
    expect(isValidTaxCode('0100109106-000')).toBe(false);
    expect(isValidTaxCode('010010910')).toBe(false);
    expect(isValidTaxCode('01001091066')).toBe(false);
  });

  it('property: exactly one check digit fits any 9 leading digits (or none, when the sum gives 10)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 9, maxLength: 9 }),
        (head) => {
          const fits = [...'0123456789'].filter((d) => isValidTaxCode(`${head}${d}`));
          expect(fits.length).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe('[§5.B] phones, e-mails and sign-in names', () => {
  it('normalises the usual ways of writing a mobile number', () => {
    for (const raw of ['0912345678', '+84 912 345 678', '84912345678', '0912.345.678', '(091) 234-5678']) {
      expect(normalizePhone(raw), raw).toBe('0912345678');
    }
    for (const bad of ['091234567', '02439999999', '+1 912 345 678', 'abc', '0112345678']) {
      expect(normalizePhone(bad), bad).toBeNull();
    }
  });

  it('normalises e-mails and sign-in names', () => {
    expect(normalizeEmail(' Dan.Tran@Example.VN ')).toBe('dan.tran@example.vn');
    expect(normalizeEmail('not an email')).toBeNull();
    expect(normalizeEmail('a@b')).toBeNull();
    expect(normalizeLoginName(' QuanTri.STP ')).toBe('quantri.stp');
    expect(normalizeLoginName('+84912345678')).toBe('0912345678');
  });
});
