// Officer account administration (R9, R10): /api/v1/admin/users, for unit and system administrators.
import type { App } from '../../platform/http/app.ts';
import { ErrorResponseSchema, standardErrorResponses } from '../../platform/http/schema.ts';
import { actorOf, type CurrentUser } from '../auth/actor.ts';
import {
  AdminUserListQuerySchema,
  AdminUserListSchema,
  AdminUserSchema,
  CreatedUserSchema,
  CreateUserBodySchema,
  ReasonBodySchema,
  RolesBodySchema,
  TemporaryPasswordSchema,
  UpdateUserBodySchema,
  UserIdParamsSchema,
  UsernameSuggestionQuerySchema,
  UsernameSuggestionSchema,
} from './admin-users.schemas.ts';
import {
  createOfficer,
  getVisibleOfficer,
  listUsers,
  replaceRoles,
  suggestUsernameFor,
  updateOfficer,
} from './admin-users.service.ts';
import {
  lockOfficer,
  resetOfficerPassword,
  resetOfficerTotp,
  unlockOfficer,
} from './admin-users-status.service.ts';

const guarded = {
  401: ErrorResponseSchema,
  403: ErrorResponseSchema,
  404: ErrorResponseSchema,
  ...standardErrorResponses,
};
const manage = { access: { action: 'user.manage' as const } };
const me = (request: { currentUser: CurrentUser | null }) => request.currentUser as CurrentUser;

export async function adminUsersRoutes(app: App): Promise<void> {
  const db = app.deps.database.db;

  app.get(
    '/api/v1/admin/users',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Officer accounts in my scope / Tài khoản cán bộ trong phạm vi quản lý',
        querystring: AdminUserListQuerySchema,
        response: { 200: AdminUserListSchema, ...guarded },
      },
      config: { access: { action: 'user.read' } },
    },
    async (request) => listUsers(db, me(request), request.query),
  );

  app.get(
    '/api/v1/admin/users/username-suggestion',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Suggest a username hovaten.tendonvi / Gợi ý tên đăng nhập',
        querystring: UsernameSuggestionQuerySchema,
        response: { 200: UsernameSuggestionSchema, ...guarded },
      },
      config: manage,
    },
    async (request) => ({
      username: await suggestUsernameFor(db, me(request), request.query.fullName, request.query.unitId),
    }),
  );

  app.post(
    '/api/v1/admin/users',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Create an officer account / Tạo tài khoản cán bộ',
        body: CreateUserBodySchema,
        response: { 201: CreatedUserSchema, 409: ErrorResponseSchema, ...guarded },
      },
      config: manage,
    },
    async (request, reply) => {
      const created = await createOfficer(db, me(request), request.body, actorOf(request));
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/v1/admin/users/:id',
    {
      schema: {
        tags: ['accounts'],
        summary: 'One officer account / Thông tin tài khoản cán bộ',
        params: UserIdParamsSchema,
        response: { 200: AdminUserSchema, ...guarded },
      },
      config: { access: { action: 'user.read' } },
    },
    async (request) => getVisibleOfficer(db, me(request), request.params.id),
  );

  app.patch(
    '/api/v1/admin/users/:id',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Update an officer account / Cập nhật tài khoản cán bộ',
        params: UserIdParamsSchema,
        body: UpdateUserBodySchema,
        response: { 200: AdminUserSchema, ...guarded },
      },
      config: manage,
    },
    async (request) => updateOfficer(db, me(request), request.params.id, request.body, actorOf(request)),
  );

  app.put(
    '/api/v1/admin/users/:id/roles',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Set the roles of an officer, each with its scope / Phân quyền theo chức năng và phạm vi',
        params: UserIdParamsSchema,
        body: RolesBodySchema,
        response: { 200: AdminUserSchema, 409: ErrorResponseSchema, ...guarded },
      },
      config: { access: { action: 'role.grant' } },
    },
    async (request) => replaceRoles(db, me(request), request.params.id, request.body.roles, actorOf(request)),
  );

  app.post(
    '/api/v1/admin/users/:id/lock',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Lock an officer account (ends its sessions) / Khóa tài khoản',
        params: UserIdParamsSchema,
        body: ReasonBodySchema,
        response: { 200: AdminUserSchema, 409: ErrorResponseSchema, ...guarded },
      },
      config: manage,
    },
    async (request) =>
      lockOfficer(db, me(request), request.params.id, request.body?.reason ?? null, actorOf(request)),
  );

  app.post(
    '/api/v1/admin/users/:id/unlock',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Unlock or re-enable an officer account / Mở khóa tài khoản',
        params: UserIdParamsSchema,
        body: ReasonBodySchema,
        response: { 200: AdminUserSchema, ...guarded },
      },
      config: manage,
    },
    async (request) =>
      unlockOfficer(db, me(request), request.params.id, request.body?.reason ?? null, actorOf(request)),
  );

  app.post(
    '/api/v1/admin/users/:id/reset-password',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Reset the password (must be changed at next sign-in) / Cấp lại mật khẩu',
        params: UserIdParamsSchema,
        response: { 200: TemporaryPasswordSchema, ...guarded },
      },
      config: manage,
    },
    async (request) => resetOfficerPassword(db, me(request), request.params.id, actorOf(request)),
  );

  app.post(
    '/api/v1/admin/users/:id/reset-totp',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Reset the second factor (lost phone) / Thiết lập lại xác thực hai lớp',
        params: UserIdParamsSchema,
        response: { 200: AdminUserSchema, ...guarded },
      },
      config: manage,
    },
    async (request) => resetOfficerTotp(db, me(request), request.params.id, actorOf(request)),
  );
}
