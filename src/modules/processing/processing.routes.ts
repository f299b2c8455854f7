// Processing API (issue 7): batch actions (R23), worklists and their counts (R36), the step ledger
// with due times and colours (R35), the officers who can take the next step, the paper-received
// mark (R25). Process administration (R21) is in process-admin.routes.ts. Only HTTP here.
import { Type } from '@sinclair/typebox';
import { classifyDossier } from '../../domain/processing/timeliness.ts';
import type { App } from '../../platform/http/app.ts';
import { AppError } from '../../platform/http/errors.ts';
import { errorsFor, StrictObject, standardErrorResponses } from '../../platform/http/schema.ts';
import { actorOf, signedInOfficer } from '../auth/actor.ts';
import { processStepSchema } from '../catalogue/procedure-pack.schemas.ts';
import { ActionBodySchema, DossierIdParamsSchema } from '../dossiers/dossier.schemas.ts';
import { actOnDossier, loadForUser } from '../dossiers/dossier.service.ts';
import { calendarOf, dossierDeps } from '../dossiers/dossier-context.ts';
import { iso } from '../dossiers/dossier-view.ts';
import { signResultAtApproval } from '../signatures/signed-result.ts';
import { candidatesFor, findProcessVersion, listSteps, publishedProcessFor } from './process.repository.ts';
import { processingErrors } from './processing.errors.ts';
import { registerProcessingHandlers } from './processing-handlers.ts';
import { remindersOf } from './warnings.job.ts';
import { stepWarningOf, WORKLISTS, worklist, worklistCounts } from './worklists.service.ts';

registerProcessingHandlers();

const Uuid = Type.String({ format: 'uuid' });

const StepSchema = processStepSchema(
  { agencyId: Uuid },
  { officerIds: Type.Optional(Type.Array(Uuid, { maxItems: 50, uniqueItems: true })) },
);
const _StepsSchema = Type.Array(StepSchema, { minItems: 1, maxItems: 30 });

const BatchSchema = Type.Composite([
  Type.Omit(ActionBodySchema, ['expectedVersion']),
  Type.Object({ ids: Type.Array(Uuid, { minItems: 1, maxItems: 200, uniqueItems: true }) }),
]);

