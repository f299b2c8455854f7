import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayOfCivil } from './civil-time.ts';
import { lunarToSolar, solarToLunar } from './lunar-calendar.ts';

const FIRST = dayOfCivil(1900, 2, 1) ?? 0;
const LAST = dayOfCivil(2100, 12, 31) ?? 0;

describe('Vietnamese lunar calendar properties, 1900–2100', () => {
  it('[§7.3] every solar day converts to a lunar date and back, and lunar days run consecutively', () => {
    let previous = solarToLunar(FIRST - 1);
    let newYears = 0;
    for (let day = FIRST; day <= LAST; day++) {
      const lunar = solarToLunar(day);
      expect(lunarToSolar(lunar)).toBe(day);
      if (lunar.day === 1) {
        expect([29, 30]).toContain(previous.day);
        if (lunar.leap) {
          expect(lunar.month).toBe(previous.month);
          expect(previous.leap).toBe(false);
        } else {
          expect(lunar.month).toBe((previous.month % 12) + 1);
        }
        if (lunar.month === 1 && !lunar.leap) {
          expect(lunar.year).toBe(previous.year + 1);
          newYears += 1;
        }
      } else {
        expect(lunar).toEqual({ ...previous, day: previous.day + 1 });
      }
      previous = lunar;
    }
    expect(newYears).toBe(200); // Tết 1901 … Tết 2100
  });

  it('[§7.3] lunar → solar → lunar is the identity for every existing lunar date 1900–2099', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2099 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 30 }),
        fc.boolean(),
        (year, month, day, leap) => {
          const date = { year, month, day, leap };
          const back = lunarToSolar(date);
          if (!leap && day <= 29) {
            expect(back).toBeDefined();
          }
          if (back !== undefined) {
            expect(solarToLunar(back)).toEqual(date);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
