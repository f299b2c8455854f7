// The application as a Fastify plugin tree: platform plugins first, then one plugin per module.
// Tests build it with app.inject(); the server only adds listen() and shutdown.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, LogController } from 'fastify';
import type { Logger } from 'pino';
import type { VirusScanner } from '../../adapters/antivirus/virus-scanner.ts';
import type { BlobStore } from '../blobs/blob-store.ts';
import type { Config } from '../config/config.ts';
import type { DatabaseHandle } from '../db/database.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import type { App } from './app-type.ts';
import { registerErrorHandling } from './error-handler.ts';
import { registerOpenApi } from './openapi.ts';
import { type RateLimitGuard, registerRateLimits } from './rate-limit.ts';
import { registerSecurity } from './security.ts';
import { registerSessions } from './session.ts';
import type { SessionCompanion } from './session-store.ts';
import { createValidatorCompiler } from './validator.ts';
import { registerWebApps, WEB_DIST_DIR } from './web-static.ts';

/** Everything a module needs, handed over explicitly (no global singletons). */
export interface AppDeps {
  config: Config;
  database: DatabaseHandle;
  jobs: JobQueue;
  blobs: BlobStore;
  /** Uploads wait here until inspected and scanned; never served from here. */
  quarantine: BlobStore;
  scanner: VirusScanner;
  logger: Logger;
  /** Readiness facts owned by the process (migrations done, workers started). */
  readiness: { migrated: boolean };
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
    /** Where the built web apps are (modules may pre-render pages into the portal's shell). */
    webDistDir: string;
  }
}

export type { App };

export interface BuildAppOptions {
  /** Registers the modules' routes (the composition root passes src/modules/index.ts). */
  routes: (app: App) => Promise<void>;
  /** Read with every session in the same query (the composition root passes the signed-in account). */
  sessionCompanion?: SessionCompanion;
  webDistDir?: string;
}

export async function buildApp(deps: AppDeps, options: BuildAppOptions): Promise<App> {
  let rateLimits: RateLimitGuard | undefined;
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    // A flood's refused requests are logged once per client and window (rate-limit.ts), not twice each.
    // Repeats of a refused request are answered before Fastify parses anything (goal 36).
    // The server is made as Fastify makes its own, with this one check in front.
    serverFactory: (handler, options) => {
      const server = http.createServer((request, response) => {
        if (!rateLimits?.refuseEarly(request, response)) {
          handler(request, response);
        }
      });
      const settings = options as {
        keepAliveTimeout?: number;
        requestTimeout?: number;
        connectionTimeout?: number;
      };
      server.keepAliveTimeout = settings.keepAliveTimeout ?? 72_000;
      server.requestTimeout = settings.requestTimeout ?? 0;
      server.setTimeout(settings.connectionTimeout ?? 0);
      return server;
    },
    logController: new LogController({
      disableRequestLogging: (request) => rateLimits?.isRefusing(request) ?? false,
    }),
    bodyLimit: deps.config.bodyLimit,
    trustProxy: deps.config.trustProxy,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('deps', deps);
  app.decorate('webDistDir', options.webDistDir ?? WEB_DIST_DIR);
  app.setValidatorCompiler(createValidatorCompiler());
  // Only JSON (and multipart uploads) are accepted as bodies; Fastify's default text parser is not.
  app.removeContentTypeParser('text/plain');
  // An empty JSON body (a POST with nothing to say, e.g. logout) is no body, not malformed JSON;
  // anything else goes through Fastify's parser, which refuses __proto__/constructor poisoning.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '') {
      done(null, undefined);
      return;
    }
    parseJson(request, body as string, done);
  });
  // First of all hooks: a refused request costs nothing more (goal 36).
  rateLimits = registerRateLimits(app, deps.config.rateLimitPerMinute, deps.config.trustProxy);
  registerErrorHandling(app);
  await registerSecurity(app, deps.config);
  await registerSessions(app, deps.config, deps.database.db, options.sessionCompanion);
  await app.register(multipart, {
    // Keep the name as sent (busboy would cut it to its last part), so a path in it is refused
    // with a clear error instead of passing unseen (issue 6; files.service hostileFileName).
    preservePath: true,
    limits: { fileSize: deps.config.uploadLimit + 1, files: 20, fields: 50, parts: 100 },
  });
  await registerOpenApi(app);
  await options.routes(app);
  await registerWebApps(app, options.webDistDir);
  return app;
}
