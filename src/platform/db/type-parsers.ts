// One value mapping for both drivers, so queries return the same JS values on PGlite and on pg:
// int8 → number (counts, VND amounts; all below 2^53), date → 'yyyy-mm-dd' string (a civil date
// must never pass through the process time zone), numeric → string (exact).
const INT8 = 20;
const DATE = 1082;
const NUMERIC = 1700;

export const PG_TYPE_PARSERS: Record<number, (value: string) => unknown> = {
  [INT8]: (value) => Number(value),
  [DATE]: (value) => value,
  [NUMERIC]: (value) => value,
};
