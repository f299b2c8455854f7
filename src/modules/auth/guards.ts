// Route guards. The central policy (src/domain/access/policy.ts) is declared per route with
// `config: { access: … }` (see access.ts); requireRole is kept for routes that name roles directly
// and counts as that route's declaration. Permission changes apply on the next request: the user
// and roles are read from the database on every request, never cached in the session.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { OfficerRole } from '../../domain/access/roles.ts';
import { errors } from '../../platform/http/errors.ts';
import { enforceAccess, markRoleGuard } from './access.ts';

export async function requireUser(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  enforceAccess(request, 'self');
}

export function requireRole(...roles: OfficerRole[]) {
  return markRoleGuard(async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    enforceAccess(request, 'self');
    if (!request.currentUser?.roles.some((r) => (roles as string[]).includes(r.role))) {
      throw errors.forbidden();
    }
  }, roles);
}
