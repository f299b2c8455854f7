// Deployment configuration: read from the environment once at startup, validated into one typed
// object. Embedded defaults (PGlite under ./data, local adapters) need no .env file.
// Admin-editable rules (calendars, procedures, templates) live in the database, never here.
import path from 'node:path';
import type { KeyringSource } from '../crypto/keyring.ts';
import {
  loadNotificationConfig,
  type NotificationConfig,
  NotificationConfigError,
} from './notifications-config.ts';
import { loadSigningConfig, type SigningConfig } from './signing-config.ts';

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
  /** Requests per minute per client IP across the API (route classes may set lower limits). */
  rateLimitPerMinute: number;
  /** ClamAV daemon for upload scanning; null = the local signature scanner (EICAR only, not an antivirus). */
  clamd: { host: string; port: number } | null;
  /** Sign-in attempts per minute per client IP (goal 4; per-account limits are in the database). */
  loginRateLimitPerMinute: number;
  /** Administrators' password age before a forced change (goal 6, TCVN 5.6.2.3); 0 = no expiry. */
  adminPasswordMaxAgeDays: number;
  /** Run background workers in this process (one process serves API, web and workers by default). */
  workers: boolean;
  /** E-mail, SMS and chat providers, retries, quiet hours (notifications-config.ts). */
  notifications: NotificationConfig;
  /** Agency signing key and trusted roots (signing-config.ts). */
  signing: SigningConfig;
  /**
   * Single sign-on through OpenID Connect (R8): a real provider (VNeID / national portal accounts),
   * the local stand-in provider mounted at /dev-idp (development, tests, demo), or none.
   */
  oidc:
    | { kind: 'external'; issuer: string; clientId: string; clientSecret: string }
    | { kind: 'local' }
    | { kind: 'off' };
  /** Where the master keys for encryption at rest come from (security goal 23; never the database). */
  keyring: KeyringSource;
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

function parseHostPort(env: Env, key: string): { host: string; port: number } | null {
  const raw = env[key]?.trim();
  if (!raw) {
    return null;
  }
  const match = /^([A-Za-z0-9.-]+|\[[0-9a-fA-F:]+\]):(\d{1,5})$/.exec(raw);
  const port = Number(match?.[2]);
  if (!match?.[1] || port < 1 || port > 65535) {
    throw new ConfigError(`${key} must be host:port, got "${raw}"`);
  }
  return { host: match[1].replace(/^\[|\]$/g, ''), port };
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
    rateLimitPerMinute: parseInteger(env, 'MOTCUA_RATE_LIMIT', 600, 10, 10_000_000),
    clamd: parseHostPort(env, 'MOTCUA_CLAMD'),
    loginRateLimitPerMinute: parseInteger(env, 'MOTCUA_LOGIN_RATE_LIMIT', 10, 1, 10_000_000),
    adminPasswordMaxAgeDays: parseInteger(env, 'MOTCUA_ADMIN_PASSWORD_MAX_AGE_DAYS', 60, 0, 3650),
    workers: parseBool(env, 'MOTCUA_WORKERS', true),
    notifications: loadNotifications(env, nodeEnv === 'production'),
    signing: loadSigningConfig(env, parseBool(env, 'MOTCUA_DEMO', database.kind === 'pglite')),
    oidc: parseOidc(env, nodeEnv),
    keyring: {
      masterKeys: env.MOTCUA_MASTER_KEYS?.trim() || undefined,
      blindIndexKey: env.MOTCUA_BLIND_INDEX_KEY?.trim() || undefined,
      file: path.resolve(env.MOTCUA_KEYRING_FILE?.trim() || path.join(dataDir, 'keyring.json')),
    },
  };
  assertProductionSafe(config, env);
  return config;
}

function loadNotifications(env: Env, production: boolean): NotificationConfig {
  try {
    return loadNotificationConfig(env, production);
  } catch (error) {
    if (error instanceof NotificationConfigError) {
      throw new ConfigError(error.message);
    }
    throw error;
  }
}

function parseOidc(env: Env, nodeEnv: Config['env']): Config['oidc'] {
  const issuer = env.MOTCUA_OIDC_ISSUER?.trim();
  if (issuer) {
    const clientId = env.MOTCUA_OIDC_CLIENT_ID?.trim();
    const clientSecret = env.MOTCUA_OIDC_CLIENT_SECRET?.trim();
    if (!clientId || !clientSecret) {
      throw new ConfigError('MOTCUA_OIDC_ISSUER needs MOTCUA_OIDC_CLIENT_ID and MOTCUA_OIDC_CLIENT_SECRET');
    }
    return {
      kind: 'external',
      issuer: parseUrl('MOTCUA_OIDC_ISSUER', issuer, ['https:', 'http:']),
      clientId,
      clientSecret,
    };
  }
  return parseBool(env, 'MOTCUA_OIDC_LOCAL', nodeEnv !== 'production') ? { kind: 'local' } : { kind: 'off' };
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
  if (config.oidc.kind === 'local') {
    problems.push('MOTCUA_OIDC_LOCAL must be off: the local identity provider accepts test identities only');
  }
  if (config.oidc.kind === 'external' && !config.oidc.issuer.startsWith('https://')) {
    problems.push('MOTCUA_OIDC_ISSUER must be https://');
  }
  if (!config.keyring.masterKeys && !env.MOTCUA_KEYRING_FILE?.trim()) {
    problems.push(
      'MOTCUA_MASTER_KEYS or MOTCUA_KEYRING_FILE must be set: master keys are kept apart from the data and its backups (docs/SECURITY.md)',
    );
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
  const n = config.notifications;
  const notifications = {
    ...n,
    email: n.email.kind === 'smtp' ? { kind: 'smtp', url: redactUrl(n.email.url) } : n.email,
    sms:
      n.sms.kind === 'http'
        ? { kind: 'http', url: redactUrl(n.sms.url), apiKey: '***', secret: '***' }
        : n.sms,
    chat:
      n.chat.kind === 'zalo'
        ? {
            ...n.chat,
            url: redactUrl(n.chat.url),
            oaUrl: redactUrl(n.chat.oaUrl),
            accessToken: '***',
            renewal: n.chat.renewal
              ? {
                  ...n.chat.renewal,
                  oauthUrl: redactUrl(n.chat.renewal.oauthUrl),
                  appSecret: '***',
                  refreshToken: '***',
                }
              : null,
            webhook: n.chat.webhook ? { appId: n.chat.webhook.appId, oaSecretKey: '***' } : null,
          }
        : n.chat,
  };
  const signing = { ...config.signing, p12Password: config.signing.p12Password ? '***' : null };
  const oidc = config.oidc.kind === 'external' ? { ...config.oidc, clientSecret: '***' } : config.oidc;
  return {
    ...config,
    database,
    notifications,
    signing,
    oidc,
    sessionSecret: config.sessionSecret ? '(set)' : '(generated)',
    keyring: config.keyring.masterKeys
      ? { from: 'MOTCUA_MASTER_KEYS', ids: config.keyring.masterKeys.split(',').map((k) => k.split(':')[0]) }
      : { from: 'file', file: config.keyring.file },
  };
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
