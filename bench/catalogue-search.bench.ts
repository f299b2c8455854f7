// Catalogue search latency over a national-size catalogue (issue 5): 6,000 generated procedures
// (plus the demo ones) in force, searched in-process through the same service the API calls
// (candidates from the trigram index, Vietnamese ordering in the application, page hydration).
// Baseline in the same run: a plain indexed lookup of one procedure by id. Sequential, one client.
// Usage: npm run bench -- catalogue   (BENCH_ITERATIONS, default 200; DATABASE_URL for PostgreSQL)
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { vietnameseSortKey } from '../src/domain/text/vietnamese-sort-key.ts';
import { searchProcedures } from '../src/modules/catalogue/catalogue-read.service.ts';
import { loadConfig } from '../src/platform/config/config.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { createLogger } from '../src/platform/logging/logger.ts';
import { startSystem } from '../src/system.ts';
import { type Measured, percentile, printTable } from './lib/report.ts';

const COUNT = 6000;
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);

const VERBS = [
  'Cấp',
  'Cấp lại',
  'Cấp đổi',
  'Gia hạn',
  'Điều chỉnh',
  'Đăng ký',
  'Xác nhận',
  'Thẩm định',
  'Phê duyệt',
  'Công nhận',
  'Thu hồi',
  'Chấp thuận',
  'Đăng ký thay đổi',
  'Hỗ trợ',
  'Giải quyết',
];
const OBJECTS = [
  'giấy phép xây dựng',
  'giấy chứng nhận quyền sử dụng đất',
  'giấy phép kinh doanh',
  'chứng chỉ hành nghề',
  'giấy phép lái xe',
  'giấy chứng nhận đủ điều kiện',
  'hộ kinh doanh',
  'hợp tác xã',
  'giấy phép môi trường',
  'giấy phép khai thác nước',
  'chế độ trợ cấp',
  'giấy phép hoạt động',
  'giấy xác nhận',
  'văn bằng, chứng chỉ',
  'giấy phép lao động',
  'thẻ bảo hiểm',
  'giấy phép quảng cáo',
  'giấy phép biểu diễn',
  'giấy phép nhập khẩu',
  'chứng nhận an toàn thực phẩm',
  'giấy phép phòng cháy',
  'giấy phép vận tải',
  'hồ sơ địa chính',
  'giấy phép khai thác khoáng sản',
  'giấy phép thành lập trường',
  'giấy phép y tế',
  'quyết định giao đất',
  'quyết định cho thuê đất',
  'chứng nhận nguồn gốc',
  'giấy phép sử dụng tần số',
  'mã số doanh nghiệp',
  'giấy phép tổ chức lễ hội',
  'giấy phép xuất bản',
  'giấy phép hoạt động in',
  'chứng chỉ quy hoạch',
  'giấy phép đào đường',
  'giấy phép hoạt động thủy sản',
  'giấy chứng nhận kiểm dịch',
  'giấy phép hoạt động khoa học',
  'thẻ hướng dẫn viên',
];
const QUALIFIERS = [
  '',
  'đối với cá nhân',
  'đối với tổ chức',
  'cho doanh nghiệp',
  'trong trường hợp bị mất',
  'do hết hạn',
  'cấp tỉnh',
  'cấp xã',
  'có yếu tố nước ngoài',
  'tại khu kinh tế',
  'cho hộ gia đình',
  'theo đề nghị',
  'lần đầu',
  'đối với công trình cấp III',
  'cho cơ sở giáo dục',
  'cho cơ sở y tế',
  'tại khu công nghiệp',
  'cho người nước ngoài',
  'trực tuyến',
  'liên thông',
];

function generatedNames(): string[] {
  const names: string[] = [];
  for (const q of QUALIFIERS) {
    for (const o of OBJECTS) {
      for (const v of VERBS) {
        names.push(`${v} ${o}${q ? ` ${q}` : ''}`);
        if (names.length === COUNT) {
          return names;
        }
      }
    }
  }
  return names;
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-cat-'));
const config = loadConfig({
  MOTCUA_DATA_DIR: dataDir,
  MOTCUA_DEMO: 'true',
  LOG_LEVEL: 'silent',
  MOTCUA_WORKERS: 'false',
});
const database = process.env.DATABASE_URL
  ? await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL })
  : await openDatabase(config.database, { inMemory: true });
const system = await startSystem(config, { logger: createLogger(config), database, webDistDir: dataDir });
const db = system.database.db;

