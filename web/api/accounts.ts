// Calls of the accounts work (issue 4): sign-in steps, my account, officer administration, the
// agency tree and sectors, citizen accounts. Types come from the server's schemas.
import type { Static } from '@sinclair/typebox';
import type {
  AdminUser,
  AdminUserListSchema,
  CreatedUserSchema,
  CreateUserBody,
  UpdateUserBody,
} from '../../src/modules/accounts/admin-users.schemas.ts';
import type { LoginResponse, TotpEnrolmentSchema } from '../../src/modules/auth/auth.schemas.ts';
import type {
  CitizenListSchema,
  CodeSentSchema,
  OutboxListSchema,
  Profile,
  RegisterBody,
  UpdateProfileBody,
} from '../../src/modules/citizens/citizens.schemas.ts';
import type { Agency, Sector } from '../../src/modules/organisation/organisation.schemas.ts';
import type {
  AdminSectorListSchema,
  AdminSectorSchema,
  AgencyTransfer,
  CloseAgencyResultSchema,
  CreateAgencyBody,
  CreateSectorBody,
  UpdateAgencyBody,
  UpdateSectorBody,
} from '../../src/modules/organisation/organisation-admin.schemas.ts';
import { request } from './client.ts';

export type { AdminUser, Agency, LoginResponse, Profile, Sector };
export type AdminSector = Static<typeof AdminSectorSchema>;
export type CodeSent = Static<typeof CodeSentSchema>;
export type OutboxItem = Static<typeof OutboxListSchema>['items'][number];
export type CitizenSummary = Static<typeof CitizenListSchema>['items'][number];
export type Grant = { role: string; scopeId: string | null };

const q = (params: Record<string, string | number | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') {
      search.set(key, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
};

export const accountsApi = {
  loginTotp: (code: string) => request<LoginResponse>('POST', '/api/v1/auth/login/totp', { code }),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<LoginResponse>('POST', '/api/v1/auth/password', { currentPassword, newPassword }),
  totpEnrol: () => request<Static<typeof TotpEnrolmentSchema>>('POST', '/api/v1/auth/totp/enrol'),
  totpConfirm: (code: string) => request<LoginResponse>('POST', '/api/v1/auth/totp/confirm', { code }),

  users: (params: { q?: string; status?: string; page?: number }) =>
    request<Static<typeof AdminUserListSchema>>(
      'GET',
      `/api/v1/admin/users${q({ ...params, pageSize: 50 })}`,
    ),
  user: (id: string) => request<AdminUser>('GET', `/api/v1/admin/users/${id}`),
  suggestUsername: (fullName: string, unitId: string) =>
    request<{ username: string }>('GET', `/api/v1/admin/users/username-suggestion${q({ fullName, unitId })}`),
  createUser: (body: CreateUserBody) =>
    request<Static<typeof CreatedUserSchema>>('POST', '/api/v1/admin/users', body),
  updateUser: (id: string, body: UpdateUserBody) =>
    request<AdminUser>('PATCH', `/api/v1/admin/users/${id}`, body),
  setRoles: (id: string, roles: Grant[]) =>
    request<AdminUser>('PUT', `/api/v1/admin/users/${id}/roles`, { roles }),
  lockUser: (id: string, reason: string) =>
    request<AdminUser>('POST', `/api/v1/admin/users/${id}/lock`, reason ? { reason } : {}),
  unlockUser: (id: string) => request<AdminUser>('POST', `/api/v1/admin/users/${id}/unlock`, {}),
  resetPassword: (id: string) =>
    request<{ temporaryPassword: string }>('POST', `/api/v1/admin/users/${id}/reset-password`),
  resetTotp: (id: string) => request<AdminUser>('POST', `/api/v1/admin/users/${id}/reset-totp`),

  agencies: (includeFormer = false) =>
    request<{ items: Agency[] }>('GET', `/api/v1/agencies${includeFormer ? '?includeFormer=true' : ''}`),
  createAgency: (body: CreateAgencyBody) => request<Agency>('POST', '/api/v1/admin/agencies', body),
  updateAgency: (id: string, body: UpdateAgencyBody) =>
    request<Agency>('PATCH', `/api/v1/admin/agencies/${id}`, body),
  closeAgency: (id: string, validTo: string, successorId: string | null) =>
    request<Static<typeof CloseAgencyResultSchema>>('POST', `/api/v1/admin/agencies/${id}/close`, {
      validTo,
      successorId,
    }),
  exportAgencies: () => request<AgencyTransfer>('GET', '/api/v1/admin/agencies/export'),
  importAgencies: (file: AgencyTransfer) =>
    request<{ created: number; updated: number }>('POST', '/api/v1/admin/agencies/import', file),
  sectors: () => request<Static<typeof AdminSectorListSchema>>('GET', '/api/v1/admin/sectors'),
  createSector: (body: CreateSectorBody) => request<AdminSector>('POST', '/api/v1/admin/sectors', body),
  updateSector: (id: string, body: UpdateSectorBody) =>
    request<AdminSector>('PATCH', `/api/v1/admin/sectors/${id}`, body),
  outbox: () => request<Static<typeof OutboxListSchema>>('GET', '/api/v1/admin/outbox'),
  searchCitizens: (text: string) =>
    request<Static<typeof CitizenListSchema>>('GET', `/api/v1/admin/citizens${q({ q: text })}`),
  citizen: (id: string) => request<Profile>('GET', `/api/v1/admin/citizens/${id}`),

  register: (body: RegisterBody) => request<CodeSent>('POST', '/api/v1/accounts/register', body),
  verify: (username: string, code: string) =>
    request<{ ok: true }>('POST', '/api/v1/accounts/verify', { username, code }),
  resendCode: (username: string) => request<CodeSent>('POST', '/api/v1/accounts/verify/resend', { username }),
  requestReset: (username: string) =>
    request<CodeSent>('POST', '/api/v1/accounts/password-reset', { username }),
  confirmReset: (username: string, code: string, newPassword: string) =>
    request<{ ok: true }>('POST', '/api/v1/accounts/password-reset/confirm', { username, code, newPassword }),
  profile: () => request<Profile>('GET', '/api/v1/accounts/me/profile'),
  sso: () => request<{ enabled: boolean; simulated: boolean }>('GET', '/api/v1/auth/oidc'),
  updateProfile: (body: UpdateProfileBody) => request<Profile>('PUT', '/api/v1/accounts/me/profile', body),
};
