// Browser tests on the PostgreSQL server: (re)create the database E2E_DATABASE_URL names, empty, so
// the app migrates and seeds it at boot exactly as on a fresh install. Run by e2e/playwright.config.ts;
// `--drop` removes it afterwards (.ci/run).
import { createPgPool } from '../src/platform/db/database.ts';

const target = new URL(process.env.E2E_DATABASE_URL ?? '');
const name = target.pathname.slice(1);
if (!/^[a-z_][a-z0-9_]*$/.test(name)) {
  throw new Error(`E2E_DATABASE_URL must name a database (lower-case letters, digits, _): ${name}`);
}
const server = new URL(target);
server.pathname = '/postgres';
const admin = createPgPool(server.toString(), 1);
await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
if (!process.argv.includes('--drop')) {
  await admin.query(`CREATE DATABASE ${name}`);
}
await admin.end();
