// Goal 27 / NĐ 30/2020 at approval, refusals: with a configured CA (CRLs and the TSA over HTTP on
// 127.0.0.1, one certificate revoked) and the leaders' keys listed in MOTCUA_SIGNING_PERSONAL_KEYS, a
// revoked or expired personal certificate, no personal key, or an expired agency certificate refuses
// the approval with a structured error naming whose certificate, and leaves the dossier as it was
// (status, version, no history row, no signed copy). The manifest is read per approval, so a key
// listed afterwards lets the same dossier be approved, with both signatures.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atSigningStep, dossierState, signedCopies } from '../helpers/approval-signing.ts';
import { act, getJson } from '../helpers/dossiers.ts';
import { startTestAuthority, type TestAuthority } from '../helpers/signing-samples.ts';
import { startTestSystem, type TestSystem } from '../helpers/test-system.ts';

let ca: TestAuthority;
let dir: string;
const systems: TestSystem[] = [];
beforeAll(async () => {
  ca = await startTestAuthority();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-refusals-'));
  const write = (name: string, bytes: Buffer | string) => fs.writeFileSync(path.join(dir, name), bytes);
  write('agency.p12', ca.pki.signerP12);
  write('expired.p12', ca.pki.expiredSignerP12);
  write('revoked.p12', ca.pki.revokedSignerP12);
  write('leader.p12', ca.pki.leaderSignerP12);
  write('password', ca.pki.password);
  write('roots.pem', ca.pki.rootPem);
}, 60_000);
afterAll(async () => {
  for (const s of systems) {
    await s.close();
  }
  await ca.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The personal key manifest: lanhdao.stp → `p12` (relative paths), or nobody. */
function listLeaderKey(manifest: string, p12: string | null) {
  const entries = p12 ? { 'lanhdao.stp': { p12, passwordFile: 'password', title: 'KT. GIÁM ĐỐC' } } : {};
  fs.writeFileSync(path.join(dir, manifest), JSON.stringify(entries));
}

async function configuredSystem(agencyP12: string, manifest: string) {
  const system = await startTestSystem({
    MOTCUA_SIGNING_P12: path.join(dir, agencyP12),
    MOTCUA_SIGNING_P12_PASSWORD: ca.pki.password,
    MOTCUA_SIGNING_TRUSTED_ROOTS: path.join(dir, 'roots.pem'),
    MOTCUA_SIGNING_TSA_URL: ca.tsaUrl,
    MOTCUA_SIGNING_PERSONAL_KEYS: path.join(dir, manifest),
  });
  systems.push(system);
  return system;
}

describe('[goal 27] approval refused when a certificate cannot sign', () => {
  it('revoked, expired or missing personal key: 409 naming the leader’s certificate, dossier unchanged', async () => {
    listLeaderKey('keys-a.json', 'revoked.p12');
    const system = await configuredSystem('agency.p12', 'keys-a.json');
    const d = await atSigningStep(system);
    const before = await dossierState(system, d.id);
    const approve = () => act(system, d.leader, d.id, { action: 'approve', resultFileId: d.fileId });

    const revoked = await approve();
    expect(revoked.status).toBe(409);
    expect(revoked.body).toMatchObject({ code: 'SIGNING_CERTIFICATE_REVOKED', field: 'personalCertificate' });
    expect(revoked.body.message.vi).toContain('cá nhân của người ký');
    expect(await dossierState(system, d.id)).toEqual(before);

    listLeaderKey('keys-a.json', 'expired.p12');
    const expired = await approve();
    expect(expired.status).toBe(409);
    expect(expired.body).toMatchObject({
      code: 'SIGNING_CERTIFICATE_NOT_VALID_NOW',
      field: 'personalCertificate',
    });
    expect(expired.body.message.vi).toContain('hết hạn');
    expect(await dossierState(system, d.id)).toEqual(before);

    listLeaderKey('keys-a.json', null);
    const none = await approve();
    expect(none.status).toBe(409);
    expect(none.body).toMatchObject({ code: 'SIGNING_NO_PERSONAL_KEY', field: 'personalCertificate' });
    expect(none.body.message.vi).toContain('chưa được cấp chứng thư số cá nhân');
    expect(none.body.message.en).toContain('administrator');
    expect(await dossierState(system, d.id)).toEqual(before);

    // The administrator lists a valid key: the same dossier is approved, leader then agency.
    listLeaderKey('keys-a.json', 'leader.p12');
    const approved = await approve();
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(await signedCopies(system, d.id)).toHaveLength(1);
    const shown = (await getJson(system, d.leader, `/api/v1/dossiers/${d.id}/result/verification`)).body;
    expect(shown.valid).toBe(true);
    expect(
      shown.signatures.map((s: { signer: { commonName: string }; level: string; revocation: string }) => [
        s.signer.commonName,
        s.level,
        s.revocation,
      ]),
    ).toEqual([
      ['Nguyen Van Lanh Dao (DEMO)', 'B-LTA', 'good'],
      ['Sở Tư pháp tỉnh An Hòa (DEMO)', 'B-LTA', 'good'],
    ]);
  }, 240_000);

  it('an expired agency certificate refuses it too (field agencyCertificate), dossier unchanged', async () => {
    listLeaderKey('keys-b.json', 'leader.p12');
    const system = await configuredSystem('expired.p12', 'keys-b.json');
    const d = await atSigningStep(system);
    const before = await dossierState(system, d.id);
    const refused = await act(system, d.leader, d.id, { action: 'approve', resultFileId: d.fileId });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'SIGNING_CERTIFICATE_NOT_VALID_NOW',
      field: 'agencyCertificate',
    });
    expect(refused.body.message.vi).toContain('của cơ quan đã hết hạn');
    expect(await dossierState(system, d.id)).toEqual(before);
    const after = (await getJson(system, d.leader, `/api/v1/dossiers/${d.id}`)).body;
    expect(after).toMatchObject({ subStatus: 'awaiting_signature' });
  }, 240_000);
});
