// Security goal 18 (safe PDF viewing; CVE-2024-4367). We ship no in-browser PDF renderer (no pdf.js):
// uploaded PDFs are only ever downloaded, as sandboxed attachments, and the PDFs we generate carry no
// active content whatever the applicant typed. If pdf.js is ever added, the first test demands the
// fixed version and `isEvalSupported: false`.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectPdf } from '../../src/domain/files/inspect-pdf.ts';
import { pdf } from '../../src/domain/files/test-files.ts';
import { getJson, postDossier } from '../helpers/dossiers.ts';
import { multipartFile } from '../helpers/multipart.ts';
import { pdfText } from '../helpers/poppler.ts';
import { JSON_HEADERS, loginAs, startTestSystem, type TestSystem } from '../helpers/test-system.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
// The CVE-2024-4367 shape: a FontMatrix entry that a vulnerable pdf.js turns into code.
const FONT_MATRIX_PAYLOAD =
  '/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Evil ' +
  "/FontMatrix [1 0 0 1 0 (1\\); fetch\\('http://127.0.0.1:9/sentinel'\\)//)] >> >> >>";

let system: TestSystem;
let desk: string;
beforeAll(async () => {
  system = await startTestSystem();
  desk = await loginAs(system, 'tiepnhan', 'Demo@2026');
});
afterAll(async () => system?.close());

function webSources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? webSources(full) : /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

describe('[goal 18] safe PDF viewing', () => {
  it('no pdf.js is shipped; if it ever is, it is ≥ 4.2.67 and created with isEvalSupported: false', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const version: string | undefined = { ...manifest.dependencies, ...manifest.devDependencies }[
      'pdfjs-dist'
    ];
    const users = webSources(path.join(ROOT, 'web')).filter((f) =>
      fs.readFileSync(f, 'utf8').includes('pdfjs'),
    );
    if (version === undefined) {
      expect(users).toEqual([]);
      return;
    }
    const [major = 0, minor = 0, patch = 0] = version
      .replace(/^[^\d]*/, '')
      .split('.')
      .map(Number);
    expect(major * 1e6 + minor * 1e3 + patch).toBeGreaterThanOrEqual(4_002_067);
    for (const file of users) {
      expect(fs.readFileSync(file, 'utf8'), file).toMatch(/isEvalSupported:\s*false/);
    }
  });

  it('an uploaded PDF with a FontMatrix payload is only ever served as a sandboxed download', async () => {
    const { payload, headers } = multipartFile('font-matrix.pdf', pdf(FONT_MATRIX_PAYLOAD));
    const uploaded = await system.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      headers: { ...headers, cookie: desk },
      payload,
    });
    expect(uploaded.statusCode).toBe(201);
    const link = await system.app.inject({
      method: 'POST',
      url: `/api/v1/files/${JSON.parse(uploaded.body).id}/link`,
      headers: { ...JSON_HEADERS, cookie: desk },
    });
    const file = await system.app.inject({ url: JSON.parse(link.body).url, headers: { cookie: desk } });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toMatch(/^attachment;/);
    expect(file.headers['content-security-policy']).toBe("sandbox; default-src 'none'");
    expect(file.headers['x-content-type-options']).toBe('nosniff');
  });

  it('slips generated for an applicant whose details carry PDF syntax hold no active content', async () => {
    const hostile = ') /OpenAction << /S /JavaScript /JS (app.launchURL("http://127.0.0.1:9/x")) >> (';
    const procedureId = (await getJson(system, '', '/api/v1/procedures/AH-LLTP-01')).body.id;
    const created = await postDossier(system, desk, {
      procedureId,
      channel: 'desk',
      applicant: {
        fullName: 'Nguyễn Văn Thử',
        idNumber: '001090012345',
        phone: '0912345678',
        address: `Số 5 ${hostile}`,
      },
      delivery: { method: 'desk' },
    });
    expect(created.status).toBe(201);
    const receipt = await system.app.inject({
      url: `/api/v1/dossiers/${created.body.id}/documents/receipt`,
      headers: { cookie: desk },
    });
    expect(receipt.statusCode).toBe(200);
    const bytes = receipt.rawPayload;
    // The same inspection uploads go through (goal 17): no scripts, actions, launches or embedded files.
    expect(inspectPdf(bytes)).toEqual([]);
    expect(pdfText(bytes).replace(/\s+/g, ' ')).toContain('/OpenAction << /S /JavaScript');
  });
});
