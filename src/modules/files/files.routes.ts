import type { FastifyReply } from 'fastify';
import { contentDisposition } from '../../platform/blobs/safe-file-name.ts';
import type { App } from '../../platform/http/app.ts';
import { errors } from '../../platform/http/errors.ts';
import { ErrorResponseSchema, standardErrorResponses } from '../../platform/http/schema.ts';
import { resolveSessionSecret } from '../../platform/http/session.ts';
import { actorOf } from '../auth/actor.ts';
import { createFileLinkToken, verifyFileLinkToken } from './file-links.ts';
import { filesErrors } from './files.errors.ts';
import { FileContentQuerySchema, FileIdParamsSchema, FileLinkSchema, FileSchema } from './files.schemas.ts';
import { findReadableFile, type StoredFile, uploadFile } from './files.service.ts';

const toResponse = (
  file: Pick<StoredFile, 'id' | 'name' | 'size' | 'sha256' | 'kind' | 'mime' | 'createdAt'>,
) => ({
  id: file.id,
  name: file.name,
  size: file.size,
  sha256: file.sha256,
  kind: file.kind,
  mime: file.mime,
  createdAt: new Date(file.createdAt).toISOString(),
});

export async function filesRoutes(app: App): Promise<void> {
  const { config, database, blobs, quarantine, scanner } = app.deps;
  const secret = resolveSessionSecret(config);
  const userId = (request: { currentUser: { id: string } | null }) => {
    if (!request.currentUser) {
      throw errors.unauthenticated();
    }
    return request.currentUser.id;
  };

  app.post(
    '/api/v1/files',
    {
      schema: {
        tags: ['files'],
        summary: 'Upload one file (multipart, part "file") / Tải lên một tệp',
        consumes: ['multipart/form-data'],
        response: {
          201: FileSchema,
          401: ErrorResponseSchema,
          403: ErrorResponseSchema,
          413: ErrorResponseSchema,
          415: ErrorResponseSchema,
          422: ErrorResponseSchema,
          503: ErrorResponseSchema,
          ...standardErrorResponses,
        },
      },
      config: { access: 'self', rateLimit: { max: 60 } },
    },
    async (request, reply) => {
      if (!request.isMultipart()) {
        throw errors.unsupportedMediaType();
      }
      // One byte more than allowed reaches the blob store, which then refuses the file; at exactly
      // the limit the parser would cut the stream short without an error.
      const part = await request.file({ limits: { fileSize: config.uploadLimit + 1, files: 1 } });
      if (part?.fieldname !== 'file') {
        throw filesErrors.noFile();
      }
      const file = await uploadFile(
        { db: database.db, blobs, quarantine, scanner, uploadLimit: config.uploadLimit },
        { ...actorOf(request), actorId: userId(request) },
        { content: part.file, fileName: part.filename },
      );
      return reply.status(201).send(toResponse(file));
    },
  );

  app.get(
    '/api/v1/files/:id',
    {
      schema: {
        tags: ['files'],
        summary: 'File details / Thông tin tệp',
        params: FileIdParamsSchema,
        response: {
          200: FileSchema,
          401: ErrorResponseSchema,
          404: ErrorResponseSchema,
          ...standardErrorResponses,
        },
      },
      config: { access: 'self' },
    },
    async (request) => {
      const file = await findReadableFile(database.db, userId(request), request.params.id);
      if (!file) {
        throw errors.notFound();
      }
      return toResponse(file);
    },
  );

  app.post(
    '/api/v1/files/:id/link',
    {
      schema: {
        tags: ['files'],
        summary: 'A 5-minute download link for the signed-in user / Đường dẫn tải tệp có hiệu lực 5 phút',
        params: FileIdParamsSchema,
        response: {
          200: FileLinkSchema,
          401: ErrorResponseSchema,
          404: ErrorResponseSchema,
          ...standardErrorResponses,
        },
      },
      config: { access: 'self' },
    },
    async (request) => {
      const owner = userId(request);
      const file = await findReadableFile(database.db, owner, request.params.id);
      if (!file) {
        throw errors.notFound();
      }
      const { token, expiresAt } = createFileLinkToken(secret, file.id, owner);
      return { url: `/api/v1/files/${file.id}/content?token=${token}`, expiresAt: expiresAt.toISOString() };
    },
  );

  app.get(
    '/api/v1/files/:id/content',
    {
      schema: {
        tags: ['files'],
        summary: 'Download through a link from /link / Tải tệp qua đường dẫn đã cấp',
        params: FileIdParamsSchema,
        querystring: FileContentQuerySchema,
        response: {
          401: ErrorResponseSchema,
          403: ErrorResponseSchema,
          404: ErrorResponseSchema,
          ...standardErrorResponses,
        },
      },
      config: { access: 'self' },
    },
    async (request, reply) => {
      const reader = userId(request);
      if (!verifyFileLinkToken(secret, request.query.token, request.params.id, reader)) {
        throw filesErrors.linkInvalid();
      }
      const file = await findReadableFile(database.db, reader, request.params.id);
      const stream = file ? await blobs.open(file.blobKey) : null;
      if (!file || !stream) {
        throw errors.notFound();
      }
      // Never rendered in the app's origin: always an attachment, no sniffing, sandboxed (ASVS 3.2.1).
      reply.headers({
        'content-type': file.mime,
        'content-disposition': contentDisposition(file.name, 'attachment'),
        'content-security-policy': "sandbox; default-src 'none'",
        'cache-control': 'private, no-store',
      });
      // A stream is sent as is, outside the JSON serialiser the typed reply describes.
      return (reply as FastifyReply).status(200).send(stream);
    },
  );
}
