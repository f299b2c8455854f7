import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { allowedActions } from '../../domain/access/policy.ts';
import { normalizeLoginName } from '../../domain/identity/identifiers.ts';
import type { App } from '../../platform/http/app.ts';
import { errors } from '../../platform/http/errors.ts';
import { ErrorResponseSchema, standardErrorResponses } from '../../platform/http/schema.ts';
import { SESSION_IDLE_SECONDS } from '../../platform/http/session.ts';
import { actorOf, type CurrentUser } from './actor.ts';
import { authErrors } from './auth.errors.ts';
import { findActiveUser } from './auth.repository.ts';
import {
  ChangePasswordBodySchema,
  LoginBodySchema,
  type LoginResponse,
  LoginResponseSchema,
  MeResponseSchema,
  TotpCodeBodySchema,
  TotpEnrolmentSchema,
} from './auth.schemas.ts';
import { authenticate, authenticateSecondFactor, idleSecondsFor, recordLogout } from './auth.service.ts';
import { changeOwnPassword, confirmTotpEnrolment } from './my-account.service.ts';
import { newTotpSecret, totpUri } from './totp.ts';

type Assurance = LoginResponse['assurance'];

/** A password accepted but not yet followed by its second factor expires after 5 minutes. */
const PENDING_SECONDS = 5 * 60;
const MAX_PENDING_ATTEMPTS = 5;

export function sessionView(
  user: CurrentUser,
  options: {
    assurance: Assurance;
    secondFactorRequired?: boolean;
    idleSeconds?: number;
    identityLevel?: string | null;
  },
): LoginResponse {
  return {
    user: {
      id: user.id,
      username: user.username,
      fullName: user.fullName,
      kind: user.kind,
      roles: [...new Set(user.roles.map((r) => r.role))],
      grants: user.roles,
      permissions: allowedActions(user.roles),
      unitId: user.unitId,
      isDemo: user.isDemo,
      totpEnabled: user.totpEnabled,
    },
    mustChangePassword: user.mustChangePassword,
    restriction: user.restriction,
    secondFactorRequired: options.secondFactorRequired ?? false,
    idleTimeoutSeconds: options.idleSeconds ?? idleSecondsFor(user),
    assurance: options.assurance,
    identityLevel: options.identityLevel ?? null,
  };
}

/** A fresh session id at every change of privilege (session fixation, ASVS 7.2.4). */
export async function startSession(request: FastifyRequest, user: CurrentUser, assurance: Assurance) {
  await request.session.regenerate();
  request.session.userId = user.id;
  request.session.createdAt = Date.now();
  request.session.idleSeconds = idleSecondsFor(user);
  request.session.assurance = assurance;
}

const authErrorResponses = {
  401: ErrorResponseSchema,
  403: ErrorResponseSchema,
  423: ErrorResponseSchema,
  ...standardErrorResponses,
};

