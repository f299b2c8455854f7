// Security goal 29, small run: the crash harness (bench/crash/) SIGKILLs the real app process a few
// times during submissions and desk actions, then checks every acknowledged request and the
// dossier/history/outbox invariants. The full run (1,000 iterations, postmaster kills on a
// throwaway cluster) is documented in docs/RELIABILITY.md.
import net from 'node:net';
import { describe, expect, inject, it } from 'vitest';
import { runCrashHarness } from '../../bench/crash/crash-harness.ts';
import { onServer } from '../helpers/test-database.ts';

const ITERATIONS = Number(process.env.CRASH_TEST_ITERATIONS ?? 5);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

// PGlite is in-process and single-connection: the app child process cannot share it, and killing
// it would kill the test. The harness needs a PostgreSQL server (TEST_DATABASE_URL).
describe.skipIf(!onServer())('[goal 29] crash harness (PostgreSQL server only)', () => {
  it(
    `${ITERATIONS} SIGKILLs of the app: nothing acknowledged is lost, every change has history, audit and outbox`,
    async () => {
      const lines: string[] = [];
      const report = await runCrashHarness({
        iterations: ITERATIONS,
        postmasterEvery: 0,
        workers: 3,
        port: await freePort(),
        pgPort: 0,
        databaseUrl: inject('pgServerUrl'),
        // A small day, so the run also crosses into the next working day (how a 1,000-iteration
        // run gets past a unit's 9,999 codes a day) and the invariants hold across both days.
        codesPerDay: 15,
        log: (line) => lines.push(line),
      });
      expect(report.appKills).toBe(ITERATIONS);
      // The harness must have had something to lose, or the test proves nothing.
      expect(report.acknowledgedSubmissions).toBeGreaterThan(0);
      expect(report.unansweredAtEnd).toBe(0);
      expect(report.days.length, lines.join('\n')).toBeGreaterThan(1);
      expect(report.final.examples, lines.join('\n')).toEqual([]);
      expect(report.final.violations).toEqual({
        missingSubmissions: 0,
        missingActions: 0,
        statusMismatch: 0,
        historyGaps: 0,
        changesWithoutSyncOutbox: 0,
        changesWithoutNotification: 0,
        changesWithoutAudit: 0,
        codeGapsOrDuplicates: 0,
        bookOrSlipNumberGaps: 0,
      });
      expect(Object.values(report.worstPerIteration).every((n) => n === 0)).toBe(true);
    },
    120_000 + ITERATIONS * 90_000,
  );
});
