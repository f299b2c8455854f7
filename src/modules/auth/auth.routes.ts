import { Type } from '@sinclair/typebox';
import type { App } from '../../platform/http/app.ts';
import { ErrorResponseSchema, standardErrorResponses } from '../../platform/http/schema.ts';
import { actorOf, type CurrentUser } from './actor.ts';
import { LoginBodySchema, LoginResponseSchema, MeResponseSchema } from './auth.schemas.ts';
import { authenticate, recordLogout } from './auth.service.ts';
import { requireUser } from './guards.ts';

function publicUser(user: CurrentUser) {
  return {
    user: {
      id: user.id,
      username: user.username,
      fullName: user.fullName,
      roles: [...new Set(user.roles.map((r) => r.role))],
      unitId: null,
    },
    mustChangePassword: user.mustChangePassword,
  };
}

export async function authRoutes(app: App): Promise<void> {
  app.post(
    '/api/v1/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in / Đăng nhập',
        body: LoginBodySchema,
        response: {
          200: LoginResponseSchema,
          401: ErrorResponseSchema,
          403: ErrorResponseSchema,
          ...standardErrorResponses,
        },
      },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request) => {
      const user = await authenticate(
        app.deps.database.db,
        request.body.username,
        request.body.password,
        actorOf(request),
      );
      // A new session id at every sign-in (session fixation, ASVS 7.2.4).
      await request.session.regenerate();
      request.session.userId = user.id;
      request.session.createdAt = Date.now();
      return publicUser(user);
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out / Đăng xuất',
        response: { 204: Type.Null(), 403: ErrorResponseSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      if (request.currentUser) {
        await recordLogout(app.deps.database.db, actorOf(request));
      }
      await request.session.destroy();
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user / Người dùng đang đăng nhập',
        response: { 200: MeResponseSchema, 401: ErrorResponseSchema, ...standardErrorResponses },
      },
      preHandler: requireUser,
    },
    async (request) => publicUser(request.currentUser as CurrentUser),
  );
}
