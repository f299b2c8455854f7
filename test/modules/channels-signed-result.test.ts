// R24 on a real dossier: the PDF result an officer approved is signed with the agency key (PAdES) on
// first issue and the applicant downloads it once the result is ready; it verifies against the trusted
// root, a tampered copy fails, and a second download returns the same signed copy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendHistory } from '../../src/modules/dossiers/dossier.repository.ts';
import { act, getJson, onlineSubmission, postDossier } from '../helpers/dossiers.ts';
import { multipartFile } from '../helpers/multipart.ts';
import { JSON_HEADERS, loginAs, startTestSystem, type TestSystem } from '../helpers/test-system.ts';

let system: TestSystem;
let citizen: string;
let desk: string;

async function upload(cookie: string, name: string, content: Buffer): Promise<string> {
  const { payload, headers } = multipartFile(name, content);
  const res = await system.app.inject({
    method: 'POST',
    url: '/api/v1/files',
    headers: { ...headers, cookie },
    payload,
  });
  expect(res.statusCode).toBe(201);
  return res.json().id;
}

/** A citizen's dossier, received, with `fileId` approved as its result and the given status. */
async function dossierWithResult(fileId: string | null, status: number) {
  const { body } = await postDossier(system, citizen, await onlineSubmission(system, citizen, 'AH-LLTP-01'));
  await act(system, desk, body.id, { action: 'accept' });
  const db = system.database.db;
  const officer = await db
    .selectFrom('users')
    .select(['id', 'fullName'])
    .where('username', '=', 'tiepnhan')
    .executeTakeFirstOrThrow();
  // The processing steps belong to another module; the approval is written as that module records it.
  await db.transaction().execute(async (trx) => {
    if (fileId) {
      await appendHistory(trx, {
        dossierId: body.id,
        action: 'approve',
        actorId: officer.id,
        actorLabel: officer.fullName,
        relation: 'signer',
        unitId: null,
        at: new Date(),
        statusBefore: 4,
        statusAfter: 4,
        subStatusBefore: 'awaiting_signature',
        subStatusAfter: 'result_approved',
        stepKey: null,
        dueBefore: null,
        dueAfter: null,
        note: null,
        reasons: '[]',
        items: '[]',
        attachments: JSON.stringify([fileId]),
        outageId: null,
      });
    }
    await trx
      .updateTable('dossiers')
      .set({ status, subStatus: status === 9 ? 'result_ready' : 'result_approved' })
      .where('id', '=', body.id)
      .execute();
  });
  return body as { id: string; code: string };
}

const verify = async (pdf: Buffer) =>
  (
    await system.app.inject({
      method: 'POST',
      url: '/api/v1/signatures/verify',
      headers: { ...JSON_HEADERS, 'content-type': 'application/pdf', cookie: citizen },
      payload: pdf,
    })
  ).json();

beforeAll(async () => {
  system = await startTestSystem();
  citizen = await loginAs(system, '0912345678', 'Demo@2026');
  desk = await loginAs(system, 'tiepnhan', 'Demo@2026');
});
afterAll(async () => system?.close());

describe('[R24] signed results', () => {
  it('the applicant downloads the signed result; it verifies, a tampered copy fails, the copy is stable', async () => {
    // The result PDF: an official document rendered by the system, uploaded by the officer.
    const { body: walkIn } = await postDossier(system, desk, {
      procedureId: (await getJson(system, '', '/api/v1/procedures/AH-LLTP-01')).body.id,
      channel: 'desk',
      applicant: { fullName: 'Kết Quả Mẫu' },
      delivery: { method: 'desk' },
    });
    const resultPdf = (
      await system.app.inject({
        url: `/api/v1/dossiers/${walkIn.id}/documents/receipt`,
        headers: { cookie: desk },
      })
    ).rawPayload;
    const fileId = await upload(desk, 'ket-qua.pdf', resultPdf);
    const dossier = await dossierWithResult(fileId, 9);

    const res = await system.app.inject({
      url: `/api/v1/dossiers/${dossier.id}/result`,
      headers: { cookie: citizen },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const signed = res.rawPayload;
    expect(signed.length).toBeGreaterThan(resultPdf.length);

    const report = await verify(signed);
    expect(report.valid).toBe(true);
    expect(report.signatures).toHaveLength(1);
    // Issued results are B-LTA: the DSS update, then the document timestamp follow the signature.
    expect(report.signatures[0]).toMatchObject({ coversWholeDocument: false, level: 'B-LTA', problems: [] });
    expect(report.documentTimestamps).toMatchObject([{ valid: true, coversWholeDocument: true }]);
    expect(report.signatures[0].reason).toContain(dossier.code);

    const shown = (await getJson(system, citizen, `/api/v1/dossiers/${dossier.id}/result/verification`)).body;
    expect(shown.valid).toBe(true);

    // One byte changed inside the signed range: integrity fails.
    const tampered = Buffer.from(signed);
    // The byte sits in the first signed range (the original document before the signature update).
    const at = tampered.indexOf('/Producer');
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(resultPdf.length);
    tampered[at + 2] = tampered[at + 2] === 0x41 ? 0x42 : 0x41;
    const bad = await verify(tampered);
    expect(bad.valid).toBe(false);

    const again = await system.app.inject({
      url: `/api/v1/dossiers/${dossier.id}/result`,
      headers: { cookie: citizen },
    });
    expect(again.rawPayload.equals(signed)).toBe(true);
    const copies = await system.database.db
      .selectFrom('dossierFiles')
      .select('fileId')
      .where('dossierId', '=', dossier.id)
      .where('componentKey', '=', 'signed-result')
      .execute();
    expect(copies).toHaveLength(1);
  }, 60_000);

  it('not before the result is ready for the applicant; no result, or a citizen-made file, is not signed', async () => {
    const pdfBytes = (
      await system.app.inject({
        url: '/api/v1/admin/documents/templates/receipt/preview',
        headers: { cookie: await loginAs(system, 'quantri', 'Demo@2026') },
      })
    ).rawPayload;
    const officerFile = await upload(desk, 'ket-qua-2.pdf', pdfBytes);
    const approvedOnly = await dossierWithResult(officerFile, 4);
    const early = await system.app.inject({
      url: `/api/v1/dossiers/${approvedOnly.id}/result`,
      headers: { cookie: citizen },
    });
    expect(early.statusCode).toBe(409);
    // The officer already sees it (and the verification).
    expect(
      (
        await system.app.inject({
          url: `/api/v1/dossiers/${approvedOnly.id}/result`,
          headers: { cookie: desk },
        })
      ).statusCode,
    ).toBe(200);

    const none = await dossierWithResult(null, 9);
    expect(
      (
        await system.app.inject({ url: `/api/v1/dossiers/${none.id}/result`, headers: { cookie: citizen } })
      ).json().code,
    ).toBe('DOSSIER_RESULT_NOT_AVAILABLE');

    const citizenFile = await upload(citizen, 'tu-lam.pdf', pdfBytes);
    const forged = await dossierWithResult(citizenFile, 9);
    expect(
      (
        await system.app.inject({ url: `/api/v1/dossiers/${forged.id}/result`, headers: { cookie: citizen } })
      ).json().code,
    ).toBe('DOSSIER_RESULT_NOT_SIGNABLE');
  }, 60_000);
});
