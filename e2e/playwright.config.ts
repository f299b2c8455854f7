// Browser tests: Debian's Chromium (no browser download) against the built app, started on its
// embedded defaults (PGlite + demo data) in a fresh data directory, exactly as `npm start` runs it.
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const root = path.resolve(import.meta.dirname, '..');
const dataDir = path.join(root, 'data', 'e2e');
// E2E_DATABASE_URL: run the same tests on the PostgreSQL server (that database is recreated empty).
const databaseUrl = process.env.E2E_DATABASE_URL ?? '';
const freshDatabase = databaseUrl ? 'node --import tsx scripts/e2e-fresh-database.ts && ' : '';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: path.join(root, 'test-results'),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    {
      name: 'desktop',
      use: { ...devices['Desktop Chrome'], channel: undefined },
      testIgnore: '**/*.mobile.spec.ts',
    },
    {
      name: 'mobile',
      use: { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true },
      testMatch: '**/*.mobile.spec.ts',
    },
  ],
  webServer: {
    command: `rm -rf "${dataDir}" && ${freshDatabase}node --import tsx src/main.ts`,
    cwd: root,
    url: `http://127.0.0.1:${PORT}/readyz`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      MOTCUA_DATA_DIR: dataDir,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      MOTCUA_PUBLIC_URL: `http://127.0.0.1:${PORT}`,
      MOTCUA_DEMO: 'true',
      LOG_LEVEL: 'warn',
      // The browser tests sign in many times from one address.
      MOTCUA_LOGIN_RATE_LIMIT: '1000',
      // All browsers and API calls of the suite share 127.0.0.1: the per-address limit of a province
      // (600 a minute) is for one person, not for a whole test suite (its own tests are in bench/ and test/).
      MOTCUA_RATE_LIMIT: '20000',
      // Browser tests must not depend on the hour they run at: no SMS quiet hours here.
      MOTCUA_SMS_QUIET_HOURS: 'off',
    },
  },
});
