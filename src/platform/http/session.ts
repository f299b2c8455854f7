// One session plugin (@fastify/session) with the PostgreSQL store. Cookie: HttpOnly, SameSite=Lax,
// Secure and __Host- prefixed behind HTTPS (goal 5); sessions are created only at sign-in.

import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import session from '@fastify/session';
import type { Config } from '../config/config.ts';
import type { Db } from '../db/database.ts';
import type { App } from './app-type.ts';
import { createPgSessionStore, type SessionCompanion } from './session-store.ts';

declare module 'fastify' {
  interface Session {
    userId?: string;
    /** Epoch ms of the sign-in: the absolute lifetime counts from here. */
    createdAt?: number;
    /** Idle timeout of this session (officers 15 min, administrators 5 min; goal 5). */
    idleSeconds?: number;
    /** How the user authenticated: the identity assurance of the session (R8). */
    assurance?: 'password' | 'password+totp' | 'oidc';
    /** Identity assurance level reported by the OpenID provider (e.g. vneid:level2), for SSO sessions. */
    identityLevel?: string;
    /** Password accepted, second factor still to come (not signed in yet). */
    pendingUserId?: string;
    pendingAt?: number;
    pendingAttempts?: number;
    /** A TOTP secret being enrolled, kept here until the first code confirms it. */
    totpPendingSecret?: string;
    /** OpenID Connect sign-in in progress: state, nonce and PKCE verifier. */
    oidc?: { state: string; nonce: string; codeVerifier: string; returnTo: string };
    /** Read with the session row in the same query (the signed-in account); never stored. */
    companion?: unknown;
  }
}

export const SESSION_IDLE_SECONDS = 15 * 60;
/** TCVN 14423:2026 5.5.2.2: administrator sessions lock after at most 5 minutes idle. */
export const ADMIN_SESSION_IDLE_SECONDS = 5 * 60;
export const SESSION_ABSOLUTE_SECONDS = 12 * 3600;

/** The configured secret, or one generated once and kept in the data directory (development). */
export function resolveSessionSecret(config: Config): string {
  if (config.sessionSecret) {
    return config.sessionSecret;
  }
  const file = path.join(config.dataDir, 'session-secret');
  if (fs.existsSync(file)) {
    return fs.readFileSync(file, 'utf8').trim();
  }
  const secret = randomBytes(48).toString('base64url');
  fs.mkdirSync(config.dataDir, { recursive: true });
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function sessionCookieName(config: Config): string {
  return config.publicUrl.startsWith('https://') ? '__Host-motcua.sid' : 'motcua.sid';
}

export async function registerSessions(
  app: App,
  config: Config,
  db: Db,
  companion?: SessionCompanion,
): Promise<void> {
  const secure = config.publicUrl.startsWith('https://');
  await app.register(cookie);
  await app.register(session, {
    secret: resolveSessionSecret(config),
    cookieName: sessionCookieName(config),
    saveUninitialized: false,
    rolling: true,
    cookie: { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: SESSION_IDLE_SECONDS * 1000 },
    store: createPgSessionStore(db, {
      idleSeconds: SESSION_IDLE_SECONDS,
      absoluteSeconds: SESSION_ABSOLUTE_SECONDS,
      ...(companion ? { companion } : {}),
    }),
  });
}
