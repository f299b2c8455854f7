// Benchmarks print figures as ratios against a baseline measured in the same run (DEVELOPERS.md):
// the machine is a noisy shared VM, so only same-run ratios are comparable between runs.
export interface Measured {
  name: string;
  /** Operations per second. */
  rate: number;
  p50Ms?: number;
  p95Ms?: number;
  p99Ms?: number;
  note?: string;
}

const fmt = (n: number | undefined, digits = 1) =>
  n === undefined ? '-' : n.toLocaleString('en-US', { maximumFractionDigits: digits });

export function printTable(title: string, baseline: Measured, rows: Measured[]): void {
  process.stdout.write(`\n${title}\n`);
  const header = ['case', 'ops/s', 'ratio to baseline', 'p50 ms', 'p95 ms', 'p99 ms', 'note'];
  const lines = [baseline, ...rows].map((row) => [
    row === baseline ? `${row.name} (baseline)` : row.name,
    fmt(row.rate, 0),
    row === baseline ? '1.00' : (row.rate / baseline.rate).toFixed(2),
    fmt(row.p50Ms, 2),
    fmt(row.p95Ms, 2),
    fmt(row.p99Ms, 2),
    row.note ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => String(l[i]).length)));
  const render = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  process.stdout.write(`${render(header)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n`);
  for (const line of lines) {
    process.stdout.write(`${render(line)}\n`);
  }
}

/** Percentile of a sorted array of samples. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) {
    return Number.NaN;
  }
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}
