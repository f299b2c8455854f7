// Route-level access declarations (goal 7): every /api/v1 route says who may call it, in its
// `config.access`; one hook enforces it for all routes. Object-level checks (which agency's rows)
// are made by the services with the same policy (src/domain/access/policy.ts).
import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { type Action, canAny } from '../../domain/access/policy.ts';
import type { App } from '../../platform/http/app.ts';
import { errors } from '../../platform/http/errors.ts';
import type { CurrentUser } from './actor.ts';
import { authErrors } from './auth.errors.ts';

export type RouteAccess =
  /** Anyone, signed in or not. */
  | 'public'
  /** Any signed-in account with a complete session (password changed, second factor enrolled). */
  | 'self'
  /** Signed in, even while a password change or second-factor enrolment is still required. */
  | 'self-pending'
  /** Function level: the user holds a role granting this action on some scope. */
  | { action: Action }
  /** Legacy guard: requireRole(...) on the route (kept for modules written before the policy). */
  | { anyRole: readonly string[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

const ROLE_GUARD = Symbol('motcua.roleGuard');
type RoleGuard = ((request: FastifyRequest, reply: FastifyReply) => Promise<void>) & {
  [ROLE_GUARD]?: readonly string[];
};

export function markRoleGuard(guard: RoleGuard, roles: readonly string[]): RoleGuard {
  guard[ROLE_GUARD] = roles;
  return guard;
}

function rolesOfGuards(preHandler: RouteOptions['preHandler']): readonly string[] | undefined {
  const handlers = Array.isArray(preHandler) ? preHandler : preHandler ? [preHandler] : [];
  for (const handler of handlers) {
    const roles = (handler as RoleGuard)[ROLE_GUARD];
    if (roles) {
      return roles;
    }
  }
  return undefined;
}

/** The declaration of a route as the policy sees it (requireRole guards count as declarations). */
export function declaredAccess(route: Pick<RouteOptions, 'config' | 'preHandler'>): RouteAccess | undefined {
  const config = route.config as { access?: RouteAccess } | undefined;
  if (config?.access) {
    return config.access;
  }
  const roles = rolesOfGuards(route.preHandler);
  return roles ? { anyRole: roles } : undefined;
}

export interface RouteEntry {
  method: string;
  url: string;
  access: RouteAccess | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every API route registered, with its declaration (read by the coverage test). */
    routeInventory: RouteEntry[];
  }
}

function restrictionError(user: CurrentUser) {
  return user.restriction === 'password_change'
    ? authErrors.passwordChangeRequired()
    : authErrors.totpEnrolmentRequired();
}

export function enforceAccess(request: FastifyRequest, access: RouteAccess | undefined): void {
  if (access === undefined || access === 'public') {
    return;
  }
  const user = request.currentUser;
  if (!user) {
    throw errors.unauthenticated();
  }
  if (access === 'self-pending') {
    return;
  }
  if (user.restriction) {
    throw restrictionError(user);
  }
  if (access === 'self' || 'anyRole' in access) {
    return;
  }
  if (!canAny(user.roles, access.action)) {
    throw errors.forbidden();
  }
}

export function registerAccessControl(app: App): void {
  const inventory: RouteEntry[] = [];
  app.decorate('routeInventory', inventory);
  app.addHook('onRoute', (route) => {
    const access = declaredAccess(route);
    // Stored back on the route so the request hook reads one place, whatever declared it.
    route.config = { ...(route.config ?? {}), ...(access ? { access } : {}) };
    if (route.url.startsWith('/api/v1/')) {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      for (const method of methods.filter((m) => m !== 'HEAD')) {
        inventory.push({ method, url: route.url, access });
      }
    }
  });
  app.addHook('preHandler', async (request) => {
    enforceAccess(request, request.routeOptions.config.access);
  });
}
