// Goal 27 / R24 on the running system: the leader's approval signs the result in the same transaction
// (PAdES B-T from the demo CA and its local TSA, CRL checked first, then the DSS: B-LT), so the signed
// copy exists before anyone downloads it; with an expired agency certificate the approval itself is refused with a
// structured error and nothing changes.
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDss } from '../../src/adapters/signing/dss.ts';
import { generateLocalPki } from '../../src/adapters/signing/local-pki.ts';
import { act, getJson, onlineSubmission, postDossier, uploadPdf } from '../helpers/dossiers.ts';
import { loginAs, startTestSystem, type TestSystem } from '../helpers/test-system.ts';

const systems: TestSystem[] = [];
afterAll(async () => {
  for (const s of systems) {
    await s.close();
  }
});

/** A dossier walked to the leader's signing step; returns what the approval needs. */
async function atSigningStep(system: TestSystem) {
  const citizen = await loginAs(system, '0912345678', 'Demo@2026');
  const desk = await loginAs(system, 'tiepnhan', 'Demo@2026');
  const specialist = await loginAs(system, 'chuyenvien.stp', 'Demo@2026');
  const head = await loginAs(system, 'truongphong.stp', 'Demo@2026');
  const leader = await loginAs(system, 'lanhdao.stp', 'Demo@2026');
  const specialistId = (
    await system.database.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'chuyenvien.stp')
      .executeTakeFirstOrThrow()
  ).id;
  const { body: dossier } = await postDossier(
    system,
    citizen,
    await onlineSubmission(system, citizen, 'AH-LLTP-01'),
  );
  const step = async (cookie: string, body: Record<string, unknown>) => {
    const res = await act(system, cookie, dossier.id, body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };
  await step(desk, { action: 'accept' });
  await step(desk, { action: 'forward', assignTo: specialistId });
  await step(specialist, { action: 'forward' });
  await step(head, { action: 'forward' });
  return {
    id: dossier.id as string,
    leader,
    desk,
    citizen,
    fileId: await uploadPdf(system, leader, 'kq.pdf'),
  };
}

const signedCopies = (system: TestSystem, id: string) =>
  system.database.db
    .selectFrom('dossierFiles')
    .select(['fileId', 'historyId'])
    .where('dossierId', '=', id)
    .where('componentKey', '=', 'signed-result')
    .execute();

describe('[goal 27] signing at approval', () => {
  it('the approval signs the result (B-LT, CRL good) in its transaction; download serves that copy', async () => {
    const system = await startTestSystem();
    systems.push(system);
    const d = await atSigningStep(system);
    const approved = await act(system, d.leader, d.id, { action: 'approve', resultFileId: d.fileId });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const copies = await signedCopies(system, d.id);
    expect(copies).toHaveLength(1);
    const approval = await system.database.db
      .selectFrom('dossierHistory')
      .select('id')
      .where('dossierId', '=', d.id)
      .where('action', '=', 'approve')
      .executeTakeFirstOrThrow();
    expect(copies[0]?.historyId).toBe(approval.id);

    const shown = (await getJson(system, d.leader, `/api/v1/dossiers/${d.id}/result/verification`)).body;
    expect(shown.valid).toBe(true);
    expect(shown.signatures).toHaveLength(1);
    expect(shown.signatures[0]).toMatchObject({ level: 'B-LT', revocation: 'good', problems: [] });
    expect(shown.signatures[0].validationData).toEqual({ complete: true, vri: true, missing: [] });
    expect(shown.signatures[0].timestamp).toMatchObject({ valid: true });
    const download = await system.app.inject({
      url: `/api/v1/dossiers/${d.id}/result`,
      headers: { cookie: d.leader },
    });
    expect(download.statusCode).toBe(200);
    expect(await signedCopies(system, d.id)).toHaveLength(1);
    // The DSS of the issued copy: agency signer, intermediate, root, TSA; the two CAs' CRLs.
    const dss = await readDss(download.rawPayload);
    const names = (dss?.certs ?? []).map((der) => new X509Certificate(der).subject.split('CN=')[1]).sort();
    expect(names).toEqual([
      'MotCua Demo Agency CA',
      'MotCua Demo Root CA (NOT FOR PRODUCTION)',
      'MotCua Demo TSA (NOT FOR PRODUCTION)',
      'So Tu phap tinh An Hoa (DEMO)',
    ]);
    expect(dss?.crls).toHaveLength(2);
  }, 120_000);

  it('an expired agency certificate refuses the approval: structured error, dossier unchanged', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-expired-'));
    const pki = generateLocalPki();
    fs.writeFileSync(path.join(dir, 'expired.p12'), pki.expiredSignerP12);
    fs.writeFileSync(path.join(dir, 'roots.pem'), pki.rootPem);
    const system = await startTestSystem({
      MOTCUA_SIGNING_P12: path.join(dir, 'expired.p12'),
      MOTCUA_SIGNING_P12_PASSWORD: pki.password,
      MOTCUA_SIGNING_TRUSTED_ROOTS: path.join(dir, 'roots.pem'),
    });
    systems.push(system);
    const d = await atSigningStep(system);
    const before = (await getJson(system, d.leader, `/api/v1/dossiers/${d.id}`)).body;
    const refused = await act(system, d.leader, d.id, { action: 'approve', resultFileId: d.fileId });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('SIGNING_CERTIFICATE_NOT_VALID_NOW');
    expect(refused.body.message.vi).toContain('hết hạn');
    const after = (await getJson(system, d.leader, `/api/v1/dossiers/${d.id}`)).body;
    expect(after).toMatchObject({
      status: before.status,
      subStatus: 'awaiting_signature',
      version: before.version,
    });
    expect(await signedCopies(system, d.id)).toHaveLength(0);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
