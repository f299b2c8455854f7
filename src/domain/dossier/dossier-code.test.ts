import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AGENCY_CODE_PATTERN,
  formatDossierCode,
  normalizeDossierCodeInput,
  parseDossierCode,
} from './dossier-code.ts';

describe('[TT 01/2018 Đ19] dossier code', () => {
  it('reads the example of the legal digest', () => {
    expect(parseDossierCode('000.00.06.H99-260505-0001')).toEqual({
      agencyCode: '000.00.06.H99',
      date: '2026-05-05',
      sequence: 1,
    });
  });

  it('refuses wrong shapes, impossible dates and sequence 0000', () => {
    for (const bad of [
      '',
      '000.00.06.H99-260505-1',
      '000.00.06.h99-260505-0001',
      '000.00.06.H99-260230-0001',
      '000.00.06.H99-261301-0001',
      '000.00.06.H99-260505-0000',
      '000.00.06.H99 -260505-0001',
      '000.00.06.H99-260505-0001\n',
    ]) {
      expect(parseDossierCode(bad), bad).toBeNull();
    }
  });

  it('tolerates spaces and lower case typed by a person', () => {
    expect(normalizeDossierCodeInput(' 000.00.06.h99 - 260505 - 0001 ')).toBe('000.00.06.H99-260505-0001');
  });

  it('format and parse are inverse for every valid code', () => {
    const agency = fc
      .tuple(
        fc.stringMatching(/^[0-9A-Z]{3}$/),
        fc.stringMatching(/^[0-9A-Z]{2}$/),
        fc.stringMatching(/^[0-9A-Z]{2}$/),
        fc.stringMatching(/^[A-Z][0-9]{2}$/),
      )
      .map((parts) => parts.join('.'));
    const date = fc
      .date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2099-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(agency, date, fc.integer({ min: 1, max: 9999 }), (agencyCode, day, sequence) => {
        expect(AGENCY_CODE_PATTERN.test(agencyCode)).toBe(true);
        const code = formatDossierCode({ agencyCode, date: day, sequence });
        expect(parseDossierCode(code)).toEqual({ agencyCode, date: day, sequence });
      }),
    );
  });

  it('refuses to format out-of-range parts', () => {
    expect(() =>
      formatDossierCode({ agencyCode: '000.00.06.H99', date: '2026-05-05', sequence: 10000 }),
    ).toThrow(RangeError);
    expect(() => formatDossierCode({ agencyCode: 'STP', date: '2026-05-05', sequence: 1 })).toThrow(
      RangeError,
    );
  });
});
