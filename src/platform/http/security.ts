// Browser-facing protections for every response (goals 19, 20): headers and the CSRF rule.
// Rate limits come before them (rate-limit.ts).
import helmet from '@fastify/helmet';
import type { Config } from '../config/config.ts';
import type { App } from './app-type.ts';
import { errors } from './errors.ts';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The header our own web apps send; a cross-site form or simple fetch cannot set it. */
export const CSRF_HEADER = 'x-requested-with';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Routes called by signed server-to-server callbacks skip the browser CSRF rule. */
    csrfExempt?: boolean;
  }
}

export async function registerSecurity(app: App, config: Config): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
        upgradeInsecureRequests: config.publicUrl.startsWith('https://') ? [] : null,
      },
    },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
  });

  const publicOrigin = new URL(config.publicUrl).origin;
  app.addHook('onRequest', async (request) => {
    if (!UNSAFE_METHODS.has(request.method) || !request.url.startsWith('/api/')) {
      return;
    }
    if (request.routeOptions.config?.csrfExempt) {
      return;
    }
    const origin = request.headers.origin;
    const sameOrigin =
      origin === undefined || origin === publicOrigin || origin === `${request.protocol}://${request.host}`;
    if (request.headers[CSRF_HEADER] !== 'motcua' || !sameOrigin) {
      throw errors.csrf();
    }
  });

  // Personal data must never sit in shared caches; hashed static assets set their own caching.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) {
      reply.header('cache-control', 'no-store');
    }
    reply.header('x-request-id', request.id);
  });
}
