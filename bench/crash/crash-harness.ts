// Security goal 29 (security-goals.md §4.1): no lost dossier or status change under crash.
// Starts a throwaway PostgreSQL cluster (or uses --database-url), runs the real app (src/main.ts)
// as a child process, drives real HTTP traffic, SIGKILLs the app at a random moment (and every
// Nth iteration the postmaster first), restarts, and checks the invariants against the client's
// ledger of acknowledged requests after every iteration.
//
//   node --import tsx bench/crash/crash-harness.ts --iterations 1000 [--postmaster-every 10]
//        [--workers 4] [--port 3205] [--pg-port 55433] [--database-url postgres://…/postgres]
//        [--max-minutes 40]
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { createPgPool } from '../../src/platform/db/database.ts';
import { killHard, spawnApp, waitReady } from '../lib/app-process.ts';
import { createCluster, initdbAvailable, type ThrowawayCluster } from './cluster.ts';
import { type CheckResult, checkInvariants, totalViolations, type Violations } from './invariants.ts';
import { Ledger, Traffic } from './traffic.ts';

export interface HarnessOptions {
  iterations: number;
  /** Kill the postmaster (SIGKILL) in every Nth iteration; 0 = never. Needs the throwaway cluster. */
  postmasterEvery: number;
  workers: number;
  port: number;
  pgPort: number;
  /** A PostgreSQL server to use instead of a throwaway cluster (app kills only). */
  databaseUrl?: string;
  /** Stop after this many minutes even if fewer iterations ran (the report says how many did). */
  maxMinutes?: number;
  /** Move the app to the next working day once the receiving unit has issued this many codes. */
  codesPerDay?: number;
  log?: (line: string) => void;
}

export interface HarnessReport {
  iterations: number;
  appKills: number;
  postmasterKills: number;
  acknowledgedSubmissions: number;
  acknowledgedActions: number;
  requestsSent: number;
  unansweredAtEnd: number;
  final: CheckResult;
  /** Violations summed over the checks after every iteration (each check sees the whole database). */
  worstPerIteration: Violations;
  /** The local days the app's clock went through (the first is today). */
  days: string[];
  seconds: number;
}

function startApp(
  port: number,
  databaseUrl: string,
  dataDir: string,
  logFile: string,
  clockOffsetMs: number,
): ChildProcess {
  return spawnApp({
    port,
    logFile,
    preload: ['./bench/crash/shifted-clock.mjs'],
    env: {
      NODE_ENV: 'development',
      DATABASE_URL: databaseUrl,
      MOTCUA_DATA_DIR: dataDir,
      MOTCUA_DEMO: 'true',
      MOTCUA_LOGIN_RATE_LIMIT: '1000',
      MOTCUA_RATE_LIMIT: '100000',
      LOG_LEVEL: 'warn',
      CRASH_CLOCK_OFFSET_MS: String(clockOffsetMs),
    },
  });
}

const DAY_MS = 86_400_000;
/** Start a new day for the receiving unit's codes when this many of its 9,999 are used. */
const CODES_PER_DAY = 9_000;

