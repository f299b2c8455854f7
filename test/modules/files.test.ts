// Uploads (issue 6 contract POST /api/v1/files; security goals 9 and 17, hostile catalogue §5.C),
// through HTTP on a real database and blob store.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClamdScanner } from '../../src/adapters/antivirus/clamd-scanner.ts';
import { startLocalClamd } from '../../src/adapters/antivirus/local-clamd-server.ts';
import { EICAR, jpeg, pdf, png } from '../../src/domain/files/test-files.ts';
import { createUser } from '../../src/modules/auth/users.service.ts';
import { multipartFile } from '../helpers/multipart.ts';
import { JSON_HEADERS, loginAs, startTestSystem, type TestSystem } from '../helpers/test-system.ts';

let system: TestSystem;
let admin: string;
let other: string;

beforeAll(async () => {
  system = await startTestSystem({ MOTCUA_UPLOAD_LIMIT: String(256 * 1024) });
  admin = await loginAs(system, 'quantri', 'Demo@2026');
  await system.database.db.transaction().execute((trx) =>
    createUser(trx, {
      username: 'nguoikhac',
      fullName: 'Người Khác',
      kind: 'citizen',
      password: 'Mat-khau-dai-2026',
      mustChangePassword: false,
      roles: [],
    }),
  );
  other = await loginAs(system, 'nguoikhac', 'Mat-khau-dai-2026');
});
afterAll(async () => system?.close());

async function upload(cookie: string, name: string, content: Buffer, field?: string) {
  const { payload, headers } = multipartFile(name, content, field ? { field } : {});
  const response = await system.app.inject({
    method: 'POST',
    url: '/api/v1/files',
    headers: { ...headers, cookie },
    payload,
  });
  return { status: response.statusCode, body: JSON.parse(response.body) };
}

async function download(cookie: string, id: string) {
  const link = await system.app.inject({
    method: 'POST',
    url: `/api/v1/files/${id}/link`,
    headers: { ...JSON_HEADERS, cookie },
  });
  if (link.statusCode !== 200) {
    return { status: link.statusCode, headers: {}, raw: Buffer.alloc(0) };
  }
  const response = await system.app.inject({ url: JSON.parse(link.body).url, headers: { cookie } });
  return { status: response.statusCode, headers: response.headers, raw: response.rawPayload };
}

