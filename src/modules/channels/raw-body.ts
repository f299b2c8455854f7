// Signatures are computed over the exact bytes of a webhook body, not over re-encoded JSON: this
// preParsing hook keeps them on the request.
import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { errors } from '../../platform/http/errors.ts';

/** Webhook events are small; reading stops here, before the body parser's own limit could apply. */
const MAX_WEBHOOK_BYTES = 64 * 1024;

declare module 'fastify' {
  interface FastifyRequest {
    rawBody?: string;
  }
}

export async function keepRawBody(request: FastifyRequest, _reply: unknown, payload: NodeJS.ReadableStream) {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of payload) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    size += bytes.length;
    if (size > MAX_WEBHOOK_BYTES) {
      throw errors.payloadTooLarge();
    }
    chunks.push(bytes);
  }
  const raw = Buffer.concat(chunks);
  request.rawBody = raw.toString('utf8');
  return Readable.from(raw);
}
