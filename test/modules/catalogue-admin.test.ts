// Keeping the catalogue (R4): only procedure-control focal points and administrators change it;
// create → edit draft → publish with decision and effective date → amend with a future date →
// abolish; published versions are immutable (also in the database); every change is audited;
// form templates are type-checked; e-forms validate on the server; packs export and import.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInVietnam } from '../../src/domain/time/vietnam-date.ts';
import { createTestOfficer, loginWithTotp } from '../helpers/accounts.ts';
import { JSON_HEADERS, loginAs, startTestSystem, type TestSystem } from '../helpers/test-system.ts';

let system: TestSystem;
let admin: string;
let focal: string;
let clerk: string;

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const today = todayInVietnam();

beforeAll(async () => {
  system = await startTestSystem();
  // Non-demo officers have a second factor (goal 3): the helpers enrol it and sign in with it.
  await createTestOfficer(system, {
    username: 'daumoi.test',
    fullName: 'Đầu mối KSTTHC (test)',
    unitId: null,
    roles: [{ role: 'procedure_control', scopeId: null }],
  });
  await createTestOfficer(system, {
    username: 'motcua.test',
    fullName: 'Cán bộ một cửa (test)',
    unitId: null,
    roles: [{ role: 'desk_officer', scopeId: null }],
  });
  admin = await loginAs(system, 'quantri', 'Demo@2026');
  focal = await loginWithTotp(system, 'daumoi.test');
  clerk = await loginWithTotp(system, 'motcua.test');
});
afterAll(async () => system?.close());

async function call(method: string, url: string, cookie: string | null, payload?: unknown) {
  const response = await system.app.inject({
    method: method as 'GET',
    url,
    headers: { ...JSON_HEADERS, ...(cookie ? { cookie } : {}) },
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
  return { status: response.statusCode, body: response.body ? JSON.parse(response.body) : null };
}

async function ids() {
  const [sector, stp, centre] = await Promise.all([
    system.database.db
      .selectFrom('sectors')
      .select('id')
      .where('code', '=', 'G15-HT')
      .executeTakeFirstOrThrow(),
    system.database.db
      .selectFrom('agencies')
      .select('id')
      .where('code', '=', '000.00.11.H99')
      .executeTakeFirstOrThrow(),
    system.database.db
      .selectFrom('agencies')
      .select('id')
      .where('code', '=', '000.00.06.H99')
      .executeTakeFirstOrThrow(),
  ]);
  return { sectorId: sector.id, stpId: stp.id, centreId: centre.id };
}

function content(
  ref: { sectorId: string; stpId: string; centreId: string },
  name = 'Thủ tục thử nghiệm cấp giấy xác nhận',
) {
  return {
    name: `  ${name.normalize('NFD')}\u200b  `,
    nameEn: 'Test procedure',
    sectorId: ref.sectorId,
    levels: ['province'],
    subjects: ['individual'],
    onlineLevel: 'partial',
    legacyLevel: 3,
    immediateResult: false,
    processingTime: { value: 5, unit: 'working_days', onlineValue: 3, note: null },
    decidingAgencyId: ref.stpId,
    decidingAuthority: 'Giám đốc Sở Tư pháp',
    performingAgencyIds: [ref.stpId],
    deskAgencyId: ref.centreId,
    whereToSubmit: null,
    ways: [
      { channel: 'in_person', note: null },
      { channel: 'online', note: 'Một phần' },
    ],
    steps: [{ title: 'Nộp hồ sơ', description: 'Nộp tại Trung tâm.' }],
    components: [
      {
        key: 'don',
        name: 'Đơn đề nghị',
        quantity: 1,
        copyKind: 'original',
        required: true,
        condition: null,
        formFileIds: [],
        eform: {
          schema: {
            type: 'object',
            additionalProperties: false,
            properties: {
              hoTen: { type: 'string', minLength: 1 },
              coUyQuyen: { type: 'boolean' },
              nguoiUyQuyen: { type: 'string', minLength: 1 },
              ngaySinh: { type: 'string', format: 'date' },
            },
            required: ['hoTen', 'nguoiUyQuyen'],
          },
          layout: {
            title: { vi: 'Đơn', en: 'Application' },
            fields: [
              { name: 'hoTen', label: { vi: 'Họ tên', en: 'Full name' }, prefill: 'fullName' },
              { name: 'coUyQuyen', label: { vi: 'Có ủy quyền', en: 'Authorised' }, widget: 'checkbox' },
              {
                name: 'nguoiUyQuyen',
                label: { vi: 'Người ủy quyền', en: 'Principal' },
                showIf: { field: 'coUyQuyen', equals: true },
              },
              { name: 'ngaySinh', label: { vi: 'Ngày sinh', en: 'Date of birth' }, widget: 'date' },
            ],
          },
        },
      },
    ],
    result: { name: 'Giấy xác nhận', isDocument: true },
    fees: [{ name: 'Lệ phí', amountVnd: 50000, kind: 'charge', whenPaid: 'on_submission', exemptions: null }],
    requirements: [],
    legalBasis: ['Luật thử nghiệm'],
    responsibilities: [],
  };
}

const decision = (effectiveFrom: string, n = '100/QĐ-UBND') => ({
  decisionNumber: n,
  decisionDate: today <= effectiveFrom ? today : effectiveFrom,
  effectiveFrom,
});

describe('[R4][R10] who may change the catalogue', () => {
  it('refuses anonymous users (401) and officers without the role (403); lets the focal point in', async () => {
    expect((await call('GET', '/api/v1/admin/procedures', null)).status).toBe(401);
    expect((await call('GET', '/api/v1/admin/procedures', clerk)).status).toBe(403);
    const body = { nationalCode: null, localCode: 'AH-X-1', content: content(await ids()) };
    expect((await call('POST', '/api/v1/admin/procedures', clerk, body)).status).toBe(403);
    expect((await call('POST', '/api/v1/admin/procedures', null, body)).status).toBe(401);
    const list = await call('GET', '/api/v1/admin/procedures?pageSize=5&status=draft', focal);
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { localCode: string }) => i.localCode)).toContain('AH-HT-03');
  });
});

