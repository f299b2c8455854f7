// Route guards. The full role × action × scope policy comes with the organisation module; until
// then a route names the role it needs. Permission changes apply on the next request: the user and
// roles are read from the database on every request, never cached in the session.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errors } from '../../platform/http/errors.ts';

export async function requireUser(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  if (!request.currentUser) {
    throw errors.unauthenticated();
  }
}

export function requireRole(role: string) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    await requireUser(request, reply);
    if (!request.currentUser?.roles.some((r) => r.role === role)) {
      throw errors.forbidden();
    }
  };
}
