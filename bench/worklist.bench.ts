// Worklists and processing actions at province scale (issue 7): 1,000,000 dossiers bulk-inserted
// server-side (INSERT … SELECT generate_series, one statement per 100,000 rows) over 500 synthetic
// officers plus the demo ones, then: the "mine" worklist page and the per-queue counts through the
// same service the API calls, against the same page query run directly in SQL (baseline); and
// forward actions per second through performAction (guarded update, ledger, history, audit, sync
// outbox in one transaction). Sequential, one client.
// Usage: DATABASE_URL=postgres://…/db npm run bench -- worklist   (BENCH_DOSSIERS, BENCH_ITERATIONS)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../src/modules/auth/actor.ts';
import { findActiveUser } from '../src/modules/auth/auth.repository.ts';
import { actOnDossier } from '../src/modules/dossiers/dossier.service.ts';
import { dossierDeps } from '../src/modules/dossiers/dossier-context.ts';
import { worklist, worklistCounts } from '../src/modules/processing/worklists.service.ts';
import { loadConfig } from '../src/platform/config/config.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { createLogger } from '../src/platform/logging/logger.ts';
import { startSystem } from '../src/system.ts';
import { type Measured, percentile, printTable } from './lib/report.ts';

const TOTAL = Number(process.env.BENCH_DOSSIERS ?? 1_000_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const ACTIONS = Number(process.env.BENCH_ACTIONS ?? 300);

if (!process.env.DATABASE_URL) {
  process.stdout.write('worklist bench: set DATABASE_URL (PostgreSQL) — skipped\n');
  process.exit(0);
}
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-wl-'));
const config = loadConfig({
  MOTCUA_DATA_DIR: dataDir,
  MOTCUA_DEMO: 'true',
  LOG_LEVEL: 'silent',
  MOTCUA_WORKERS: 'false',
});
const database = await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL });
const system = await startSystem(config, { logger: createLogger(config), database, webDistDir: dataDir });
const db = system.database.db;

