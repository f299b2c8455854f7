// Deployment configuration: read from the environment once at startup, validated into one typed
// object. Embedded defaults (PGlite under ./data, local adapters) need no .env file.
// Admin-editable rules (calendars, procedures, templates) live in the database, never here.
import path from 'node:path';

export type DatabaseTarget = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  database: DatabaseTarget;
  demo: boolean;
  publicUrl: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Secret for signing cookies; generated per data directory when not given (see secrets.ts). */
  sessionSecret: string | undefined;
  /** Largest request body and largest uploaded file, in bytes. */
  bodyLimit: number;
  uploadLimit: number;
  trustProxy: boolean;
  /** Run background workers in this process (one process serves API, web and workers by default). */
  workers: boolean;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function parseBool(env: Env, key: string, fallback: boolean): boolean {
  const raw = env[key]?.trim().toLowerCase();
  if (raw === undefined || raw === '') {
    return fallback;
  }
  if (['1', 'true', 'yes', 'on'].includes(raw)) {
    return true;
  }
  if (['0', 'false', 'no', 'off'].includes(raw)) {
    return false;
  }
  throw new ConfigError(`${key} must be true or false, got "${env[key]}"`);
}

function parseInteger(env: Env, key: string, fallback: number, min: number, max: number): number {
  const raw = env[key]?.trim();
  if (raw === undefined || raw === '') {
    return fallback;
  }
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(`${key} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return Number(raw);
}

function parseUrl(key: string, raw: string, protocols: string[]): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${key} is not a valid URL`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(`${key} must use ${protocols.join(' or ')}`);
  }
  return raw;
}

export function loadConfig(env: Env = process.env): Config {
  const nodeEnv =
    env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
  const port = parseInteger(env, 'PORT', 3000, 0, 65535);
  const host = env.HOST?.trim() || '0.0.0.0';
  const dataDir = path.resolve(env.MOTCUA_DATA_DIR?.trim() || './data');
  const databaseUrl = env.DATABASE_URL?.trim();
  const database: DatabaseTarget = databaseUrl
    ? { kind: 'postgres', url: parseUrl('DATABASE_URL', databaseUrl, ['postgres:', 'postgresql:']) }
    : { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') };
  const logLevel = (env.LOG_LEVEL?.trim() || 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  }
  const publicUrl = parseUrl(
    'MOTCUA_PUBLIC_URL',
    env.MOTCUA_PUBLIC_URL?.trim() || `http://localhost:${port}`,
    ['http:', 'https:'],
  ).replace(/\/+$/, '');

  const config: Config = {
    env: nodeEnv,
    port,
    host,
    dataDir,
    database,
    // Demo data by default only on the embedded database: a server is somebody's real deployment.
    demo: parseBool(env, 'MOTCUA_DEMO', database.kind === 'pglite'),
    publicUrl,
    logLevel,
    sessionSecret: env.MOTCUA_SESSION_SECRET?.trim() || undefined,
    bodyLimit: parseInteger(env, 'MOTCUA_BODY_LIMIT', 1024 * 1024, 1024, 64 * 1024 * 1024),
    uploadLimit: parseInteger(env, 'MOTCUA_UPLOAD_LIMIT', 20 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    trustProxy: parseBool(env, 'MOTCUA_TRUST_PROXY', false),
    workers: parseBool(env, 'MOTCUA_WORKERS', true),
  };
  assertProductionSafe(config, env);
  return config;
}

/** Security goal 24: the production profile refuses settings that are only fit for a laptop. */
function assertProductionSafe(config: Config, env: Env): void {
  if (config.env !== 'production') {
    return;
  }
  const problems: string[] = [];
  if (config.database.kind === 'pglite') {
    problems.push('DATABASE_URL is required: PGlite is single-process and never fsyncs');
  }
  if (config.demo) {
    problems.push('MOTCUA_DEMO must be off: demo accounts have published passwords');
  }
  if (!config.publicUrl.startsWith('https://')) {
    problems.push('MOTCUA_PUBLIC_URL must be https://');
  }
  if (!config.sessionSecret || config.sessionSecret.length < 32) {
    problems.push('MOTCUA_SESSION_SECRET must be set to at least 32 characters');
  }
  if (config.database.kind === 'postgres' && /sslmode=disable/i.test(config.database.url)) {
    problems.push('DATABASE_URL must not disable TLS (sslmode=disable)');
  }
  if (env.NODE_TLS_REJECT_UNAUTHORIZED === '0') {
    problems.push('NODE_TLS_REJECT_UNAUTHORIZED=0 turns off certificate checks');
  }
  if (problems.length > 0) {
    throw new ConfigError(`Refusing to start in production:\n- ${problems.join('\n- ')}`);
  }
}

/** What `motcua doctor` and the logs may show: never passwords inside URLs or secrets. */
export function describeConfig(config: Config): Record<string, unknown> {
  const database =
    config.database.kind === 'postgres'
      ? { kind: 'postgres', url: redactUrl(config.database.url) }
      : { kind: 'pglite', dataDir: config.database.dataDir };
  return { ...config, database, sessionSecret: config.sessionSecret ? '(set)' : '(generated)' };
}

export function redactUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password) {
      url.password = '***';
    }
    return url.toString();
  } catch {
    return '(invalid url)';
  }
}