describe('[R12, goal 17] POST /api/v1/files', () => {
  it('stores a PDF and answers { id, name, size, sha256 } with the hash of the stored bytes', async () => {
    const content = pdf();
    const { status, body } = await upload(admin, 'Tờ khai đăng ký khai sinh.pdf', content);
    expect(status).toBe(201);
    expect(body).toMatchObject({
      name: 'Tờ khai đăng ký khai sinh.pdf',
      size: content.length,
      kind: 'pdf',
      mime: 'application/pdf',
    });
    expect(body.sha256).toBe(createHash('sha256').update(content).digest('hex'));
    const file = await download(admin, body.id);
    expect(file.status).toBe(200);
    expect(file.raw.equals(content)).toBe(true);
    expect(file.headers['content-disposition']).toContain(
      'attachment; filename="To khai dang ky khai sinh.pdf"; filename*=UTF-8\'\'',
    );
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-security-policy']).toContain('sandbox');
  });

  it('removes EXIF location from photos before storing them', async () => {
    const { status, body } = await upload(
      admin,
      'cccd.jpg',
      jpeg(1000, 800, { exif: 'GPSLatitude=21.0285' }),
    );
    expect(status).toBe(201);
    const file = await download(admin, body.id);
    expect(file.raw.includes(Buffer.from('GPSLatitude'))).toBe(false);
  });

  const countBlobs = () =>
    fs
      .readdirSync(path.join(system.dataDir, 'blobs'), { recursive: true })
      .filter((f) => /[0-9a-f]{32}$/.test(String(f))).length;

  it('refuses hostile uploads with clear errors naming the field, and keeps nothing of them', async () => {
    const before = countBlobs();
    const cases: Array<[string, Buffer, number, string]> = [
      ['anh.pdf', png(10, 10), 400, 'FILE_EXTENSION_MISMATCH'],
      ['trang.html', Buffer.from('<html><script>alert(1)</script></html>'), 415, 'FILE_TYPE_NOT_ALLOWED'],
      [
        'hinh.svg',
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
        415,
        'FILE_TYPE_NOT_ALLOWED',
      ],
      ['don.pdf', pdf('/OpenAction << /S /JavaScript /JS (app.alert(1)) >>'), 400, 'FILE_PDF_ACTIVE_CONTENT'],
      ['don.pdf', pdf('', { trailer: '<script>alert(1)</script>' }), 400, 'FILE_POLYGLOT'],
      ['flood.png', png(20_000, 20_000), 400, 'FILE_TOO_MANY_PIXELS'],
      ['trong.pdf', Buffer.alloc(0), 400, 'FILE_EMPTY'],
      ['lon.pdf', Buffer.concat([pdf(), Buffer.alloc(300 * 1024, 32)]), 413, 'FILE_TOO_LARGE'],
    ];
    for (const [name, content, status, code] of cases) {
      const response = await upload(admin, name, content);
      expect(response.status, name).toBe(status);
      expect(response.body, name).toMatchObject({ code, field: 'file' });
      expect(response.body.message.vi.length).toBeGreaterThan(5);
    }
    expect(countBlobs()).toBe(before);
    expect(
      fs
        .readdirSync(path.join(system.dataDir, 'quarantine'), { recursive: true })
        .filter((f) => /[0-9a-f]{32}$/.test(String(f))),
    ).toEqual([]);
  });

  it('refuses path-traversal, control and bidi names with a clear error, storing nothing', async () => {
    const before = countBlobs();
    for (const name of [
      '../../etc/passwd.pdf',
      '..\\..\\boot.pdf',
      'a/b.pdf',
      'hoso\u202efdp.pdf',
      'x\u0007y.pdf',
    ]) {
      const { status, body } = await upload(admin, name, pdf());
      expect(status, name).toBe(400);
      expect(body, name).toMatchObject({ code: 'FILE_NAME_INVALID', field: 'file' });
      expect(body.message.vi).toMatch(/Tên tệp/);
    }
    expect(countBlobs()).toBe(before);
  });

  it('cleans merely awkward names: quotes, semicolons, zero-width characters, reserved and long names', async () => {
    for (const [raw, shown] of [
      ['đơn xin cấp; phiếu*.pdf', 'đơn xin cấp; phiếu.pdf'],
      ['ho\u200bso.pdf', 'hoso.pdf'],
      ['aux.pdf', 'aux.pdf'],
      [`${'a'.repeat(300)}.pdf`, `${'a'.repeat(146)}.pdf`],
    ] as const) {
      const { status, body } = await upload(admin, raw, pdf());
      expect(status, raw).toBe(201);
      expect(body.name, raw).toBe(shown);
    }
  });

  it('quarantines the EICAR test file: 422, recorded, never downloadable', async () => {
    const { status, body } = await upload(admin, 'eicar.pdf', pdf(`/Subject (${EICAR})`));
    expect(status).toBe(422);
    expect(body.code).toBe('FILE_INFECTED');
    const row = await system.database.db
      .selectFrom('files')
      .selectAll()
      .where('status', '=', 'quarantined')
      .executeTakeFirstOrThrow();
    expect(row.scanSignature).toBe('Eicar-Test-Signature');
    expect((await download(admin, row.id)).status).toBe(404);
  });

  it('needs a session, a part named "file", and multipart', async () => {
    expect((await upload('', 'a.pdf', pdf())).status).toBe(401);
    expect((await upload(admin, 'a.pdf', pdf(), 'other')).body.code).toBe('FILE_MISSING');
    const json = await system.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      headers: { ...JSON_HEADERS, cookie: admin },
      payload: { file: 'x' },
    });
    expect(json.statusCode).toBe(415);
  });
});

describe('[goal 9] file access', () => {
  it('another user can neither see, link nor download the file; links are bound to the user and expire', async () => {
    const { body } = await upload(admin, 'rieng.pdf', pdf());
    expect(
      (await system.app.inject({ url: `/api/v1/files/${body.id}`, headers: { cookie: other } })).statusCode,
    ).toBe(404);
    expect((await download(other, body.id)).status).toBe(404);
    const link = await system.app.inject({
      method: 'POST',
      url: `/api/v1/files/${body.id}/link`,
      headers: { ...JSON_HEADERS, cookie: admin },
    });
    const url = JSON.parse(link.body).url as string;
    expect((await system.app.inject({ url, headers: { cookie: other } })).statusCode).toBe(403);
    const forged = url.replace(/token=(\d+)\./, (_m, exp: string) => `token=${Number(exp) + 3600}.`);
    expect((await system.app.inject({ url: forged, headers: { cookie: admin } })).statusCode).toBe(403);
    const expired = url.replace(/token=\d+\./, 'token=1000.');
    expect((await system.app.inject({ url: expired, headers: { cookie: admin } })).statusCode).toBe(403);
  });
});

describe('clamd adapter', () => {
  it('speaks INSTREAM to a clamd-protocol server: clean, infected, and fails closed when unreachable', async () => {
    const clamd = await startLocalClamd({ 'Test-Custom-Signature': 'MOTCUA-TEST-VIRUS' });
    try {
      const scanner = createClamdScanner({ host: '127.0.0.1', port: clamd.port });
      expect(await scanner.scan(Buffer.alloc(200_000, 7))).toEqual({ clean: true });
      expect(await scanner.scan(Buffer.from(`abc${EICAR}def`))).toEqual({
        clean: false,
        signature: 'Eicar-Test-Signature',
      });
      expect(await scanner.scan(Buffer.from('xx MOTCUA-TEST-VIRUS xx'))).toEqual({
        clean: false,
        signature: 'Test-Custom-Signature',
      });
    } finally {
      await clamd.close();
    }
    const unreachable = createClamdScanner({ host: '127.0.0.1', port: clamd.port, timeoutMs: 2000 });
    await expect(unreachable.scan(Buffer.from('x'))).rejects.toThrow();
  });
});
