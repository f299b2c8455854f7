// Online submissions per second end to end (issue 6): a signed-in citizen uploads a 200 KB PDF
// (POST /api/v1/files: multipart, type sniffing, antivirus hook, SHA-256, blob write) and submits the
// dossier (POST /api/v1/dossiers with an Idempotency-Key: e-form validation, code issue, history,
// audit, national-sync outbox, notification rows) through real HTTP on PostgreSQL. Baseline, same
// run, same database: the same rows inserted directly in SQL (file row, code counter, dossier,
// history, dossier file, audit record, outbox row), one transaction per submission, same concurrency.
// Clients are spread over 127.0.0.2–127.0.0.254 so the per-address submission limit (60/min) does
// not cap the measurement. Standalone: node --import tsx bench/submission.bench.ts
// (BENCH_DATABASE_URL: an admin URL of a PostgreSQL server; a scratch database is created and dropped).
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { pdf } from '../src/domain/files/test-files.ts';
import { appendAudit } from '../src/modules/audit/audit.repository.ts';
import { issueDossierCode } from '../src/modules/dossiers/dossier-code.repository.ts';
import { loadConfig } from '../src/platform/config/config.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { createLogger } from '../src/platform/logging/logger.ts';
import { startSystem } from '../src/system.ts';
import { multipartFile } from '../test/helpers/multipart.ts';
import { type Measured, percentile, printTable } from './lib/report.ts';

const SUBMISSIONS = Number(process.env.BENCH_SUBMISSIONS ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ATTACHMENT = pdf('0'.repeat(200 * 1024 - 400));

const scratch = `motcua_bench_submission_${process.pid}`;
const admin = await openDatabase({ kind: 'postgres', url: ADMIN_URL });
await sql.raw(`CREATE DATABASE ${scratch}`).execute(admin.db);
const dbUrl = new URL(ADMIN_URL);
dbUrl.pathname = `/${scratch}`;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-'));
const config = loadConfig({
  MOTCUA_DATA_DIR: dataDir,
  MOTCUA_DEMO: 'true',
  LOG_LEVEL: 'silent',
  MOTCUA_WORKERS: 'false',
  MOTCUA_RATE_LIMIT: '10000000',
  MOTCUA_LOGIN_RATE_LIMIT: '10000',
});
const database = await openDatabase({ kind: 'postgres', url: dbUrl.toString() });
const system = await startSystem(config, { logger: createLogger(config), database, webDistDir: dataDir });
const address = new URL(await system.app.listen({ port: 0, host: '127.0.0.1' }));

const agents = Array.from(
  { length: 253 },
  (_, i) => new http.Agent({ keepAlive: true, localAddress: `127.0.0.${i + 2}` } as http.AgentOptions),
);
let nextAgent = 0;

function send(
  method: string,
  pathname: string,
  headers: Record<string, string>,
  body?: Buffer | string,
  agent = agents[0],
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: address.hostname, port: address.port, method, path: pathname, headers, agent },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            headers: response.headers,
          }),
        );
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

async function pool(count: number, worker: (i: number) => Promise<void>): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const i = next++;
        const started = performance.now();
        await worker(i);
        latencies.push(performance.now() - started);
      }
    }),
  );
  return latencies.sort((a, b) => a - b);
}

const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  ).toFixed(0);

const measured = (name: string, seconds: number, latencies: number[], note: string): Measured => ({
  name,
  rate: latencies.length / seconds,
  p50Ms: percentile(latencies, 50),
  p95Ms: percentile(latencies, 95),
  p99Ms: percentile(latencies, 99),
  note,
});