try {
  const template = await db
    .selectFrom('dossiers')
    .selectAll()
    .where('status', '=', 4)
    .where('currentStepKey', '=', 'tham_dinh')
    .executeTakeFirstOrThrow();
  const specialist = await db
    .selectFrom('users')
    .select(['id', 'unitId'])
    .where('username', '=', 'chuyenvien.stp')
    .executeTakeFirstOrThrow();
  const hash = (
    await db
      .selectFrom('users')
      .select('passwordHash')
      .where('username', '=', 'tiepnhan')
      .executeTakeFirstOrThrow()
  ).passwordHash;
  const started = performance.now();
  await sql`insert into users (id, username, full_name, kind, password_hash, unit_id, status, must_change_password)
    select gen_random_uuid(), 'bench.officer' || i, 'Cán bộ ' || i, 'officer', ${hash}, ${specialist.unitId}, 'active', false
    from generate_series(1, 500) i`.execute(db);
  const officers = (
    await db.selectFrom('users').select('id').where('username', 'like', 'bench.officer%').execute()
  ).map((u) => u.id);
  officers.push(specialist.id);
  const existing = Number(
    (
      await db
        .selectFrom('dossiers')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const chunk = 100_000;
  for (let from = 0; from < TOTAL; from += chunk) {
    const to = Math.min(TOTAL, from + chunk) - 1;
    // Status mix: 40 % returned (10), 25 % processing (4), 10 % received (2), 5 % each of 5, 6, 8, 9, 3.
    await sql`insert into dossiers (id, code, procedure_id, procedure_version_id, rule_set_id, calendar_version_id,
        receiving_agency_id, handling_agency_id, channel, status, sub_status, applicant, search_text, form_data,
        delivery, submitted_at, received_at, due_at, original_due_at, process_version_id, current_step_key,
        current_assignee_id, current_unit_id, step_arrived_at, step_due_at, warning, step_warning)
      select gen_random_uuid(),
        '000.00.06.H99-' || to_char(date '2016-01-01' + (i / 9000), 'YYMMDD') || '-' || lpad(((i % 9000) + 1)::text, 4, '0'),
        ${template.procedureId}, ${template.procedureVersionId}, ${template.ruleSetId}, ${template.calendarVersionId},
        ${template.receivingAgencyId}, ${template.handlingAgencyId}, 'desk', s.status,
        case s.status when 2 then 'to_process' when 4 then (case when i % 7 = 0 then 'awaiting_signature' else 'processing' end)
          when 5 then 'supplement_requested' when 6 then 'awaiting_payment' when 9 then 'result_ready' else 'closed' end,
        jsonb_build_object('fullName', 'Người nộp ' || i), 'nguoi nop ' || i, '{}'::jsonb, '{"method":"desk"}'::jsonb,
        now() - ((i % 400) || ' days')::interval, now() - ((i % 400) || ' days')::interval,
        now() + (((i % 30) - 10) || ' days')::interval, now() + (((i % 30) - 10) || ' days')::interval,
        ${template.processVersionId}, case when s.status in (2, 4, 5, 6, 9) then 'tham_dinh' end,
        case when s.status in (2, 4, 5, 6, 9) then (${sql.val(officers)}::uuid[])[1 + (i % ${officers.length})] end,
        case when s.status in (2, 4, 5, 6, 9) then ${specialist.unitId}::uuid end,
        case when s.status in (2, 4, 5, 6, 9) then now() - ((i % 5) || ' days')::interval end,
        case when s.status in (2, 4, 5, 6, 9) then now() + (((i % 9) - 3) || ' days')::interval end,
        case when s.status in (2, 4, 6) and i % 30 < 10 then 'overdue' when i % 30 = 10 then 'due_soon' else 'normal' end,
        case when s.status in (2, 4, 6) and i % 9 < 3 then 'overdue' when i % 9 = 3 then 'due_soon' else 'normal' end
      from generate_series(${from}::int, ${to}::int) i,
        lateral (select case when i % 20 < 8 then 10 when i % 20 < 13 then 4 when i % 20 < 15 then 2
          when i % 20 = 15 then 5 when i % 20 = 16 then 6 when i % 20 = 17 then 8 when i % 20 = 18 then 9 else 3 end as status) s
      `.execute(db);
  }
  await sql`analyze`.execute(db);
  const seedSeconds = (performance.now() - started) / 1000;
  const total = Number(
    (
      await db
        .selectFrom('dossiers')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  process.stdout.write(
    `seeded ${total - existing} dossiers in ${seedSeconds.toFixed(1)} s (${total} in all)\n`,
  );

  const user = await findActiveUser(db, specialist.id);
  if (!user) {
    throw new Error('no specialist');
  }
  const deps = dossierDeps({
    db,
    jobs: system.jobs,
    notify: { publicUrl: config.publicUrl, config: config.notifications },
  });
  async function measure(
    name: string,
    run: (i: number) => Promise<unknown>,
    count = ITERATIONS,
    note = '',
  ): Promise<Measured> {
    for (let i = 0; i < Math.min(10, count); i += 1) {
      await run(i);
    }
    const samples: number[] = [];
    const start = performance.now();
    for (let i = 0; i < count; i += 1) {
      const t = performance.now();
      await run(i);
      samples.push(performance.now() - t);
    }
    const elapsed = performance.now() - start;
    samples.sort((a, b) => a - b);
    return {
      name,
      rate: (count * 1000) / elapsed,
      p50Ms: percentile(samples, 50),
      p95Ms: percentile(samples, 95),
      p99Ms: percentile(samples, 99),
      note,
    };
  }
  const mineCount = (await worklist(deps, user, { list: 'mine', pageSize: 1 })).total;
  const baseline = await measure('mine page, direct SQL', () =>
    sql`select d.*, v.name, a.code from dossiers d join procedure_versions v on v.id = d.procedure_version_id
        join agencies a on a.id = d.receiving_agency_id
        where d.current_assignee_id = ${specialist.id} and d.status in (2, 4, 6)
        order by coalesce(d.step_due_at, d.due_at) asc nulls last, d.id limit 20`.execute(db),
  );
  const rows = [
    await measure(
      'mine page via worklist service',
      () => worklist(deps, user, { list: 'mine' }),
      ITERATIONS,
      `${mineCount} in list, scope + colours`,
    ),
    await measure('overdue page via worklist service', () => worklist(deps, user, { list: 'overdue' })),
    await measure('counts of 7 queues (one query)', () => worklistCounts(deps, user)),
  ];
  // Actions: forward dossiers held by the specialist at the specialist's step (the unit head is the one candidate).
  const targets = await db
    .selectFrom('dossiers')
    .select('id')
    .where('currentAssigneeId', '=', specialist.id)
    .where('status', '=', 4)
    .where('subStatus', '=', 'processing')
    .limit(ACTIONS + 10)
    .execute();
  let next = 0;
  rows.push(
    await measure(
      'forward action (performAction, one transaction)',
      () => {
        const id = targets[next]?.id ?? '';
        next += 1;
        return actOnDossier(deps, user, SYSTEM_ACTOR, id, { action: 'forward' }, undefined);
      },
      Math.min(ACTIONS, targets.length - 10),
      `${targets.length} targets`,
    ),
  );
  printTable(
    `Worklists over ${total.toLocaleString('en-US')} dossiers on PostgreSQL (${ITERATIONS} iterations)`,
    baseline,
    rows,
  );
} finally {
  await system.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
