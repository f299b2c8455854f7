import { type Static, Type } from '@sinclair/typebox';
import { ACTIONS, type Action } from '../../domain/access/policy.ts';
import { StrictObject } from '../../platform/http/schema.ts';
import { PASSWORD_MAX_LENGTH } from './password.ts';

export const LoginBodySchema = StrictObject({
  username: Type.String({
    minLength: 1,
    maxLength: 254,
    description: 'Officer username, or a citizen’s phone number or e-mail address',
  }),
  password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }),
});

const ActionSchema = Type.Unsafe<Action>(
  Type.String({ enum: [...ACTIONS], description: 'An action of the authorisation policy' }),
);

export const GrantSchema = Type.Object({
  role: Type.String(),
  scopeId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()], {
    description: 'The agency or unit the role is granted on (with its units); null = the whole province',
  }),
});

export const UserSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  username: Type.String(),
  fullName: Type.String(),
  kind: Type.Union([Type.Literal('officer'), Type.Literal('citizen'), Type.Literal('organisation')]),
  roles: Type.Array(Type.String()),
  grants: Type.Array(GrantSchema),
  permissions: Type.Array(ActionSchema, {
    description:
      'Actions the user may perform somewhere (the UI shows only these); scopes are checked by the server',
  }),
  unitId: Type.Union([Type.String(), Type.Null()]),
  isDemo: Type.Boolean(),
  totpEnabled: Type.Boolean(),
});

export const LoginResponseSchema = Type.Object({
  user: UserSchema,
  mustChangePassword: Type.Boolean(),
  restriction: Type.Union([Type.Literal('password_change'), Type.Literal('totp_enrolment'), Type.Null()], {
    description: 'What must be done before anything else: change the password, or enrol the second factor',
  }),
  secondFactorRequired: Type.Boolean({
    description: 'True: the password was right; send the TOTP code to /api/v1/auth/login/totp to finish',
  }),
  idleTimeoutSeconds: Type.Integer({ description: 'The session ends after this long without a request' }),
  assurance: Type.Union([Type.Literal('password'), Type.Literal('password+totp'), Type.Literal('oidc')], {
    description: 'How the session was authenticated (identity assurance of the sign-in)',
  }),
  identityLevel: Type.Union([Type.String(), Type.Null()], {
    description:
      'Single sign-on only: the assurance level the identity provider reported (acr), e.g. vneid:level2',
  }),
});
export const MeResponseSchema = LoginResponseSchema;
export type LoginResponse = Static<typeof LoginResponseSchema>;

export const TotpCodeBodySchema = StrictObject({
  code: Type.String({ pattern: '^[0-9]{6}$', description: 'The 6-digit code of the authenticator app' }),
});

export const ChangePasswordBodySchema = StrictObject({
  currentPassword: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }),
  newPassword: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }),
});

export const TotpEnrolmentSchema = Type.Object({
  secret: Type.String({
    description: 'Base32 secret, to type into the app when the QR code cannot be scanned',
  }),
  uri: Type.String({ description: 'otpauth:// URI (the QR code content)' }),
});