try {
  const [fields, agencies] = await Promise.all([
    db.selectFrom('sectors').select('id').where('parentId', 'is not', null).execute(),
    db.selectFrom('agencies').select('id').where('kind', '<>', 'unit').execute(),
  ]);
  const names = generatedNames();
  const ids: string[] = [];
  for (let start = 0; start < names.length; start += 500) {
    const batch = names
      .slice(start, start + 500)
      .map((name, i) => ({ name, n: start + i, id: randomUUID(), versionId: randomUUID() }));
    ids.push(...batch.map((b) => b.id));
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('procedures')
        .values(
          batch.map((b) => ({
            id: b.id,
            nationalCode: null,
            localCode: `BENCH-${b.n}`,
            viewCount: (b.n * 7919) % 1000,
          })),
        )
        .execute();
      await trx
        .insertInto('procedureVersions')
        .values(
          batch.map((b) => ({
            id: b.versionId,
            procedureId: b.id,
            number: 1,
            status: 'draft' as const,
            name: b.name,
            nameEn: null,
            sortKey: vietnameseSortKey(b.name),
            sectorId: fields[b.n % fields.length]?.id ?? '',
            levels: [b.n % 3 === 0 ? ('commune' as const) : ('province' as const)],
            subjects: ['individual' as const],
            onlineLevel: (['full', 'partial', 'none'] as const)[b.n % 3] ?? 'none',
            legacyLevel: 2 + (b.n % 3),
            immediateResult: b.n % 11 === 0,
            timeValue: 1 + (b.n % 20),
            timeUnit: 'working_days' as const,
            onlineTimeValue: null,
            decidingAgencyId: null,
            deskAgencyId: null,
            content: JSON.stringify({
              steps: [],
              components: [],
              fees: [],
              legalBasis: ['Bench'],
              timeNote: null,
            }),
            decisionNumber: null,
            decisionDate: null,
            effectiveFrom: null,
            publishedAt: null,
            updatedAt: new Date(),
          })),
        )
        .execute();
      await trx
        .insertInto('procedureVersionAgencies')
        .values(
          batch.map((b) => ({ versionId: b.versionId, agencyId: agencies[b.n % agencies.length]?.id ?? '' })),
        )
        .execute();
      // Agencies are fixed once a version is published (a trigger), so publish after adding them.
      await trx
        .updateTable('procedureVersions')
        .set({
          status: 'published',
          decisionNumber: '1/QĐ-BENCH',
          decisionDate: '2025-01-01',
          effectiveFrom: '2025-01-01',
          publishedAt: new Date(),
        })
        .where(
          'id',
          'in',
          batch.map((b) => b.versionId),
        )
        .execute();
    });
  }
  await sql`ANALYZE`.execute(db);
  const total = (await searchProcedures(db, { pageSize: 1 })).total;

  async function measure(name: string, run: (i: number) => Promise<unknown>, note = ''): Promise<Measured> {
    for (let i = 0; i < 10; i++) {
      await run(i);
    }
    const samples: number[] = [];
    const started = performance.now();
    for (let i = 0; i < ITERATIONS; i++) {
      const t = performance.now();
      await run(i);
      samples.push(performance.now() - t);
    }
    const elapsed = performance.now() - started;
    samples.sort((a, b) => a - b);
    return {
      name,
      rate: (ITERATIONS / elapsed) * 1000,
      p50Ms: percentile(samples, 50),
      p95Ms: percentile(samples, 95),
      p99Ms: percentile(samples, 99),
      note,
    };
  }
  const hits = async (q: Record<string, unknown>) =>
    (await searchProcedures(db, { pageSize: 20, ...q })).total;
  const baseline = await measure('lookup one procedure by id (indexed)', (i) =>
    db
      .selectFrom('procedures')
      .selectAll()
      .where('id', '=', ids[(i * 37) % ids.length] ?? '')
      .executeTakeFirst(),
  );
  const cases: Array<[string, Record<string, unknown>]> = [
    ['q="dang ky khai sinh" (no diacritics)', { q: 'dang ky khai sinh' }],
    ['q="Đăng ký khai sinh" (NFD input)', { q: 'Đăng ký khai sinh'.normalize('NFD') }],
    ['q="giay phep xay dung"', { q: 'giay phep xay dung' }],
    ['q="cap giay phep" (many prefix hits)', { q: 'cap giay phep' }],
    ['q="khai snh" (typo)', { q: 'khai snh' }],
    ['q="1.001193" (code)', { q: '1.001193' }],
    ['q="giấy phép" + sector + online filters', { q: 'giấy phép', sector: 'G17', online: 'any' }],
    ['browse one sector, Vietnamese name order', { sector: 'G10' }],
    ['browse all, Vietnamese name order (page 1)', {}],
    ['browse all, Vietnamese name order (page 100)', { page: 100 }],
  ];
  const rows: Measured[] = [];
  for (const [name, query] of cases) {
    const found = await hits(query);
    rows.push(
      await measure(name, () => searchProcedures(db, { pageSize: 20, ...query }), `${found} matches`),
    );
  }
  printTable(
    `Catalogue search, in-process (${database.kind}, ${total} procedures in force, ${ITERATIONS} sequential calls each)`,
    baseline,
    rows,
  );
} finally {
  await system.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