/** The app's local (UTC+7) day for a clock offset, yyyy-mm-dd. */
function localDay(offsetMs: number): string {
  return new Date(Date.now() + offsetMs + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** The offset of the next local weekday: desks receive on working days. */
function nextWeekdayOffset(offsetMs: number): number {
  let next = offsetMs + DAY_MS;
  while ([0, 6].includes(new Date(Date.now() + next + 7 * 3_600_000).getUTCDay())) {
    next += DAY_MS;
  }
  return next;
}

function maxViolations(a: Violations, b: Violations): Violations {
  return Object.fromEntries(
    Object.keys(a).map((k) => [k, Math.max(a[k as keyof Violations], b[k as keyof Violations])]),
  ) as unknown as Violations;
}

export async function runCrashHarness(options: HarnessOptions): Promise<HarnessReport> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const started = Date.now();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-crash-'));
  const logFile = path.join(work, 'app.log');
  let cluster: ThrowawayCluster | null = null;
  let adminUrl: string;
  let databaseUrl: string;
  const databaseName = `motcua_crash_${randomBytes(4).toString('hex')}`;
  if (options.databaseUrl) {
    adminUrl = options.databaseUrl;
  } else {
    if (!initdbAvailable()) {
      throw new Error('initdb/pg_ctl not found (CRASH_INITDB, CRASH_PG_CTL): pass --database-url instead');
    }
    cluster = createCluster(options.pgPort);
    adminUrl = cluster.url('postgres');
  }
  {
    const url = new URL(adminUrl);
    url.pathname = `/${databaseName}`;
    databaseUrl = url.toString();
    const admin = createPgPool(adminUrl, 1);
    await admin.query(`create database ${databaseName}`);
    await admin.end();
  }
  const ledger = new Ledger();
  const traffic = new Traffic(options.port, ledger);
  let worst: Violations | null = null;
  let appKills = 0;
  let ran = 0;
  let postmasterKills = 0;
  let idle = 0;
  let clockOffsetMs = 0;
  const days = [localDay(0)];
  const restart = () => startApp(options.port, databaseUrl, path.join(work, 'data'), logFile, clockOffsetMs);
  let app = restart();
  let seeded: string[] = [];
  const check = async (): Promise<CheckResult> => {
    const pool = createPgPool(databaseUrl, 2);
    try {
      return await checkInvariants(pool, ledger, seeded);
    } finally {
      await pool.end();
    }
  };
  const codesUsedToday = async (day: string): Promise<number> => {
    const pool = createPgPool(databaseUrl, 1);
    try {
      const { rows } = await pool.query<{ used: number }>(
        'select coalesce(max(last_value), 0)::int as used from dossier_code_counters where day = $1',
        [day],
      );
      return rows[0]?.used ?? 0;
    } finally {
      await pool.end();
    }
  };
  try {
    await waitReady(options.port, app);
    {
      const pool = createPgPool(databaseUrl, 1);
      seeded = (await pool.query<{ id: string }>('select id from dossiers')).rows.map((r) => r.id);
      await pool.end();
    }
    for (let i = 1; i <= options.iterations; i++) {
      if (options.maxMinutes && Date.now() - started > options.maxMinutes * 60_000) {
        log(`time budget of ${options.maxMinutes} min reached after ${ran} iterations`);
        break;
      }
      ran = i;
      await waitReady(options.port, app);
      await traffic.prepare();
      const running = traffic.run(options.workers);
      // A fresh process answers its first requests slowly (JIT, lazy modules): wait for one
      // acknowledgement so every iteration has traffic in flight, then kill at a random moment.
      const acked = ledger.submissions.size + ledger.actions.length;
      const warmUp = Date.now() + 60_000;
      while (ledger.submissions.size + ledger.actions.length === acked && Date.now() < warmUp) {
        await sleep(20);
      }
      idle = ledger.submissions.size + ledger.actions.length === acked ? idle + 1 : 0;
      if (idle === 3) {
        // Three iterations without an acknowledgement: typically the receiving unit's 9,999 dossier
        // codes of the day (TT 01/2018 Đ19) are used up, and more iterations would crash an idle app.
        log(`iteration ${i}: nothing acknowledged in 3 iterations; stopping (start a new run for more)`);
        ran = i - 1;
        traffic.stop();
        await running;
        break;
      }
      await sleep(Math.random() * 2500);
      const killPostmaster =
        cluster !== null && options.postmasterEvery > 0 && i % options.postmasterEvery === 0;
      if (killPostmaster) {
        cluster?.killPostmaster();
        postmasterKills += 1;
        await sleep(Math.random() * 300);
      }
      await killHard(app);
      appKills += 1;
      traffic.stop();
      await running;
      if (killPostmaster) {
        cluster?.start();
      }
      const result = await check();
      worst = worst ? maxViolations(worst, result.violations) : result.violations;
      log(
        `iteration ${i}/${options.iterations}${killPostmaster ? ' (postmaster killed)' : ''}: ` +
          `${ledger.submissions.size} submissions and ${ledger.actions.length} actions acknowledged, ` +
          `${result.dossiers} dossiers, violations ${totalViolations(result.violations)}` +
          (result.examples.length ? ` — ${result.examples.join('; ')}` : ''),
      );
      app = restart();
      if ((await codesUsedToday(localDay(clockOffsetMs))) >= (options.codesPerDay ?? CODES_PER_DAY)) {
        // Answer every request a crash left unanswered while the keys are still fresh, then move
        // the app to the next working day (a clean restart, not a crash).
        await waitReady(options.port, app);
        await traffic.prepare();
        await traffic.drainUnanswered();
        await killHard(app);
        clockOffsetMs = nextWeekdayOffset(clockOffsetMs);
        days.push(localDay(clockOffsetMs));
        log(
          `iteration ${i}: the day's codes are nearly used up; the app's clock moves to ${localDay(clockOffsetMs)}`,
        );
        app = restart();
      }
    }
    // Drain: every request left unanswered by a crash is retried with its key until answered.
    await waitReady(options.port, app);
    await traffic.prepare();
    await traffic.drainUnanswered();
    const final = await check();
    return {
      iterations: ran,
      appKills,
      postmasterKills,
      acknowledgedSubmissions: ledger.submissions.size,
      acknowledgedActions: ledger.actions.length,
      requestsSent: ledger.sent,
      unansweredAtEnd: ledger.unanswered.size,
      final,
      worstPerIteration: worst ?? final.violations,
      days,
      seconds: Math.round((Date.now() - started) / 1000),
    };
  } finally {
    await killHard(app);
    if (cluster) {
      cluster.destroy();
    } else {
      const admin = createPgPool(adminUrl, 1);
      await admin.query(`drop database if exists ${databaseName} with (force)`).catch(() => {});
      await admin.end();
    }
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const { values } = parseArgs({
    options: {
      iterations: { type: 'string', default: '10' },
      'postmaster-every': { type: 'string', default: '10' },
      workers: { type: 'string', default: '4' },
      port: { type: 'string', default: '3205' },
      'pg-port': { type: 'string', default: '55433' },
      'database-url': { type: 'string' },
      'max-minutes': { type: 'string' },
      'codes-per-day': { type: 'string' },
    },
  });
  const report = await runCrashHarness({
    iterations: Number(values.iterations),
    postmasterEvery: Number(values['postmaster-every']),
    workers: Number(values.workers),
    port: Number(values.port),
    pgPort: Number(values['pg-port']),
    databaseUrl: values['database-url'],
    maxMinutes: values['max-minutes'] ? Number(values['max-minutes']) : undefined,
    codesPerDay: values['codes-per-day'] ? Number(values['codes-per-day']) : undefined,
  });
  process.stdout.write(`\n${JSON.stringify(report, null, 2)}\n`);
  const failed = totalViolations(report.final.violations) + totalViolations(report.worstPerIteration);
  process.exitCode = failed === 0 ? 0 : 1;
}
