import { type Static, Type } from '@sinclair/typebox';
import { LocalizedTextSchema, StrictObject } from '../../platform/http/schema.ts';

const Name = StrictObject({
  vi: Type.String({ minLength: 1, maxLength: 200 }),
  en: Type.String({ minLength: 1, maxLength: 200 }),
});

/** What an administrator sets: the deployment's own identity is data, never code. */
export const SiteSettingsSchema = StrictObject({
  name: Name,
  provinceName: Name,
  hotline: Type.Union([Type.String({ pattern: '^[0-9 +().-]{3,20}$' }), Type.Null()]),
  email: Type.Union([Type.String({ format: 'email', maxLength: 200 }), Type.Null()]),
});
export type SiteSettings = Static<typeof SiteSettingsSchema>;

export const SiteInfoSchema = Type.Object({
  name: LocalizedTextSchema,
  provinceName: LocalizedTextSchema,
  hotline: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  demo: Type.Boolean({ description: 'True when the deployment runs on demo data' }),
  demoAccounts: Type.Array(
    Type.Object({
      username: Type.String(),
      fullName: Type.String(),
      kind: Type.Union([Type.Literal('officer'), Type.Literal('citizen'), Type.Literal('organisation')]),
      roles: Type.Array(Type.String()),
    }),
    {
      description: 'Demo mode only: the published demo accounts, for the sign-in pages',
    },
  ),
  demoPassword: Type.Union([Type.String(), Type.Null()], {
    description: 'Demo mode only: the shared password of the demo accounts',
  }),
  version: Type.String(),
});
export type SiteInfo = Static<typeof SiteInfoSchema>;