try {
  // The demo citizen signs in once; every submission uses that session.
  const login = await send(
    'POST',
    '/api/v1/auth/login',
    { 'content-type': 'application/json', 'x-requested-with': 'motcua' },
    JSON.stringify({ username: '0912345678', password: 'Demo@2026' }),
  );
  const cookie = String(login.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
  if (login.status !== 200 || !cookie) {
    throw new Error(`login failed: ${login.status} ${login.body}`);
  }
  const procedure = JSON.parse((await send('GET', '/api/v1/procedures/AH-LLTP-01', {})).body) as {
    id: string;
  };
  const formData = {
    'tp-1': {
      hoTen: 'Nguyễn Văn An',
      gioiTinh: 'nam',
      ngaySinh: '1990-05-12',
      soDinhDanh: '001090012345',
      noiThuongTru: 'Thôn Đông, xã An Phú, tỉnh An Hòa',
      loaiPhieu: '1',
      soLuong: 1,
      mucDich: 'Bổ sung hồ sơ xin việc',
      dienThoai: '0912345678',
    },
  };

  const split = { upload: [] as number[], create: [] as number[] };
  const submitOnce = async (i: number) => {
    const agent = agents[nextAgent++ % agents.length];
    const t0 = performance.now();
    const { payload, headers } = multipartFile(`cccd-${i}.pdf`, ATTACHMENT);
    const upload = await send('POST', '/api/v1/files', { ...headers, cookie }, payload, agent);
    if (upload.status !== 201) {
      throw new Error(`upload ${i}: ${upload.status} ${upload.body}`);
    }
    const fileId = (JSON.parse(upload.body) as { id: string }).id;
    const t1 = performance.now();
    const body = JSON.stringify({
      procedureId: procedure.id,
      formData,
      components: [{ componentKey: 'tp-2', fileIds: [fileId] }],
      delivery: { method: 'online' },
    });
    const created = await send(
      'POST',
      '/api/v1/dossiers',
      {
        'content-type': 'application/json',
        'x-requested-with': 'motcua',
        'idempotency-key': `bench-${i}-${randomUUID()}`,
        cookie,
      },
      body,
      agent,
    );
    if (created.status !== 201) {
      throw new Error(`submission ${i}: ${created.status} ${created.body}`);
    }
    split.upload.push(t1 - t0);
    split.create.push(performance.now() - t1);
  };
  // Warm-up (JIT, connection pool, plan cache), not measured.
  await pool(20, submitOnce);
  split.upload.length = 0;
  split.create.length = 0;
  const httpStart = performance.now();
  const httpLatencies = await pool(SUBMISSIONS, submitOnce);
  const httpSeconds = (performance.now() - httpStart) / 1000;

  // Baseline: the rows one submission wrote, copied with new ids straight through SQL.
  const db = database.db;
  const sample = await db
    .selectFrom('dossiers')
    .selectAll()
    .orderBy('submittedAt', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  const sampleHistory = await db
    .selectFrom('dossierHistory')
    .selectAll()
    .where('dossierId', '=', sample.id)
    .executeTakeFirstOrThrow();
  const sampleLink = await db
    .selectFrom('dossierFiles')
    .selectAll()
    .where('dossierId', '=', sample.id)
    .executeTakeFirstOrThrow();
  const sampleFile = await db
    .selectFrom('files')
    .selectAll()
    .where('id', '=', sampleLink.fileId)
    .executeTakeFirstOrThrow();
  const sampleOutbox = await db
    .selectFrom('nationalSyncOutbox')
    .selectAll()
    .where('dossierId', '=', sample.id)
    .executeTakeFirstOrThrow();
  const agency = await db
    .selectFrom('agencies')
    .select('code')
    .where('id', '=', sample.receivingAgencyId)
    .executeTakeFirstOrThrow();
  const json = (value: unknown) => JSON.stringify(value);
  const insertOnce = async () => {
    await db.transaction().execute(async (trx) => {
      const fileId = randomUUID();
      await trx
        .insertInto('files')
        .values({ ...sampleFile, id: fileId, createdAt: new Date() })
        .execute();
      const code = await issueDossierCode(trx, agency.code, '2026-01-05');
      const dossierId = randomUUID();
      await trx
        .insertInto('dossiers')
        .values({
          ...sample,
          id: dossierId,
          code,
          applicant: json(sample.applicant),
          owner: sample.owner === null ? null : json(sample.owner),
          formData: json(sample.formData),
          delivery: json(sample.delivery),
          fees: json(sample.fees),
          notify: json(sample.notify),
        } as never)
        .execute();
      const { id: _historyId, ...history } = sampleHistory as typeof sampleHistory & { id: number };
      const row = await trx
        .insertInto('dossierHistory')
        .values(
          Object.fromEntries(
            Object.entries({ ...history, dossierId }).map(([k, v]) => [
              k,
              v !== null && typeof v === 'object' && !(v instanceof Date) ? json(v) : v,
            ]),
          ) as never,
        )
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('dossierFiles')
        .values({ ...sampleLink, id: randomUUID(), dossierId, fileId, historyId: row.id })
        .execute();
      await appendAudit(trx, {
        actorId: sample.applicantUserId,
        actorLabel: '0912345678',
        ip: '127.0.0.1',
        userAgent: null,
        at: new Date(),
        action: 'dossier.submit',
        resourceType: 'dossier',
        resourceId: dossierId,
        reason: null,
        details: { code },
      });
      const { id: _outboxId, ...outbox } = sampleOutbox as typeof sampleOutbox & { id: number };
      await trx
        .insertInto('nationalSyncOutbox')
        .values({ ...outbox, dossierId, historyId: row.id, payload: json(outbox.payload) } as never)
        .execute();
    });
  };
  await pool(20, insertOnce);
  const sqlStart = performance.now();
  const sqlLatencies = await pool(SUBMISSIONS, insertOnce);
  const sqlSeconds = (performance.now() - sqlStart) / 1000;

  printTable(
    `Online submission on PostgreSQL (${SUBMISSIONS} submissions, ${CONCURRENCY} concurrent clients, 200 KB PDF each)`,
    measured(
      'same rows inserted directly in SQL',
      sqlSeconds,
      sqlLatencies,
      'one transaction per submission',
    ),
    [
      measured(
        'HTTP: upload 200 KB + POST /api/v1/dossiers',
        httpSeconds,
        httpLatencies,
        `two requests per submission; p50 upload ${median(split.upload)} ms + create ${median(split.create)} ms`,
      ),
    ],
  );
} finally {
  await system.close();
  for (const agent of agents) {
    agent.destroy();
  }
  await sql.raw(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`).execute(admin.db);
  await admin.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