describe('[R4] the life of a procedure', () => {
  let id: string;

  it('creates a draft (text cleaned to NFC), invisible to the public until published', async () => {
    const ref = await ids();
    const created = await call('POST', '/api/v1/admin/procedures', focal, {
      nationalCode: null,
      localCode: 'AH-TEST-01',
      content: content(ref),
    });
    expect(created.status).toBe(201);
    id = created.body.id;
    const detail = await call('GET', `/api/v1/admin/procedures/${id}`, focal);
    expect(detail.body.versions[0]).toMatchObject({
      status: 'draft',
      name: 'Thủ tục thử nghiệm cấp giấy xác nhận',
    });
    expect((await call('GET', `/api/v1/procedures/${id}`, null)).status).toBe(404);
    const duplicate = await call('POST', '/api/v1/admin/procedures', focal, {
      nationalCode: null,
      localCode: 'AH-TEST-01',
      content: content(ref),
    });
    expect(duplicate).toMatchObject({
      status: 409,
      body: { code: 'PROCEDURE_CODE_TAKEN', field: 'localCode' },
    });
  });

  it('refuses inconsistent content with a field error', async () => {
    const ref = await ids();
    const noOnlineWay = { ...content(ref), ways: [{ channel: 'in_person', note: null }] };
    const r1 = await call('PUT', `/api/v1/admin/procedures/${id}/draft`, focal, noOnlineWay);
    expect(r1).toMatchObject({ status: 400, body: { field: 'onlineLevel' } });
    const base = content(ref);
    const conditional = {
      ...base,
      components: [{ ...base.components[0], required: false, condition: null }],
    };
    expect((await call('PUT', `/api/v1/admin/procedures/${id}/draft`, focal, conditional)).body.field).toBe(
      'components/0/condition',
    );
    const badAgency = { ...base, performingAgencyIds: ['00000000-0000-4000-8000-000000000000'] };
    expect((await call('PUT', `/api/v1/admin/procedures/${id}/draft`, focal, badAgency)).status).toBe(400);
    const redos = structuredClone(base);
    (redos.components[0]?.eform.schema.properties.hoTen as Record<string, unknown>).pattern = '(a+)+$';
    const r4 = await call('PUT', `/api/v1/admin/procedures/${id}/draft`, focal, redos);
    expect(r4.status).toBe(400);
    expect(r4.body.field).toMatch(/pattern$/);
    const fee = structuredClone(base);
    (fee.fees[0] as { amountVnd: unknown }).amountVnd = 0.5;
    expect((await call('PUT', `/api/v1/admin/procedures/${id}/draft`, focal, fee)).status).toBe(400);
    expect(
      (await call('PUT', `/api/v1/admin/procedures/${id}/draft`, focal, { ...base, extra: 1 })).status,
    ).toBe(400);
  });

  it('saves the draft and reports what changed', async () => {
    const ref = await ids();
    const changed = {
      ...content(ref),
      processingTime: { value: 4, unit: 'working_days', onlineValue: 2, note: null },
    };
    const saved = await call('PUT', `/api/v1/admin/procedures/${id}/draft`, focal, changed);
    expect(saved.status).toBe(200);
    expect(saved.body.changes.map((c: { path: string }) => c.path)).toEqual([
      'processingTime.onlineValue',
      'processingTime.value',
    ]);
  });

  it('publishes under a decision; the public sees it; the version is then immutable, also in the database', async () => {
    const badDates = await call('POST', `/api/v1/admin/procedures/${id}/publish`, focal, {
      decisionNumber: '1/QĐ-UBND',
      decisionDate: today,
      effectiveFrom: addDays(today, -1),
    });
    expect(badDates).toMatchObject({ status: 409, body: { field: 'decisionDate' } });
    const published = await call('POST', `/api/v1/admin/procedures/${id}/publish`, focal, decision(today));
    expect(published.status).toBe(200);
    const page = await call('GET', `/api/v1/procedures/${id}`, null);
    expect(page.status).toBe(200);
    expect(page.body.version).toMatchObject({
      number: 1,
      decisionNumber: '100/QĐ-UBND',
      effectiveFrom: today,
    });
    expect(
      (await call('PUT', `/api/v1/admin/procedures/${id}/draft`, focal, content(await ids()))).body.code,
    ).toBe('PROCEDURE_NO_DRAFT');
    await expect(
      system.database.db
        .updateTable('procedureVersions')
        .set({ name: 'Sửa lén' })
        .where('id', '=', published.body.versionId)
        .execute(),
    ).rejects.toThrow(/immutable/);
    await expect(
      system.database.db.deleteFrom('procedureVersions').where('id', '=', published.body.versionId).execute(),
    ).rejects.toThrow(/cannot be deleted/);
    await expect(
      system.database.db
        .deleteFrom('procedureVersionAgencies')
        .where('versionId', '=', published.body.versionId)
        .execute(),
    ).rejects.toThrow(/fixed/);
  });

  it('an amendment with a future effective date leaves version 1 in force until then; a diff shows the change', async () => {
    const draft = await call('POST', `/api/v1/admin/procedures/${id}/draft`, focal);
    expect(draft.status).toBe(201);
    expect((await call('POST', `/api/v1/admin/procedures/${id}/draft`, focal)).status).toBe(409);
    const ref = await ids();
    const amended = { ...content(ref, 'Thủ tục thử nghiệm cấp giấy xác nhận (sửa đổi)'), fees: [] };
    expect((await call('PUT', `/api/v1/admin/procedures/${id}/draft`, focal, amended)).status).toBe(200);
    const future = addDays(today, 20);
    expect(
      (await call('POST', `/api/v1/admin/procedures/${id}/publish`, focal, decision(future, '200/QĐ-UBND')))
        .status,
    ).toBe(200);
    const now = await call('GET', `/api/v1/procedures/${id}`, null);
    expect(now.body.version.number).toBe(1);
    expect(now.body.upcoming).toMatchObject({ number: 2, effectiveFrom: future });
    expect((await call('GET', `/api/v1/procedures/${id}?on=${future}`, null)).body.version.number).toBe(2);
    const detail = await call('GET', `/api/v1/admin/procedures/${id}`, focal);
    const [v1, v2] = detail.body.versions;
    expect(v1).toMatchObject({ status: 'superseded', effectiveTo: future });
    // A dossier's pages ask for the version it was received under, whichever is in force today.
    const byId = async (versionId: string) =>
      call('GET', `/api/v1/procedures/${id}?version=${versionId}`, null);
    expect((await byId(v1.id)).body.version).toMatchObject({ id: v1.id, number: 1 });
    expect((await byId(v2.id)).body.version).toMatchObject({ id: v2.id, number: 2 });
    expect((await byId('00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await byId('not-a-uuid')).status).toBe(400);
    const diff = await call('GET', `/api/v1/admin/procedures/${id}/diff?from=${v1.id}&to=${v2.id}`, focal);
    const paths = diff.body.changes.map((c: { path: string }) => c.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'fees[0]', 'decisionNumber', 'effectiveFrom']));
  });

  it('abolishes from a date: no version in force afterwards, earlier dates still answer', async () => {
    const later = addDays(today, 40);
    expect(
      (
        await call('POST', `/api/v1/admin/procedures/${id}/abolish`, focal, {
          ...decision(addDays(today, 10), '3/QĐ'),
          reason: 'x',
        })
      ).status,
    ).toBe(409);
    const abolished = await call('POST', `/api/v1/admin/procedures/${id}/abolish`, focal, {
      ...decision(later, '300/QĐ-UBND'),
      reason: 'Bãi bỏ theo quyết định công bố',
    });
    expect(abolished.status).toBe(204);
    expect((await call('GET', `/api/v1/procedures/${id}?on=${later}`, null)).status).toBe(410);
    expect(
      (await call('GET', `/api/v1/procedures/${id}?on=${addDays(today, 25)}`, null)).body.version.number,
    ).toBe(2);
    expect((await call('POST', `/api/v1/admin/procedures/${id}/draft`, focal)).body.code).toBe(
      'PROCEDURE_ABOLISHED',
    );
  });

  it('[R49] audited every step, with the focal point as actor', async () => {
    const rows = await system.database.db
      .selectFrom('auditLog')
      .select(['action', 'actorLabel'])
      .where('resourceId', '=', id)
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.action)).toEqual([
      'procedure.create',
      'procedure.draft.update',
      'procedure.publish',
      'procedure.draft.start',
      'procedure.draft.update',
      'procedure.publish',
      'procedure.abolish',
    ]);
    expect(new Set(rows.map((r) => r.actorLabel))).toEqual(new Set(['daumoi.test']));
  });
});

