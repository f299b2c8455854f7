// Intake routes beside the dossier core: submission drafts (owner only) and the outage register
// (desk officers). HTTP only; the work is in intake.service.ts.
import type { App } from '../../platform/http/app.ts';
import { errorsFor, standardErrorResponses } from '../../platform/http/schema.ts';
import { actorOf, signedInUser } from '../auth/actor.ts';
import {
  CreateDraftSchema,
  CreateOutageSchema,
  DraftListSchema,
  DraftSchema,
  IdParamsSchema,
  OutageListSchema,
  OutageSchema,
  UpdateDraftSchema,
} from './intake.schemas.ts';
import {
  createDraft,
  declareOutage,
  deleteDraft,
  getDraft,
  listDrafts,
  listOutages,
  updateDraft,
} from './intake.service.ts';

export async function intakeRoutes(app: App): Promise<void> {
  const db = app.deps.database.db;

  app.get(
    '/api/v1/dossier-drafts',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'My submission drafts / Hồ sơ nháp của tôi',
        response: { 200: DraftListSchema, ...errorsFor(401), ...standardErrorResponses },
      },
      config: { access: 'self' },
    },
    async (request) => listDrafts(db, signedInUser(request)),
  );

  app.post(
    '/api/v1/dossier-drafts',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Save a new submission draft / Lưu nháp hồ sơ',
        body: CreateDraftSchema,
        response: { 201: DraftSchema, ...errorsFor(401, 404, 409, 413), ...standardErrorResponses },
      },
      config: { access: 'self', rateLimit: { max: 60 } },
    },
    async (request, reply) =>
      reply.status(201).send(await createDraft(db, signedInUser(request), request.body)),
  );

  app.get(
    '/api/v1/dossier-drafts/:id',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Resume a draft / Mở lại bản nháp',
        params: IdParamsSchema,
        response: { 200: DraftSchema, ...errorsFor(401, 404), ...standardErrorResponses },
      },
      config: { access: 'self' },
    },
    async (request) => getDraft(db, signedInUser(request), request.params.id),
  );

  app.put(
    '/api/v1/dossier-drafts/:id',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Save a draft again / Cập nhật bản nháp',
        params: IdParamsSchema,
        body: UpdateDraftSchema,
        response: { 200: DraftSchema, ...errorsFor(401, 404, 409, 413), ...standardErrorResponses },
      },
      config: { access: 'self', rateLimit: { max: 120 } },
    },
    async (request) => updateDraft(db, signedInUser(request), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/dossier-drafts/:id',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Delete a draft / Xoá bản nháp',
        params: IdParamsSchema,
        response: { 204: { type: 'null' }, ...errorsFor(401, 404), ...standardErrorResponses },
      },
      config: { access: 'self' },
    },
    async (request, reply) => {
      await deleteDraft(db, signedInUser(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/outages',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Declared outages (R16) / Sự cố hệ thống đã khai báo',
        response: { 200: OutageListSchema, ...errorsFor(401, 403), ...standardErrorResponses },
      },
      config: { access: { action: 'dossier.receive' } },
    },
    async () => listOutages(db),
  );

  app.post(
    '/api/v1/outages',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Declare an outage for back-entry (R16) / Khai báo sự cố để nhập bù hồ sơ',
        body: CreateOutageSchema,
        response: { 201: OutageSchema, ...errorsFor(401, 403, 409, 422), ...standardErrorResponses },
      },
      config: { access: { action: 'dossier.receive' } },
    },
    async (request, reply) =>
      reply.status(201).send(await declareOutage(db, signedInUser(request), actorOf(request), request.body)),
  );
}