export async function authRoutes(app: App): Promise<void> {
  const db = app.deps.database.db;

  app.post(
    '/api/v1/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in / Đăng nhập',
        description:
          'Officers sign in with their username, citizens with their phone number or e-mail. Wrong credentials: 401 AUTH_INVALID (the same for unknown names); back-off: 429 AUTH_THROTTLED; after 5 failures: 423 AUTH_LOCKED.',
        body: LoginBodySchema,
        response: { 200: LoginResponseSchema, ...authErrorResponses },
      },
      config: {
        access: 'public',
        rateLimit: { max: app.deps.config.loginRateLimitPerMinute },
      },
    },
    async (request) => {
      const outcome = await authenticate(
        db,
        normalizeLoginName(request.body.username),
        request.body.password,
        actorOf(request),
      );
      if (outcome.kind === 'second-factor') {
        // Not signed in yet: the session only remembers whose password was right, for 5 minutes.
        await request.session.regenerate();
        request.session.pendingUserId = outcome.user.id;
        request.session.pendingAt = Date.now();
        request.session.pendingAttempts = 0;
        request.session.idleSeconds = PENDING_SECONDS;
        return sessionView(outcome.user, {
          assurance: 'password',
          secondFactorRequired: true,
          idleSeconds: PENDING_SECONDS,
        });
      }
      await startSession(request, outcome.user, 'password');
      return sessionView(outcome.user, { assurance: 'password' });
    },
  );

  app.post(
    '/api/v1/auth/login/totp',
    {
      schema: {
        tags: ['auth'],
        summary: 'Second sign-in step: the TOTP code / Bước 2: mã xác thực hai lớp',
        body: TotpCodeBodySchema,
        response: { 200: LoginResponseSchema, ...authErrorResponses },
      },
      config: {
        access: 'public',
        rateLimit: { max: app.deps.config.loginRateLimitPerMinute },
      },
    },
    async (request) => {
      const { pendingUserId, pendingAt, pendingAttempts = 0 } = request.session;
      if (
        !pendingUserId ||
        !pendingAt ||
        Date.now() - pendingAt > PENDING_SECONDS * 1000 ||
        pendingAttempts >= MAX_PENDING_ATTEMPTS
      ) {
        await request.session.destroy();
        throw authErrors.secondFactorPending();
      }
      request.session.pendingAttempts = pendingAttempts + 1;
      const user = await authenticateSecondFactor(db, pendingUserId, request.body.code, actorOf(request));
      await startSession(request, user, 'password+totp');
      return sessionView(user, { assurance: 'password+totp' });
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
      config: { access: 'public' },
    },
    async (request, reply) => {
      if (request.currentUser) {
        await recordLogout(db, actorOf(request));
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
        summary: 'The signed-in user and what they may do / Người dùng đang đăng nhập và quyền',
        response: { 200: MeResponseSchema, 401: ErrorResponseSchema, ...standardErrorResponses },
      },
      config: { access: 'self-pending' },
    },
    async (request) =>
      sessionView(request.currentUser as CurrentUser, {
        assurance: request.session.assurance ?? 'password',
        idleSeconds: request.session.idleSeconds ?? SESSION_IDLE_SECONDS,
        identityLevel: request.session.identityLevel ?? null,
      }),
  );

  app.post(
    '/api/v1/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change my password / Đổi mật khẩu',
        description: 'Ends every session of the account and opens a new one for this browser (goal 5).',
        body: ChangePasswordBodySchema,
        response: { 200: MeResponseSchema, 401: ErrorResponseSchema, ...standardErrorResponses },
      },
      config: { access: 'self-pending' },
    },
    async (request) => {
      const user = request.currentUser as CurrentUser;
      const assurance = request.session.assurance ?? 'password';
      await changeOwnPassword(
        db,
        user,
        request.body.currentPassword,
        request.body.newPassword,
        actorOf(request),
      );
      const next = await findActiveUser(db, user.id);
      if (!next) {
        throw errors.unauthenticated();
      }
      await startSession(request, next, assurance);
      return sessionView(next, { assurance });
    },
  );

  app.post(
    '/api/v1/auth/totp/enrol',
    {
      schema: {
        tags: ['auth'],
        summary: 'Start enrolling an authenticator app / Bắt đầu thiết lập ứng dụng xác thực',
        response: { 200: TotpEnrolmentSchema, 401: ErrorResponseSchema, ...standardErrorResponses },
      },
      config: { access: 'self-pending' },
    },
    async (request) => {
      const user = request.currentUser as CurrentUser;
      if (user.restriction === 'password_change') {
        throw authErrors.passwordChangeRequired();
      }
      const secret = newTotpSecret();
      request.session.totpPendingSecret = secret;
      return { secret, uri: totpUri(secret, user.username) };
    },
  );

  app.post(
    '/api/v1/auth/totp/confirm',
    {
      schema: {
        tags: ['auth'],
        summary: 'Confirm the authenticator app with its first code / Xác nhận ứng dụng xác thực',
        body: TotpCodeBodySchema,
        response: { 200: MeResponseSchema, 401: ErrorResponseSchema, ...standardErrorResponses },
      },
      config: { access: 'self-pending' },
    },
    async (request) => {
      const user = request.currentUser as CurrentUser;
      const secret = request.session.totpPendingSecret;
      if (!secret || user.restriction === 'password_change') {
        throw authErrors.totpInvalid();
      }
      await confirmTotpEnrolment(db, user, secret, request.body.code, actorOf(request));
      const next = await findActiveUser(db, user.id);
      if (!next) {
        throw errors.unauthenticated();
      }
      // Enrolment proves the factor: this browser continues with a two-factor session.
      await startSession(request, next, 'password+totp');
      return sessionView(next, { assurance: 'password+totp' });
    },
  );
}
