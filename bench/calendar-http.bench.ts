// HTTP cost of the calendar API (issue 3): GET /api/v1/calendar/due does one indexed read (the calendar
// revisions, so a change by another instance is seen) plus the cached engine; /healthz (no database) is
// the baseline. Server and load generator share this machine's cores: read the ratios.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/platform/config/config.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { createLogger } from '../src/platform/logging/logger.ts';
import { startSystem } from '../src/system.ts';
import { loadTest } from './lib/load.ts';
import { printTable } from './lib/report.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-'));
const config = loadConfig({
  MOTCUA_DATA_DIR: dataDir,
  MOTCUA_DEMO: 'true',
  LOG_LEVEL: 'silent',
  MOTCUA_WORKERS: 'false',
  // The load generator is one client IP; the per-IP limit would answer 429 to almost everything.
  MOTCUA_RATE_LIMIT: '10000000',
});
const database = process.env.DATABASE_URL
  ? await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL })
  : await openDatabase(config.database, { inMemory: true });
const system = await startSystem(config, { logger: createLogger(config), database, webDistDir: dataDir });
const address = await system.app.listen({ port: 0, host: '127.0.0.1' });
const from = encodeURIComponent('2026-12-30T16:00:00+07:00');

try {
  const baseline = await loadTest('GET /healthz', `${address}/healthz`, { seconds: SECONDS });
  const due = await loadTest(
    'GET /api/v1/calendar/due (20 working days over New Year)',
    `${address}/api/v1/calendar/due?from=${from}&workingDays=20`,
    { seconds: SECONDS },
  );
  const agency = await loadTest(
    'GET /api/v1/calendar/due with an agency calendar',
    `${address}/api/v1/calendar/due?from=${from}&workingDays=20&agency=000.00.06.H99`,
    { seconds: SECONDS },
  );
  const days = await loadTest(
    'GET /api/v1/calendar/non-working-days?year=2026',
    `${address}/api/v1/calendar/non-working-days?year=2026`,
    { seconds: SECONDS },
  );
  printTable(`Calendar HTTP (${database.kind}, 50 connections, ${SECONDS} s each)`, baseline, [
    due,
    agency,
    days,
  ]);
} finally {
  await system.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
