import { Type } from '@sinclair/typebox';
import { StrictObject } from '../../platform/http/schema.ts';
import { PASSWORD_MAX_LENGTH } from './password.ts';

export const LoginBodySchema = StrictObject({
  username: Type.String({ minLength: 1, maxLength: 64 }),
  password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }),
});

export const UserSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  username: Type.String(),
  fullName: Type.String(),
  roles: Type.Array(Type.String()),
  unitId: Type.Union([Type.String(), Type.Null()]),
});

export const LoginResponseSchema = Type.Object({ user: UserSchema, mustChangePassword: Type.Boolean() });
export const MeResponseSchema = LoginResponseSchema;