describe('[TT 32/2017 Đ7–Đ8] form templates and e-forms', () => {
  it('accepts a real PDF form template and refuses a disguised file', async () => {
    const procedure = await call('GET', '/api/v1/admin/procedures?q=AH-HT-03', focal);
    const pid = procedure.body.items[0].id;
    const upload = async (name: string, content: Buffer) => {
      const boundary = '----motcua';
      const body = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`,
        ),
        content,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const response = await system.app.inject({
        method: 'POST',
        url: `/api/v1/admin/procedures/${pid}/files`,
        headers: {
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'x-requested-with': 'motcua',
          cookie: focal,
        },
        payload: body,
      });
      return { status: response.statusCode, body: JSON.parse(response.body) };
    };
    const ok = await upload('Tờ khai mới.pdf', Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n'));
    expect(ok.status).toBe(201);
    expect(ok.body.mediaType).toBe('application/pdf');
    expect((await upload('trang.pdf', Buffer.from('<html><script>alert(1)</script></html>'))).status).toBe(
      415,
    );
    expect((await upload('virus.exe', Buffer.from('MZ....'))).status).toBe(415);
    // Not yet in a published version: hidden from the public, visible to the focal point.
    expect((await call('GET', ok.body.url, null)).status).toBe(404);
    expect((await system.app.inject({ url: ok.body.url, headers: { cookie: focal } })).statusCode).toBe(200);
  });

  it('validates a filled e-form with the same schema: hidden fields dropped, conditional ones required', async () => {
    const page = await call('GET', '/api/v1/procedures/1.001193', null);
    const component = page.body.version.components.find((c: { eform: unknown }) => c.eform);
    const url = `/api/v1/procedure-versions/${page.body.version.id}/eforms/${component.key}/validate`;
    const empty = await call('POST', url, null, { data: {} });
    expect(empty.body.valid).toBe(false);
    expect(empty.body.errors.map((e: { field: string }) => e.field)).toContain('hoTenTre');
    const filled = {
      hoTenNguoiYeuCau: 'Nguyễn Văn An',
      soDinhDanh: '001099012345',
      noiCuTru: 'Xã An Phú',
      dienThoai: '0912345678',
      quanHe: 'cha',
      quanHeKhac: 'không hiện',
      hoTenTre: 'Nguyễn Thị Bình',
      gioiTinhTre: 'nu',
      ngaySinhTre: '2026-10-01',
      noiSinh: 'Bệnh viện tỉnh',
      danToc: 'Kinh',
      quocTich: 'Việt Nam',
      hoTenMe: 'Trần Thị C',
    };
    const ok = await call('POST', url, null, { data: filled });
    expect(ok.body).toMatchObject({ valid: true, errors: [] });
    expect(ok.body.data.quanHeKhac).toBeUndefined();
    const needsProxy = await call('POST', url, null, { data: { ...filled, nopThay: true } });
    expect(needsProxy.body.errors.map((e: { field: string }) => e.field)).toEqual(['nguoiUyQuyen']);
    const badDate = await call('POST', url, null, { data: { ...filled, ngaySinhTre: '31/02/2026' } });
    expect(badDate.body.errors[0].message.vi).toMatch(/định dạng ngày/);
    expect((await call('POST', url.replace(component.key, 'khong-co'), null, { data: {} })).status).toBe(404);
  });
});

describe('[R4] procedure packs', () => {
  it('exports a procedure with versions and files; a dry run on the same deployment changes nothing', async () => {
    const list = await call('GET', '/api/v1/admin/procedures?q=1.001193', admin);
    const pid = list.body.items[0].id;
    const pack = await call('GET', `/api/v1/admin/procedures/${pid}/pack`, admin);
    expect(pack.status).toBe(200);
    expect(pack.body.versions).toHaveLength(2);
    expect(pack.body.files.length).toBeGreaterThan(0);
    const dry = await call('POST', '/api/v1/admin/procedure-packs/import', admin, {
      pack: pack.body,
      dryRun: true,
    });
    expect(dry.body).toMatchObject({
      action: 'unchanged',
      addedVersions: [],
      unchangedVersions: [1, 2],
      applied: false,
    });
  });

  it('imports a pack as a new procedure, and reports conflicts instead of overwriting published versions', async () => {
    const list = await call('GET', '/api/v1/admin/procedures?q=AH-LLTP-01', admin);
    const pack = (await call('GET', `/api/v1/admin/procedures/${list.body.items[0].id}/pack`, admin)).body;
    const copy = structuredClone(pack);
    copy.procedure.localCode = 'AH-LLTP-99';
    copy.versions[0].content.name = 'Cấp Phiếu lý lịch tư pháp (bản nhập)';
    const dry = await call('POST', '/api/v1/admin/procedure-packs/import', admin, {
      pack: copy,
      dryRun: true,
    });
    expect(dry.body).toMatchObject({ action: 'create', addedVersions: [1], applied: false });
    expect((await call('GET', '/api/v1/admin/procedures?q=AH-LLTP-99', admin)).body.total).toBe(0);
    const applied = await call('POST', '/api/v1/admin/procedure-packs/import', admin, {
      pack: copy,
      dryRun: false,
    });
    expect(applied.body).toMatchObject({ action: 'create', applied: true });
    const page = await call('GET', '/api/v1/procedures/AH-LLTP-99', null);
    expect(page.body.version.name).toBe('Cấp Phiếu lý lịch tư pháp (bản nhập)');
    expect(page.body.files.length).toBe(1);
    const changed = structuredClone(copy);
    changed.versions[0].content.fees = [];
    const conflict = await call('POST', '/api/v1/admin/procedure-packs/import', admin, {
      pack: changed,
      dryRun: false,
    });
    expect(conflict.body.action).toBe('refused');
    expect(conflict.body.conflicts[0].changes[0].path).toMatch(/^fees/);
    const unknownAgency = structuredClone(copy);
    unknownAgency.procedure.localCode = 'AH-LLTP-98';
    unknownAgency.versions[0].content.performingAgencyCodes = ['000.00.99.H98'];
    const refused = await call('POST', '/api/v1/admin/procedure-packs/import', admin, {
      pack: unknownAgency,
      dryRun: true,
    });
    expect(refused.body.action).toBe('refused');
    expect(refused.body.problems[0].message.en).toMatch(/000\.00\.99\.H98/);
  });

  it('[issue 7] carries the procedure’s process: created where missing, a draft where it differs, never overwritten', async () => {
    const list = await call('GET', '/api/v1/admin/procedures?q=AH-LLTP-01', admin);
    const pack = (await call('GET', `/api/v1/admin/procedures/${list.body.items[0].id}/pack`, admin)).body;
    expect(pack.processes).toHaveLength(1);
    const process = pack.processes[0];
    expect(process.versions.map((v: { status: string }) => v.status)).toContain('published');
    const steps = process.versions.find((v: { status: string }) => v.status === 'published').steps;
    expect(steps.map((st: { role: string }) => st.role)).toEqual([
      'desk_officer',
      'specialist',
      'unit_head',
      'agency_leader',
      'desk_officer',
    ]);
    // Portable: no local ids, no named officers.
    expect(JSON.stringify(process)).not.toMatch(/officerIds|agencyId"/);
    const same = await call('POST', '/api/v1/admin/procedure-packs/import', admin, { pack, dryRun: true });
    expect(same.body).toMatchObject({ action: 'unchanged', processes: [{ action: 'unchanged' }] });

    const longer = structuredClone(pack);
    const published = longer.processes[0].versions.find((v: { status: string }) => v.status === 'published');
    published.steps[1].name.vi = 'Chuyên viên thẩm định (theo gói)';
    const draft = await call('POST', '/api/v1/admin/procedure-packs/import', admin, {
      pack: longer,
      dryRun: false,
    });
    expect(draft.body).toMatchObject({
      action: 'update',
      applied: true,
      processes: [{ action: 'draft_added' }],
    });
    const db = system.database.db;
    const stored = await db
      .selectFrom('processVersions as v')
      .innerJoin('processes as p', 'p.id', 'v.processId')
      .select(['v.status', 'v.steps'])
      .where('p.procedureId', '=', list.body.items[0].id)
      .orderBy('v.versionNo')
      .execute();
    expect(stored.map((v) => v.status)).toEqual(['published', 'draft']);
    const secondStep = (i: number) =>
      ((stored[i]?.steps ?? []) as Array<{ name: { vi: string } }>)[1]?.name.vi;
    expect(secondStep(0)).not.toMatch(/theo gói/);
    expect(secondStep(1)).toMatch(/theo gói/);

    const elsewhere = structuredClone(pack);
    elsewhere.procedure.localCode = 'AH-LLTP-97';
    const created = await call('POST', '/api/v1/admin/procedure-packs/import', admin, {
      pack: elsewhere,
      dryRun: false,
    });
    expect(created.body).toMatchObject({ action: 'create', processes: [{ action: 'create' }] });
    const copied = await db
      .selectFrom('processVersions as v')
      .innerJoin('processes as p', 'p.id', 'v.processId')
      .select(['v.status', 'v.decisionRef'])
      .where('p.procedureId', '=', created.body.procedureId)
      .execute();
    expect(copied).toEqual([{ status: 'published', decisionRef: published.decisionRef }]);

    const badUnit = structuredClone(pack);
    badUnit.procedure.localCode = 'AH-LLTP-96';
    badUnit.processes[0].versions[0].steps[2].unit = { kind: 'agency', agencyCode: '000.00.99.H97' };
    const refused = await call('POST', '/api/v1/admin/procedure-packs/import', admin, {
      pack: badUnit,
      dryRun: true,
    });
    expect(refused.body.action).toBe('refused');
    expect(refused.body.problems[0].path).toBe('processes[0].versions[0].steps[2].unit.agencyCode');
  });
});
