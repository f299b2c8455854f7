// The dossier API (issue 6 contracts). Only HTTP here: schemas, access declarations, and one call
// into the service per route.
import { Type } from '@sinclair/typebox';
import type { App } from '../../platform/http/app.ts';
import { errorsFor, standardErrorResponses } from '../../platform/http/schema.ts';
import { actorOf, signedInUser } from '../auth/actor.ts';
import { findActiveUser } from '../auth/auth.repository.ts';
import { addFileAccessRule } from '../files/files.service.ts';
import { signResultAtApproval } from '../signatures/signed-result.ts';
import { actionLabel } from './action-labels.ts';
import {
  ActionBodySchema,
  AvailableActionSchema,
  CreateDossierSchema,
  DossierDetailSchema,
  DossierIdParamsSchema,
  DossierListQuerySchema,
  DossierListSchema,
  HistoryEntrySchema,
  HistoryQuerySchema,
} from './dossier.schemas.ts';
import {
  actOnDossier,
  dossierDetail,
  dossierHistory,
  listDossiers,
  loadForUser,
  submitDossier,
} from './dossier.service.ts';
import { canReadDossier } from './dossier-access.ts';
import { dossierDeps } from './dossier-context.ts';
import { actionsFor } from './use-cases/perform-action.ts';

const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({ maxLength: 128, description: 'Retries with the same key return the first answer' }),
  ),
});

export async function dossierRoutes(app: App): Promise<void> {
  const deps = () =>
    dossierDeps({
      db: app.deps.database.db,
      jobs: app.deps.jobs,
      notify: { publicUrl: app.deps.config.publicUrl, config: app.deps.config.notifications },
      signResult: (trx, dossier, historyId, fileId) =>
        signResultAtApproval(
          trx,
          { blobs: app.deps.blobs, signing: app.deps.signing },
          dossier,
          historyId,
          fileId,
        ),
    });
  // Officers who may read a dossier may open its files (the applicant owns them anyway).
  addFileAccessRule('dossier-officers', async (db, userId, fileId) => {
    const user = await findActiveUser(db, userId);
    if (user?.kind !== 'officer') {
      return false;
    }
    const dossiers = await db
      .selectFrom('dossierFiles as df')
      .innerJoin('dossiers as d', 'd.id', 'df.dossierId')
      .selectAll('d')
      .where('df.fileId', '=', fileId)
      .execute();
    for (const dossier of dossiers) {
      if (await canReadDossier(db, user, dossier)) {
        return true;
      }
    }
    return false;
  });

  app.post(
    '/api/v1/dossiers',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Submit online (citizen) or receive at the desk (officer) / Nộp hoặc tiếp nhận hồ sơ',
        headers: IdempotencyHeaders,
        body: CreateDossierSchema,
        response: {
          201: DossierDetailSchema,
          ...errorsFor(401, 403, 404, 409, 413, 415, 422),
          ...standardErrorResponses,
        },
      },
      config: { access: 'self', rateLimit: { max: 60 } },
    },
    async (request, reply) => {
      const user = signedInUser(request);
      const answer = await submitDossier(
        deps(),
        user,
        actorOf(request),
        request.body,
        request.headers['idempotency-key'],
      );
      const dossier = await loadForUser(app.deps.database.db, user, answer.body.id);
      return reply.status(201).send(await dossierDetail(deps(), dossier));
    },
  );

  app.get(
    '/api/v1/dossiers',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Work lists and my dossiers / Danh sách hồ sơ theo hàng đợi',
        querystring: DossierListQuerySchema,
        response: { 200: DossierListSchema, ...errorsFor(401, 403), ...standardErrorResponses },
      },
      config: { access: 'self' },
    },
    async (request) => listDossiers(deps(), signedInUser(request), request.query),
  );

  app.get(
    '/api/v1/dossiers/:id',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'One dossier / Chi tiết hồ sơ',
        params: DossierIdParamsSchema,
        response: { 200: DossierDetailSchema, ...errorsFor(401, 403, 404), ...standardErrorResponses },
      },
      config: { access: 'self' },
    },
    async (request) =>
      dossierDetail(
        deps(),
        await loadForUser(app.deps.database.db, signedInUser(request), request.params.id),
      ),
  );

  app.get(
    '/api/v1/dossiers/:id/history',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'The history of a dossier, paged / Quá trình xử lý hồ sơ',
        params: DossierIdParamsSchema,
        querystring: HistoryQuerySchema,
        response: {
          200: Type.Object({
            items: Type.Array(HistoryEntrySchema),
            total: Type.Integer(),
            page: Type.Integer(),
            pageSize: Type.Integer(),
          }),
          ...errorsFor(401, 403, 404),
          ...standardErrorResponses,
        },
      },
      config: { access: 'self' },
    },
    async (request) => {
      const dossier = await loadForUser(app.deps.database.db, signedInUser(request), request.params.id);
      return dossierHistory(deps(), dossier, request.query.page ?? 1, request.query.pageSize ?? 50);
    },
  );

  app.get(
    '/api/v1/dossiers/:id/actions',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'The actions the caller may take now / Các thao tác được phép',
        params: DossierIdParamsSchema,
        response: {
          200: Type.Array(AvailableActionSchema),
          ...errorsFor(401, 403, 404),
          ...standardErrorResponses,
        },
      },
      config: { access: 'self' },
    },
    async (request) => {
      const user = signedInUser(request);
      const dossier = await loadForUser(app.deps.database.db, user, request.params.id);
      const rules = await actionsFor(app.deps.database.db, user, dossier);
      return rules.map((rule) => ({
        action: rule.action,
        needs: [...rule.needs],
        to: rule.to,
        label: actionLabel(rule.action),
      }));
    },
  );

  app.post(
    '/api/v1/dossiers/:id/actions',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Take an action on a dossier / Thực hiện thao tác trên hồ sơ',
        params: DossierIdParamsSchema,
        headers: IdempotencyHeaders,
        body: ActionBodySchema,
        response: {
          200: DossierDetailSchema,
          ...errorsFor(401, 403, 404, 409, 422),
          ...standardErrorResponses,
        },
      },
      config: { access: 'self' },
    },
    async (request) => {
      const user = signedInUser(request);
      await actOnDossier(
        deps(),
        user,
        actorOf(request),
        request.params.id,
        request.body,
        request.headers['idempotency-key'],
      );
      return dossierDetail(deps(), await loadForUser(app.deps.database.db, user, request.params.id));
    },
  );
}
