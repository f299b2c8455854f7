// Liveness and readiness for load balancers and operators (R51): /healthz says the process is up;
// /readyz says it can serve (database reachable, migrations done, job workers running).
import { type Static, Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import type { App } from '../../platform/http/app.ts';

const Check = Type.Union([Type.Literal('ok'), Type.Literal('failing')]);
const Readiness = Type.Object({
  status: Check,
  checks: Type.Object({ database: Check, migrations: Check, jobs: Check }),
});

export async function systemRoutes(app: App): Promise<void> {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['system'],
        summary: 'Process is up / Tiến trình đang chạy',
        response: { 200: Type.Object({ status: Type.Literal('ok') }) },
      },
      config: { rateLimit: false },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['system'],
        summary: 'Ready to serve / Sẵn sàng phục vụ',
        response: { 200: Readiness, 503: Readiness },
      },
      config: { rateLimit: false },
    },
    async (_request, reply) => {
      const { database, jobs, readiness } = app.deps;
      let databaseOk = false;
      try {
        await sql`select 1`.execute(database.db);
        databaseOk = true;
      } catch {
        databaseOk = false;
      }
      const jobsOk = jobs.running && (jobs.working || !app.deps.config.workers);
      const body: Static<typeof Readiness> = {
        status: databaseOk && readiness.migrated && jobsOk ? 'ok' : 'failing',
        checks: {
          database: databaseOk ? 'ok' : 'failing',
          migrations: readiness.migrated ? 'ok' : 'failing',
          jobs: jobsOk ? 'ok' : 'failing',
        },
      };
      return reply.status(body.status === 'ok' ? 200 : 503).send(body);
    },
  );
}
