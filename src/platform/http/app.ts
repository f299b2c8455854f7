// The application as a Fastify plugin tree: platform plugins first, then one plugin per module.
// Tests build it with app.inject(); the server only adds listen() and shutdown.
import { randomUUID } from 'node:crypto';
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import type { Logger } from 'pino';
import type { BlobStore } from '../blobs/blob-store.ts';
import type { Config } from '../config/config.ts';
import type { DatabaseHandle } from '../db/database.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import type { App } from './app-type.ts';
import { registerErrorHandling } from './error-handler.ts';
import { registerOpenApi } from './openapi.ts';
import { registerSecurity } from './security.ts';
import { registerSessions } from './session.ts';
import { registerWebApps } from './web-static.ts';

/** Everything a module needs, handed over explicitly (no global singletons). */
export interface AppDeps {
  config: Config;
  database: DatabaseHandle;
  jobs: JobQueue;
  blobs: BlobStore;
  logger: Logger;
  /** Readiness facts owned by the process (migrations done, workers started). */
  readiness: { migrated: boolean };
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
}

export type { App };

export interface BuildAppOptions {
  /** Registers the modules' routes (the composition root passes src/modules/index.ts). */
  routes: (app: App) => Promise<void>;
  webDistDir?: string;
}

export async function buildApp(deps: AppDeps, options: BuildAppOptions): Promise<App> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    bodyLimit: deps.config.bodyLimit,
    trustProxy: deps.config.trustProxy,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    disableRequestLogging: false,
    ajv: {
      // Unknown fields are refused, not silently dropped (goal 12); query strings are coerced.
      customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false },
    },
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('deps', deps);
  registerErrorHandling(app);
  await registerSecurity(app, deps.config);
  await registerSessions(app, deps.config, deps.database.db);
  await app.register(multipart, {
    limits: { fileSize: deps.config.uploadLimit, files: 20, fields: 50, parts: 100 },
  });
  await registerOpenApi(app);
  await options.routes(app);
  await registerWebApps(app, options.webDistDir);
  return app;
}
