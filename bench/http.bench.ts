// HTTP overhead of the platform: /healthz (no database) is the baseline; /api/v1/site adds one
// indexed read and the full plugin chain (helmet, rate limit, session lookup, validation).
// Server and load generator share this machine's cores: read the ratio, not the absolute figure.
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

try {
  const baseline = await loadTest('GET /healthz', `${address}/healthz`, { seconds: SECONDS });
  const site = await loadTest('GET /api/v1/site', `${address}/api/v1/site`, { seconds: SECONDS });
  printTable(`HTTP (${database.kind}, 50 connections, ${SECONDS} s each)`, baseline, [site]);
} finally {
  await system.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
