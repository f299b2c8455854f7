// GET /api/v1/lookup/{code} (issue 7 contract): public, no login, rate-limited per IP (goal 10).
import { Type } from '@sinclair/typebox';
import type { App } from '../../platform/http/app.ts';
import { AppError } from '../../platform/http/errors.ts';
import {
  ErrorResponseSchema,
  LocalizedTextSchema,
  StrictObject,
  standardErrorResponses,
} from '../../platform/http/schema.ts';
import { lookupDossier } from './lookup.service.ts';

const LookupSchema = Type.Object({
  code: Type.String(),
  status: Type.Integer({ minimum: 1, maximum: 10 }),
  statusName: LocalizedTextSchema,
  procedureName: Type.String(),
  agencyName: Type.String(),
  applicantName: Type.String({ description: 'Masked: first letter of each word only' }),
  receivedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  dueAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  resultAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  returnedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  steps: Type.Array(
    Type.Object({
      at: Type.String({ format: 'date-time' }),
      action: Type.String(),
      actionName: LocalizedTextSchema,
      status: Type.Integer(),
    }),
  ),
});

const notFound = () =>
  new AppError('LOOKUP_NOT_FOUND', 404, {
    vi: 'Không tìm thấy hồ sơ với mã này. Vui lòng kiểm tra lại mã in trên Giấy tiếp nhận.',
    en: 'No dossier has this code. Please check the code printed on the receipt.',
  });

export async function lookupRoutes(app: App): Promise<void> {
  app.get(
    '/api/v1/lookup/:code',
    {
      schema: {
        tags: ['lookup'],
        summary: 'Public status lookup by dossier code / Tra cứu tình trạng hồ sơ',
        params: StrictObject({ code: Type.String({ minLength: 1, maxLength: 60 }) }),
        response: { 200: LookupSchema, 404: ErrorResponseSchema, ...standardErrorResponses },
      },
      config: { access: 'public', rateLimit: { max: 30 } },
    },
    async (request, reply) => {
      const found = await lookupDossier(app.deps.database.db, request.params.code);
      if (!found) {
        request.log.info({ lookupMiss: true }, 'lookup of an unknown dossier code');
        throw notFound();
      }
      reply.header('cache-control', 'no-store');
      return found;
    },
  );
}
