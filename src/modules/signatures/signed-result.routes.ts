// R24: GET /api/v1/dossiers/{id}/result — the signed result PDF (signed with the agency key on first
// issue); GET /api/v1/dossiers/{id}/result/verification — the verification of that copy, for the UI.
// The applicant once the result is ready (status 9/10); officers who may read the dossier.
import { Type } from '@sinclair/typebox';
import type { App } from '../../platform/http/app.ts';
import { errors } from '../../platform/http/errors.ts';
import { ErrorResponseSchema, StrictObject, standardErrorResponses } from '../../platform/http/schema.ts';
import type { CurrentUser } from '../auth/actor.ts';
import { PdfResponseSchema } from '../documents/documents.schemas.ts';
import { loadForUser } from '../dossiers/use-cases/perform-action.ts';
import { toVerificationView } from './signatures.routes.ts';
import { VerificationSchema } from './signatures.schemas.ts';
import { applicantMayDownload, signedResult, signedResultErrors } from './signed-result.ts';

const Params = StrictObject({ id: Type.String({ format: 'uuid' }) });
const responses = {
  401: ErrorResponseSchema,
  403: ErrorResponseSchema,
  404: ErrorResponseSchema,
  409: ErrorResponseSchema,
  ...standardErrorResponses,
};

export async function signedResultRoutes(app: App): Promise<void> {
  const load = async (request: { currentUser: CurrentUser | null; params: { id: string } }) => {
    const user = request.currentUser;
    if (!user) {
      throw errors.unauthenticated();
    }
    const dossier = await loadForUser(app.deps.database.db, user, request.params.id);
    if (user.kind !== 'officer' && !applicantMayDownload(dossier)) {
      throw signedResultErrors.noResult();
    }
    return signedResult(
      { db: app.deps.database.db, blobs: app.deps.blobs, signing: app.deps.signing },
      dossier,
    );
  };

  app.get(
    '/api/v1/dossiers/:id/result',
    {
      schema: {
        tags: ['signatures'],
        summary: 'The digitally signed result / Kết quả giải quyết đã ký số',
        params: Params,
        response: { 200: PdfResponseSchema, ...responses },
      },
      config: { access: 'self' },
    },
    async (request, reply) => {
      const result = await load(request);
      return reply
        .type('application/pdf')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `attachment; filename="${result.name}"`)
        .send(result.pdf);
    },
  );

  app.get(
    '/api/v1/dossiers/:id/result/verification',
    {
      schema: {
        tags: ['signatures'],
        summary: 'Verification of the signed result / Kiểm tra chữ ký số của kết quả',
        params: Params,
        response: { 200: VerificationSchema, ...responses },
      },
      config: { access: 'self' },
    },
    async (request) => {
      const result = await load(request);
      return toVerificationView(await app.deps.signing.verify(result.pdf), result.pdf, app.deps.signing.demo);
    },
  );
}
