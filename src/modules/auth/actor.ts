// Who is acting, as recorded in the audit log (R11, R49).
import type { FastifyRequest } from 'fastify';

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
