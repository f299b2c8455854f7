// Process administration (R21): procedure-control focal points list, draft, edit and publish the
// versions of each procedure's internal process. Only HTTP here; the rules are in processes.service.ts.
import { Type } from '@sinclair/typebox';
import type { App } from '../../platform/http/app.ts';
import { errorsFor, StrictObject, standardErrorResponses } from '../../platform/http/schema.ts';
import { signedInOfficer } from '../auth/actor.ts';
import { processStepSchema } from '../catalogue/procedure-pack.schemas.ts';
import type { StoredStep } from './process.repository.ts';
import {
  createDraft,
  getProcessVersion,
  listProcesses,
  publishVersion,
  updateDraft,
} from './processes.service.ts';

const Uuid = Type.String({ format: 'uuid' });

const StepSchema = processStepSchema(
  { agencyId: Uuid },
  { officerIds: Type.Optional(Type.Array(Uuid, { maxItems: 50, uniqueItems: true })) },
);
const StepsSchema = Type.Array(StepSchema, { minItems: 1, maxItems: 30 });

export async function processAdminRoutes(app: App): Promise<void> {
  app.get(
    '/api/v1/processes',
    {
      schema: {
        tags: ['processes'],
        summary: 'Process versions of procedures / Quy trình nội bộ (R21)',
        querystring: StrictObject({ procedureId: Type.Optional(Uuid) }),
        response: { 200: Type.Array(Type.Unknown()), ...errorsFor(401, 403), ...standardErrorResponses },
      },
      config: { access: { action: 'procedure.manage' } },
    },
    async (request) => listProcesses(app.deps.database.db, request.query.procedureId),
  );

  app.get(
    '/api/v1/process-versions/:id',
    {
      schema: {
        tags: ['processes'],
        summary: 'One process version with its check and totals / Chi tiết quy trình',
        params: StrictObject({ id: Uuid }),
        response: { 200: Type.Unknown(), ...errorsFor(401, 403, 404), ...standardErrorResponses },
      },
      config: { access: { action: 'procedure.manage' } },
    },
    async (request) => getProcessVersion(app.deps.database.db, request.params.id),
  );

  app.post(
    '/api/v1/processes',
    {
      schema: {
        tags: ['processes'],
        summary: 'A new draft process version / Tạo bản nháp quy trình',
        body: StrictObject({ procedureId: Uuid, agencyId: Type.Optional(Uuid), steps: StepsSchema }),
        response: { 201: Type.Unknown(), ...errorsFor(401, 403, 404, 422), ...standardErrorResponses },
      },
      config: { access: { action: 'procedure.manage' } },
    },
    async (request, reply) => {
      const user = signedInOfficer(request);
      const id = await createDraft(app.deps.database.db, {
        procedureId: request.body.procedureId,
        agencyId: request.body.agencyId ?? null,
        steps: request.body.steps as StoredStep[],
        userId: user.id,
      });
      return reply.status(201).send(await getProcessVersion(app.deps.database.db, id));
    },
  );

  app.put(
    '/api/v1/process-versions/:id',
    {
      schema: {
        tags: ['processes'],
        summary: 'Edit a draft process version / Sửa bản nháp quy trình',
        params: StrictObject({ id: Uuid }),
        body: StrictObject({ steps: StepsSchema }),
        response: { 200: Type.Unknown(), ...errorsFor(401, 403, 404, 409, 422), ...standardErrorResponses },
      },
      config: { access: { action: 'procedure.manage' } },
    },
    async (request) => {
      signedInOfficer(request);
      await updateDraft(app.deps.database.db, request.params.id, request.body.steps as StoredStep[]);
      return getProcessVersion(app.deps.database.db, request.params.id);
    },
  );

  app.post(
    '/api/v1/process-versions/:id/publish',
    {
      schema: {
        tags: ['processes'],
        summary: 'Publish with the approving decision / Công bố quy trình theo quyết định phê duyệt',
        params: StrictObject({ id: Uuid }),
        body: StrictObject({
          decisionRef: Type.String({ minLength: 2, maxLength: 200 }),
          decisionDate: Type.String({ format: 'date' }),
        }),
        response: { 200: Type.Unknown(), ...errorsFor(401, 403, 404, 409, 422), ...standardErrorResponses },
      },
      config: { access: { action: 'procedure.manage' } },
    },
    async (request) => {
      const user = signedInOfficer(request);
      await publishVersion(app.deps.database.db, request.params.id, { ...request.body, userId: user.id });
      return getProcessVersion(app.deps.database.db, request.params.id);
    },
  );
}