export async function processingRoutes(app: App): Promise<void> {
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

  app.post(
    '/api/v1/dossiers/actions/batch',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'One action on several dossiers, each in its own transaction / Xử lý hàng loạt (R23)',
        body: BatchSchema,
        response: {
          200: Type.Object({
            results: Type.Array(
              Type.Object({
                id: Uuid,
                ok: Type.Boolean(),
                status: Type.Optional(Type.Integer()),
                error: Type.Optional(Type.Object({ code: Type.String(), message: Type.Unknown() })),
              }),
            ),
            succeeded: Type.Integer(),
            failed: Type.Integer(),
          }),
          ...errorsFor(401, 403),
          ...standardErrorResponses,
        },
      },
      config: { access: 'self' },
    },
    async (request) => {
      const user = signedInOfficer(request);
      const { ids, ...body } = request.body;
      const results = [];
      for (const id of ids) {
        try {
          await actOnDossier(deps(), user, actorOf(request), id, body, undefined);
          const after = await loadForUser(app.deps.database.db, user, id);
          results.push({ id, ok: true, status: after.status });
        } catch (error) {
          if (error instanceof AppError) {
            results.push({ id, ok: false, error: { code: error.code, message: error.localized } });
          } else {
            request.log.error({ err: error, id }, 'batch action failed');
            results.push({
              id,
              ok: false,
              error: { code: 'INTERNAL', message: { vi: 'Lỗi hệ thống.', en: 'Internal error.' } },
            });
          }
        }
      }
      const succeeded = results.filter((r) => r.ok).length;
      return { results, succeeded, failed: results.length - succeeded };
    },
  );

  app.get(
    '/api/v1/worklists/counts',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Counts per work list / Số hồ sơ theo hàng đợi (R36)',
        response: {
          200: Type.Object(Object.fromEntries(WORKLISTS.map((l) => [l, Type.Integer()]))),
          ...errorsFor(401, 403),
          ...standardErrorResponses,
        },
      },
      config: { access: { action: 'dossier.read' } },
    },
    async (request) => worklistCounts(deps(), signedInOfficer(request)),
  );

  app.get(
    '/api/v1/worklists/:list',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'A work list with colour warnings / Danh sách hồ sơ cần xử lý (R36)',
        params: StrictObject({ list: Type.Union(WORKLISTS.map((l) => Type.Literal(l))) }),
        querystring: StrictObject({
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
          pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
          q: Type.Optional(Type.String({ maxLength: 100, description: 'Dossier code or applicant name' })),
        }),
        response: { 200: Type.Unknown(), ...errorsFor(401, 403), ...standardErrorResponses },
      },
      config: { access: { action: 'dossier.read' } },
    },
    async (request) =>
      worklist(deps(), signedInOfficer(request), {
        list: request.params.list,
        ...(request.query.page ? { page: request.query.page } : {}),
        ...(request.query.pageSize ? { pageSize: request.query.pageSize } : {}),
        ...(request.query.q ? { q: request.query.q } : {}),
      }),
  );

  app.get(
    '/api/v1/dossiers/:id/steps',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'The step ledger with due times and colours / Quá trình xử lý theo bước (R35)',
        params: DossierIdParamsSchema,
        response: { 200: Type.Unknown(), ...errorsFor(401, 403, 404), ...standardErrorResponses },
      },
      config: { access: 'self' },
    },
    async (request) => {
      const user = signedInOfficer(request);
      const dossier = await loadForUser(app.deps.database.db, user, request.params.id);
      const db = app.deps.database.db;
      const version = dossier.processVersionId
        ? await findProcessVersion(db, dossier.processVersionId)
        : undefined;
      const calendar = await calendarOf(db, dossier).catch(() => null);
      const now = deps().now();
      const rows = await listSteps(db, dossier.id);
      const finished = dossier.resultAt ?? null;
      const timeliness =
        finished && dossier.dueAt
          ? classifyDossier({
              finishedAt: new Date(finished).getTime(),
              dueAt: new Date(dossier.dueAt).getTime(),
              apologised: dossier.apologyCount > 0,
              granularity: 'localDate',
            })
          : null;
      return {
        processVersionId: dossier.processVersionId,
        steps: (version?.steps ?? []).map((s) => ({ key: s.key, name: s.name, signature: s.signature })),
        ledger: rows.map((row) => ({
          seq: row.seq,
          stepKey: row.stepKey,
          stepName: version?.steps[row.stepIndex]?.name ?? { vi: row.stepKey, en: row.stepKey },
          holderName: row.holderName,
          unitName: row.unitName,
          arrivedAt: iso(row.arrivedAt),
          dueAt: iso(row.dueAt),
          completedAt: iso(row.completedAt),
          completedAction: row.completedAction,
          paperReceivedAt: iso(row.paperReceivedAt),
          warning: row.completedAt
            ? row.dueAt && new Date(row.completedAt) > new Date(row.dueAt)
              ? 'overdue'
              : 'normal'
            : (stepWarningOf({ status: dossier.status, stepDueAt: row.dueAt }, calendar, now) ?? 'normal'),
        })),
        apologised: dossier.apologyCount > 0,
        timeliness: timeliness?.ok ? timeliness.value : null,
      };
    },
  );

  app.get(
    '/api/v1/dossiers/:id/assignees',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Officers who can take the next step / Cán bộ nhận bước tiếp theo',
        params: DossierIdParamsSchema,
        response: {
          200: Type.Array(Type.Object({ id: Uuid, fullName: Type.String(), username: Type.String() })),
          ...errorsFor(401, 403, 404),
          ...standardErrorResponses,
        },
      },
      config: { access: 'self' },
    },
    async (request) => {
      const user = signedInOfficer(request);
      const db = app.deps.database.db;
      const dossier = await loadForUser(db, user, request.params.id);
      const version = dossier.processVersionId
        ? await findProcessVersion(db, dossier.processVersionId)
        : await publishedProcessFor(db, dossier.procedureId, dossier.handlingAgencyId);
      const steps = version?.steps ?? [];
      const index = Math.max(
        0,
        steps.findIndex((s) => s.key === dossier.currentStepKey),
      );
      const next = steps[index + 1];
      if (!next) {
        return [];
      }
      const candidates = await candidatesFor(db, next, dossier);
      return candidates.map(({ id, fullName, username }) => ({ id, fullName, username }));
    },
  );

  app.get(
    '/api/v1/dossiers/:id/colleagues',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Colleagues of the holder’s unit who can take a hand-over / Cán bộ cùng đơn vị (R22)',
        params: DossierIdParamsSchema,
        response: {
          200: Type.Array(Type.Object({ id: Uuid, fullName: Type.String(), username: Type.String() })),
          ...errorsFor(401, 403, 404),
          ...standardErrorResponses,
        },
      },
      config: { access: 'self' },
    },
    async (request) => {
      const user = signedInOfficer(request);
      const db = app.deps.database.db;
      const dossier = await loadForUser(db, user, request.params.id);
      if (dossier.currentAssigneeId !== user.id || !user.unitId) {
        return [];
      }
      return db
        .selectFrom('users')
        .select(['id', 'fullName', 'username'])
        .where('kind', '=', 'officer')
        .where('status', '=', 'active')
        .where('unitId', '=', user.unitId)
        .where('id', '<>', user.id)
        .orderBy('username')
        .execute();
    },
  );

  app.post(
    '/api/v1/dossiers/:id/paper-received',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Mark the paper dossier received at this step / Đã nhận hồ sơ giấy (R25)',
        params: DossierIdParamsSchema,
        response: { 204: Type.Null(), ...errorsFor(401, 403, 404), ...standardErrorResponses },
      },
      config: { access: 'self' },
    },
    async (request, reply) => {
      const user = signedInOfficer(request);
      const db = app.deps.database.db;
      const dossier = await loadForUser(db, user, request.params.id);
      if (dossier.currentAssigneeId !== user.id) {
        throw processingErrors.notHolder();
      }
      await db
        .updateTable('dossierSteps')
        .set({ paperReceivedAt: new Date(), paperReceivedBy: user.id })
        .where('dossierId', '=', dossier.id)
        .where('completedAt', 'is', null)
        .where('paperReceivedAt', 'is', null)
        .execute();
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/worklists/reminders',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'My unread step reminders / Nhắc việc của tôi (R36)',
        response: { 200: Type.Array(Type.Unknown()), ...errorsFor(401, 403), ...standardErrorResponses },
      },
      config: { access: { action: 'dossier.read' } },
    },
    async (request) => {
      const rows = await remindersOf(app.deps.database.db, signedInOfficer(request).id);
      return rows.map((r) => ({
        id: r.id,
        dossierId: r.dossierId,
        level: r.level,
        message: r.message,
        createdAt: iso(r.createdAt),
      }));
    },
  );
}
