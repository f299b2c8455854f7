// Citizen and organisation accounts (R8): sign-up, verification, password reset, profile; and the
// back office's views of them (citizen search and profile, audited; the simulated mailbox).
import { localOutboxSender } from '../../adapters/notifications/notification-sender.ts';
import type { App } from '../../platform/http/app.ts';
import { ErrorResponseSchema, standardErrorResponses } from '../../platform/http/schema.ts';
import { actorOf, type CurrentUser } from '../auth/actor.ts';
import {
  CitizenIdParamsSchema,
  CitizenListQuerySchema,
  CitizenListSchema,
  CodeSentSchema,
  OkSchema,
  OutboxListSchema,
  ProfileSchema,
  RegisterBodySchema,
  ResetConfirmBodySchema,
  UpdateProfileBodySchema,
  UsernameBodySchema,
  VerifyBodySchema,
} from './citizens.schemas.ts';
import {
  getProfile,
  listOutbox,
  readCitizenProfile,
  searchCitizens,
  updateProfile,
} from './profile.service.ts';
import {
  confirmPasswordReset,
  register,
  requestPasswordReset,
  resendVerification,
  verifyContact,
} from './registration.service.ts';

const errorsOf = {
  401: ErrorResponseSchema,
  403: ErrorResponseSchema,
  404: ErrorResponseSchema,
  ...standardErrorResponses,
};
const me = (request: { currentUser: CurrentUser | null }) => request.currentUser as CurrentUser;

export async function citizensRoutes(app: App): Promise<void> {
  const db = app.deps.database.db;
  // Sign-up and reset send messages: a tighter per-IP limit than the API's (goal 36, §4.8).
  const limited = {
    access: 'public' as const,
    rateLimit: { max: app.deps.config.loginRateLimitPerMinute },
  };

  app.post(
    '/api/v1/accounts/register',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Register a citizen or organisation account / Đăng ký tài khoản người dân, tổ chức',
        description:
          'Sends a 6-digit code to the phone or e-mail. The reply is the same whether or not the address already has an account.',
        body: RegisterBodySchema,
        response: { 202: CodeSentSchema, ...errorsOf },
      },
      config: limited,
    },
    async (request, reply) => reply.status(202).send(await register(db, request.body, actorOf(request))),
  );

  app.post(
    '/api/v1/accounts/verify',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Verify the phone or e-mail with the code / Xác thực tài khoản bằng mã',
        body: VerifyBodySchema,
        response: { 200: OkSchema, ...errorsOf },
      },
      config: limited,
    },
    async (request) => {
      await verifyContact(db, request.body.username, request.body.code, actorOf(request));
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/accounts/verify/resend',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Send a new verification code / Gửi lại mã xác thực',
        body: UsernameBodySchema,
        response: { 202: CodeSentSchema, ...errorsOf },
      },
      config: limited,
    },
    async (request, reply) => reply.status(202).send(await resendVerification(db, request.body.username)),
  );

  app.post(
    '/api/v1/accounts/password-reset',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Ask for a password reset code / Quên mật khẩu: gửi mã đặt lại',
        body: UsernameBodySchema,
        response: { 202: CodeSentSchema, ...errorsOf },
      },
      config: limited,
    },
    async (request, reply) => reply.status(202).send(await requestPasswordReset(db, request.body.username)),
  );

  app.post(
    '/api/v1/accounts/password-reset/confirm',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Set a new password with the code / Đặt lại mật khẩu bằng mã',
        body: ResetConfirmBodySchema,
        response: { 200: OkSchema, ...errorsOf },
      },
      config: limited,
    },
    async (request) => {
      const { username, code, newPassword } = request.body;
      await confirmPasswordReset(db, username, code, newPassword, actorOf(request));
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/accounts/me/profile',
    {
      schema: {
        tags: ['accounts'],
        summary: 'My profile (citizen or organisation) / Thông tin tài khoản của tôi',
        response: { 200: ProfileSchema, ...errorsOf },
      },
      config: { access: 'self' },
    },
    async (request) => getProfile(db, me(request).id),
  );

  app.put(
    '/api/v1/accounts/me/profile',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Update my profile / Cập nhật thông tin tài khoản',
        body: UpdateProfileBodySchema,
        response: { 200: ProfileSchema, ...errorsOf },
      },
      config: { access: 'self' },
    },
    async (request) => updateProfile(db, me(request).id, request.body, actorOf(request)),
  );

  app.get(
    '/api/v1/admin/outbox',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Simulated mailbox: SMS and e-mail not really sent / Hộp thư mô phỏng',
        response: { 200: OutboxListSchema, ...errorsOf },
      },
      config: { access: { action: 'outbox.read' } },
    },
    async () => ({ simulated: localOutboxSender.simulated, items: await listOutbox(db) }),
  );

  app.get(
    '/api/v1/admin/citizens',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Search citizen and organisation accounts (audited) / Tra cứu tài khoản người dân',
        querystring: CitizenListQuerySchema,
        response: { 200: CitizenListSchema, ...errorsOf },
      },
      config: { access: { action: 'citizen.read' } },
    },
    async (request) => ({ items: await searchCitizens(db, request.query.q, actorOf(request)) }),
  );

  app.get(
    '/api/v1/admin/citizens/:id',
    {
      schema: {
        tags: ['accounts'],
        summary: 'A citizen’s profile (the read is audited) / Xem thông tin người dân (có ghi nhật ký)',
        params: CitizenIdParamsSchema,
        response: { 200: ProfileSchema, ...errorsOf },
      },
      config: { access: { action: 'citizen.read' } },
    },
    async (request) => readCitizenProfile(db, request.params.id, actorOf(request)),
  );
}
