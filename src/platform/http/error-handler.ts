// One mapping from any thrown error to the standard error answer. Bad input is always a 4xx with
// a clear message; a 5xx never carries internals (goal 12, ASVS 16.5.1).
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { App } from './app-type.ts';
import { AppError, errors } from './errors.ts';
import { describeValidationError } from './validation-messages.ts';

const FASTIFY_CODES: Record<string, () => AppError> = {
  FST_ERR_CTP_INVALID_JSON_BODY: errors.malformedJson,
  FST_ERR_CTP_EMPTY_JSON_BODY: errors.malformedJson,
  FST_ERR_CTP_BODY_TOO_LARGE: errors.payloadTooLarge,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: errors.unsupportedMediaType,
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: errors.badRequest,
  FST_REQ_FILE_TOO_LARGE: errors.payloadTooLarge,
  FST_FILES_LIMIT: errors.payloadTooLarge,
  FST_PARTS_LIMIT: errors.payloadTooLarge,
  FST_FIELDS_LIMIT: errors.payloadTooLarge,
  FST_INVALID_MULTIPART_CONTENT_TYPE: errors.unsupportedMediaType,
  FST_PROTO_VIOLATION: errors.badRequest,
};

export function toAppError(error: FastifyError | Error): AppError {
  if (error instanceof AppError) {
    return error;
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.validation && fastifyError.validation.length > 0) {
    const first = fastifyError.validation[0];
    if (first) {
      const { field, localized } = describeValidationError(first, fastifyError.validationContext);
      return errors.validation(field, localized);
    }
  }
  const mapped = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined;
  if (mapped) {
    return mapped();
  }
  if (error instanceof SyntaxError || /JSON/.test(fastifyError.code ?? '')) {
    return errors.malformedJson();
  }
  const status = fastifyError.statusCode;
  if (status === 413) {
    return errors.payloadTooLarge();
  }
  if (status === 415) {
    return errors.unsupportedMediaType();
  }
  if (status === 429) {
    return errors.rateLimited(60);
  }
  if (status !== undefined && status >= 400 && status < 500) {
    return errors.badRequest();
  }
  return errors.internal();
}

export function sendError(request: FastifyRequest, reply: FastifyReply, appError: AppError): FastifyReply {
  return reply.status(appError.status).send({
    code: appError.code,
    message: appError.localized,
    ...(appError.field ? { field: appError.field } : {}),
    requestId: request.id,
  });
}

export function registerErrorHandling(app: App): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) {
      request.log.error({ err: error }, 'request failed');
    } else {
      request.log.info({ code: appError.code, field: appError.field }, 'request refused');
    }
    // Goal 36: every 429, whichever limit answered it, tells the client when to come back.
    if (appError.status === 429 && !reply.getHeader('retry-after')) {
      reply.header('retry-after', String(Math.max(1, Math.ceil(appError.retryAfterSeconds ?? 60))));
    }
    return sendError(request, reply, appError);
  });
}
