// Starts the whole system (same composition root as the server) on a fresh test database, with a
// temporary data directory and captured logs. Requests go through app.inject().
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/platform/config/config.ts';
import { createLogger } from '../../src/platform/logging/logger.ts';
import { type RunningSystem, startSystem } from '../../src/system.ts';
import { createTestDatabase } from './test-database.ts';

export interface TestSystem extends RunningSystem {
  /** Every log line the system wrote, as parsed JSON. */
  logs: Array<Record<string, unknown>>;
  rawLogs: string[];
  dataDir: string;
}

export async function startTestSystem(env: Record<string, string> = {}): Promise<TestSystem> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-sys-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    MOTCUA_DATA_DIR: dataDir,
    MOTCUA_DEMO: 'true',
    LOG_LEVEL: 'info',
    // Tests sign in many times from one address; the per-IP limit has its own test.
    MOTCUA_LOGIN_RATE_LIMIT: '100000',
    // One key file per test process: systems started side by side in one file share the keyring
    // bound for the modules (encryption at rest, goal 23). Tests of the keyring pass their own.
    MOTCUA_KEYRING_FILE: path.join(os.tmpdir(), `motcua-test-keyring-${process.pid}.json`),
    ...env,
  });
  const rawLogs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      rawLogs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      callback();
    },
  });
  const logger = createLogger(config, sink);
  const database = await createTestDatabase();
  const system = await startSystem(config, { logger, database, webDistDir: path.join(dataDir, 'no-web') });
  return {
    ...system,
    rawLogs,
    get logs() {
      return rawLogs.map((line) => JSON.parse(line) as Record<string, unknown>);
    },
    dataDir,
    async close() {
      await system.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Headers our web apps send on state-changing requests. */
export const JSON_HEADERS = { 'content-type': 'application/json', 'x-requested-with': 'motcua' };

export async function loginAs(system: RunningSystem, username: string, password: string): Promise<string> {
  const response = await system.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: JSON_HEADERS,
    payload: { username, password },
  });
  if (response.statusCode !== 200) {
    throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  }
  const cookie = response.cookies.find((c) => c.name === 'motcua.sid');
  if (!cookie) {
    throw new Error('no session cookie');
  }
  return `${cookie.name}=${cookie.value}`;
}
