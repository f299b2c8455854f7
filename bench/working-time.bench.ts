// Benchmark of the working-time engine (issue 3 "Quality bar"): due-date computations per second for
// durations of 1–60 working days that cross a year boundary, against two baselines measured in the same
// run: a trivial Date-arithmetic loop (the floor) and a naive minute-by-minute scan (what we avoid).
// Standalone: node --import tsx bench/working-time.bench.ts   (one core, no worker threads)

import { performance } from 'node:perf_hooks';
import type { WorkingCalendar } from '../src/domain/working-time/index.ts';
import {
  addWorkingDays,
  computeDue,
  defaultCalendar,
  parseIsoInstant,
  proposeHolidays,
} from '../src/domain/working-time/index.ts';
import { naiveAddWorkingMinutes } from '../src/domain/working-time/naive-reference.ts';

const SAMPLE = 200_000;
const NAIVE_SAMPLE = 40;
const ROUNDS = 5;

function buildCalendar(): WorkingCalendar {
  const nonWorkingDays = [2025, 2026, 2027].flatMap((year) => {
    const proposal = proposeHolidays(year);
    return proposal.ok ? proposal.value.nonWorkingDays : [];
  });
  return defaultCalendar({
    nonWorkingDays,
    makeUpWorkingDays: [{ date: '2026-02-07', name: { vi: 'Làm bù', en: 'Make-up day' } }],
  });
}

function instant(iso: string): number {
  const t = parseIsoInstant(iso);
  if (t === undefined) {
    throw new Error(iso);
  }
  return t;
}

// Deterministic inputs: starts spread over Nov–Dec 2025 and Nov–Dec 2026 (any minute, in or out of
// working time), durations 1–60 working days, so most due dates fall in the next year.
let seed = 20_260_217;
function random(): number {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
}
const windows = [
  [instant('2025-11-01T00:00:00+07:00'), instant('2026-01-01T00:00:00+07:00')],
  [instant('2026-11-01T00:00:00+07:00'), instant('2027-01-01T00:00:00+07:00')],
] as const;
const starts = new Float64Array(SAMPLE);
const days = new Int32Array(SAMPLE);
for (let i = 0; i < SAMPLE; i++) {
  const [from, to] = windows[i % 2] ?? windows[0];
  starts[i] = Math.floor((from + random() * (to - from)) / 60_000) * 60_000;
  days[i] = 1 + Math.floor(random() * 60);
}

function measure(
  label: string,
  count: number,
  run: (i: number) => number,
  rounds = ROUNDS,
): { label: string; perSecond: number } {
  let best = Number.POSITIVE_INFINITY;
  let checksum = 0;
  for (let round = 0; round < rounds; round++) {
    const t0 = performance.now();
    for (let i = 0; i < count; i++) {
      checksum += run(i);
    }
    best = Math.min(best, performance.now() - t0);
  }
  if (Number.isNaN(checksum)) {
    throw new Error(`${label}: a computation failed`);
  }
  return { label, perSecond: count / (best / 1000) };
}

const calendar = buildCalendar();

// Cold start: validating and indexing a fresh calendar object on first use.
const coldCalendar = buildCalendar();
const coldStart = performance.now();
addWorkingDays(coldCalendar, starts[0] ?? 0, 60);
const coldMs = performance.now() - coldStart;

const at = (i: number): number => starts[i] ?? 0;
const n = (i: number): number => days[i] ?? 1;

// Cross-check the fast engine against the naive scan on the naive sample before timing anything.
for (let i = 0; i < NAIVE_SAMPLE; i++) {
  const fast = addWorkingDays(calendar, at(i), n(i));
  const slow = naiveAddWorkingMinutes(calendar, at(i), n(i) * 480);
  if (!fast.ok || fast.value !== slow) {
    throw new Error(`mismatch at sample ${i}`);
  }
}

const results = [
  measure('baseline: Date arithmetic (new Date(t + n days).getTime())', SAMPLE, (i) =>
    new Date(at(i) + n(i) * 86_400_000).getTime(),
  ),
  measure('addWorkingDays (due instant only)', SAMPLE, (i) => {
    const r = addWorkingDays(calendar, at(i), n(i));
    return r.ok ? r.value : Number.NaN;
  }),
  measure('computeDue (start, skipped days, explanation vi+en)', SAMPLE / 4, (i) => {
    const r = computeDue(calendar, at(i), { unit: 'workingDays', value: n(i) });
    return r.ok ? r.value.due : Number.NaN;
  }),
  measure(
    `baseline: naive minute-by-minute scan (${NAIVE_SAMPLE} samples)`,
    NAIVE_SAMPLE,
    (i) => naiveAddWorkingMinutes(calendar, at(i), n(i) * 480) ?? Number.NaN,
    1,
  ),
];

const dateLoop = results[0]?.perSecond ?? 1;
const naive = results[3]?.perSecond ?? 1;
console.log(
  `Working-time engine benchmark — Node ${process.version}, ${SAMPLE} inputs, best of ${ROUNDS} rounds`,
);
console.log('Durations 1–60 working days from Nov–Dec 2025/2026 (across the year boundary, Tết included)');
console.log(`Cold start (validate + index a new calendar, first call): ${coldMs.toFixed(2)} ms`);
console.log(
  `${'computation'.padEnd(62)} ${'per second'.padStart(12)}  ${'cost vs Date loop'.padStart(18)}  ${'speed vs naive'.padStart(15)}`,
);
for (const r of results) {
  const cost = dateLoop / r.perSecond;
  const speed = r.perSecond / naive;
  console.log(
    `${r.label.padEnd(62)} ${Math.round(r.perSecond).toLocaleString('en-US').padStart(12)}  ${`${cost.toFixed(cost < 100 ? 1 : 0)}×`.padStart(18)}  ${`${Math.round(speed).toLocaleString('en-US')}×`.padStart(15)}`,
  );
}
