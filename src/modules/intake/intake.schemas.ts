// Shapes of the intake API beside the dossier core: server-side submission drafts (resumable on
// another device) and the register of declared outages that back-entry (R16) refers to.
import { type Static, Type } from '@sinclair/typebox';
import { StrictObject } from '../../platform/http/schema.ts';

const DraftDataSchema = Type.Record(Type.String({ maxLength: 60 }), Type.Unknown(), {
  description: 'The wizard state as the portal keeps it (form data, file ids, delivery, step)',
});

export const CreateDraftSchema = StrictObject({
  procedureId: Type.String({ minLength: 1, maxLength: 60, description: 'Procedure id or code' }),
  data: DraftDataSchema,
});
export type CreateDraftBody = Static<typeof CreateDraftSchema>;

export const UpdateDraftSchema = StrictObject({
  data: DraftDataSchema,
  expectedUpdatedAt: Type.Optional(
    Type.String({ format: 'date-time', description: 'Refuse (409) when another device saved since' }),
  ),
});
export type UpdateDraftBody = Static<typeof UpdateDraftSchema>;

export const DraftSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  procedureId: Type.String({ format: 'uuid' }),
  procedureName: Type.String(),
  data: Type.Record(Type.String(), Type.Unknown()),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type Draft = Static<typeof DraftSchema>;

export const DraftListSchema = Type.Object({ items: Type.Array(DraftSchema) });

export const IdParamsSchema = StrictObject({ id: Type.String({ format: 'uuid' }) });

export const CreateOutageSchema = StrictObject({
  startsAt: Type.String({ format: 'date-time' }),
  endsAt: Type.String({ format: 'date-time' }),
  reason: Type.String({ minLength: 3, maxLength: 1000 }),
  reference: Type.String({ minLength: 2, maxLength: 100, pattern: '^[A-Za-z0-9][A-Za-z0-9._/-]*$' }),
});
export type CreateOutageBody = Static<typeof CreateOutageSchema>;

export const OutageSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  startsAt: Type.String({ format: 'date-time' }),
  endsAt: Type.String({ format: 'date-time' }),
  reason: Type.String(),
  reference: Type.String(),
  declaredBy: Type.String(),
  declaredAt: Type.String({ format: 'date-time' }),
  dossierCount: Type.Integer({ description: 'Dossiers back-entered against this outage' }),
});
export type Outage = Static<typeof OutageSchema>;

export const OutageListSchema = Type.Object({ items: Type.Array(OutageSchema) });
