// Goal 4: an unknown username must cost the same hashing work as a wrong password, so response
// time does not tell whether an account exists. Sequential sign-ins through the full HTTP stack;
// the figure is the ratio of the two latencies measured in the same run (never asserted).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/platform/config/config.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { createLogger } from '../src/platform/logging/logger.ts';
import { startSystem } from '../src/system.ts';
import { percentile, printTable } from './lib/report.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-'));
const config = loadConfig({
  MOTCUA_DATA_DIR: dataDir,
  MOTCUA_DEMO: 'true',
  LOG_LEVEL: 'silent',
  MOTCUA_WORKERS: 'false',
  MOTCUA_RATE_LIMIT: '10000000',
  MOTCUA_LOGIN_RATE_LIMIT: '10000000',
});
const database = await openDatabase(config.database, { inMemory: true });
const system = await startSystem(config, { logger: createLogger(config), database, webDistDir: dataDir });

async function attempt(username: string): Promise<number> {
  // Forget earlier failures so the back-off never answers instead of the password check.
  await database.db.deleteFrom('loginThrottle').execute();
  const started = performance.now();
  const response = await system.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'motcua' },
    payload: { username, password: 'sai-mat-khau-bench' },
  });
  const elapsed = performance.now() - started;
  if (response.statusCode !== 401) {
    throw new Error(`unexpected ${response.statusCode}`);
  }
  return elapsed;
}

try {
  const known: number[] = [];
  const unknown: number[] = [];
  for (let n = 0; n < ROUNDS; n++) {
    // Interleaved, so drift of the machine affects both alike.
    known.push(await attempt('chuyenvien.stp'));
    unknown.push(await attempt(`khongtontai${n}.stp`));
  }
  const summary = (name: string, samples: number[]) => {
    const sorted = [...samples].sort((a, b) => a - b);
    const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
    return {
      name,
      rate: 1000 / mean,
      p50Ms: percentile(sorted, 50),
      p95Ms: percentile(sorted, 95),
      p99Ms: percentile(sorted, 99),
    };
  };
  printTable(
    `Sign-in latency, wrong password vs unknown user (${ROUNDS} each, sequential)`,
    summary('wrong password, existing account', known),
    [summary('unknown account', unknown)],
  );
} finally {
  await system.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
