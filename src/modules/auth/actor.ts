// Who is acting, as recorded in the audit log (R11, R49).
import type { FastifyRequest } from 'fastify';
import { errors } from '../../platform/http/errors.ts';

export interface Actor {
  actorId: string | null;
  actorLabel: string;
  ip: string | null;
  userAgent: string | null;
}

export interface CurrentUser {
  id: string;
  username: string;
  fullName: string;
  kind: 'officer' | 'citizen' | 'organisation';
  unitId: string | null;
  roles: Array<{ role: string; scopeId: string | null }>;
  mustChangePassword: boolean;
  isDemo: boolean;
  totpEnabled: boolean;
  /**
   * What the account must do before anything else (R9, goal 3): change its password (first
   * sign-in, after an administrator's reset) or enrol its second factor (officers).
   */
  restriction: 'password_change' | 'totp_enrolment' | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    currentUser: CurrentUser | null;
  }
}

export function actorOf(request: FastifyRequest): Actor {
  const user = request.currentUser;
  return {
    actorId: user?.id ?? null,
    actorLabel: user?.username ?? 'anonymous',
    ip: request.ip,
    userAgent: request.headers['user-agent'] ?? null,
  };
}

export const SYSTEM_ACTOR: Actor = { actorId: null, actorLabel: 'system', ip: null, userAgent: null };

/** The signed-in user of a route that needs one (its access rule has checked it already). */
export function signedInUser(request: { currentUser: CurrentUser | null }): CurrentUser {
  if (!request.currentUser) {
    throw errors.unauthenticated();
  }
  return request.currentUser;
}

/** The signed-in officer; citizens and organisations are refused. */
export function signedInOfficer(request: { currentUser: CurrentUser | null }): CurrentUser {
  const user = signedInUser(request);
  if (user.kind !== 'officer') {
    throw errors.forbidden();
  }
  return user;
}
