// Goal 27 / R24 on the running system: the leader's approval signs the result in the same transaction
// with two signatures (NĐ 30/2020 Phụ lục I): the leader's personal key (demo CA, CN = full name,
// title Giám đốc), then the agency key; PAdES B-T from the local TSA, both certificates' CRLs checked
// first, then one DSS covering both chains (B-LT), then a document timestamp over it all (B-LTA). Checked by our verifier and by pdfsig; the page is
// rendered to see both appearances clear of the document's text. Refusals: signing-refusals.test.ts.
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDss } from '../../src/adapters/signing/dss.ts';
import { renderDocument } from '../../src/modules/documents/render-document.ts';
import { SAMPLE_MODELS } from '../../src/modules/documents/sample-models.ts';
import { defaultTexts } from '../../src/modules/documents/templates/template-catalogue.ts';
import { atSigningStep, signedCopies } from '../helpers/approval-signing.ts';
import { act, getJson } from '../helpers/dossiers.ts';
import { colourPixels, pdfsig } from '../helpers/poppler.ts';
import { nssTrusting } from '../helpers/signing-samples.ts';
import { startTestSystem, type TestSystem } from '../helpers/test-system.ts';

const systems: TestSystem[] = [];
afterAll(async () => {
  for (const s of systems) {
    await s.close();
  }
});

/** Where the appearances go (signed-result.ts): leader bottom right, agency top left. */
const LEADER_RECT = [330, 12, 572, 56];
const AGENCY_RECT = [18, 790, 262, 836];

/** Word boxes of page 1 in PDF points (origin bottom left), from poppler's pdftotext -bbox. */
function wordBoxes(pdf: Buffer): number[][] {
  const html = execFileSync('/usr/bin/pdftotext', ['-bbox', '-f', '1', '-l', '1', '-', '-'], { input: pdf });
  return [
    ...html.toString('utf8').matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"/g),
  ].map((m) => [Number(m[1]), 842 - Number(m[4]), Number(m[3]), 842 - Number(m[2])]);
}
const overlaps = (a: number[], b: number[]) =>
  (a[0] ?? 0) < (b[2] ?? 0) &&
  (b[0] ?? 0) < (a[2] ?? 0) &&
  (a[1] ?? 0) < (b[3] ?? 0) &&
  (b[1] ?? 0) < (a[3] ?? 0);

describe('[goal 27] signing at approval: the leader, then the agency', () => {
  it('two signatures, both valid and B-LTA, one DSS with both chains, one document timestamp; pdfsig 2/2; appearances clear of the text', async () => {
    const system = await startTestSystem();
    systems.push(system);
    const result = await renderDocument('result_handover', SAMPLE_MODELS.result_handover, {
      ruleSet: 'nd118_2025',
      texts: defaultTexts('result_handover', 'nd118_2025'),
      publicUrl: 'http://localhost',
    });
    const d = await atSigningStep(system, result);
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
    // In file order: the leader's (CN = the account's full name, with its title), then the agency's.
    expect(shown.signatures.map((s: { signer: { commonName: string } }) => s.signer.commonName)).toEqual([
      'Đỗ Văn Hùng (demo)',
      'Sở Tư pháp tỉnh An Hòa (DEMO)',
    ]);
    for (const signature of shown.signatures) {
      expect(signature).toMatchObject({ valid: true, level: 'B-LTA', revocation: 'good', problems: [] });
      expect(signature.validationData).toEqual({ complete: true, vri: true, missing: [] });
      expect(signature.timestamp).toMatchObject({ valid: true });
    }
    // The document timestamp (B-LTA) is listed apart: it is not a third signature.
    expect(shown.documentTimestamps).toMatchObject([
      { valid: true, tsa: 'MotCua Demo TSA (NOT FOR PRODUCTION)', coversWholeDocument: true, problems: [] },
    ]);
    const download = await system.app.inject({
      url: `/api/v1/dossiers/${d.id}/result`,
      headers: { cookie: d.leader },
    });
    expect(download.statusCode).toBe(200);
    const signed = download.rawPayload;
    expect(await signedCopies(system, d.id)).toHaveLength(1);
    // One DSS for both: the two signers, intermediate, root, TSA; the two CAs' CRLs (each once).
    const dss = await readDss(signed);
    const names = (dss?.certs ?? []).map((der) => new X509Certificate(der).subject.split('CN=')[1]).sort();
    expect(names).toEqual([
      'MotCua Demo Agency CA',
      'MotCua Demo Root CA (NOT FOR PRODUCTION)',
      'MotCua Demo TSA (NOT FOR PRODUCTION)',
      'Sở Tư pháp tỉnh An Hòa (DEMO)',
      'Đỗ Văn Hùng (demo)',
    ]);
    expect(dss?.crls).toHaveLength(2);
    expect(dss?.vriKeys).toHaveLength(2);
    const leaderCert = (dss?.certs ?? [])
      .map((der) => new X509Certificate(der))
      .find((c) => c.subject.includes('Hùng'));
    expect(leaderCert?.subject).toContain('title=Giám đốc');

    // pdfsig, trusting the demo root: both signatures valid and trusted.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-approved-'));
    const nssDir = nssTrusting(
      dir,
      fs.readFileSync(path.join(system.dataDir, 'signing', 'demo-trusted-roots.pem'), 'utf8'),
    );
    const file = path.join(dir, 'approved.pdf');
    fs.writeFileSync(file, signed);
    const { output } = pdfsig(file, nssDir ? ['-nssdir', `sql:${nssDir}`] : []);
    // pdfsig lists the document timestamp as a third field, which it does not validate (no RFC 3161
    // check in poppler): the two signatures are the ones it calls valid.
    expect(output.match(/Signature #\d+:/g)).toHaveLength(3);
    expect(output.match(/Signature Type: ETSI\.CAdES\.detached/g)).toHaveLength(2);
    expect(output.match(/Signature Validation: Signature is Valid\./g)).toHaveLength(2);
    expect(output).not.toMatch(/Signature is Invalid|Digest Mismatch/);
    if (nssDir) {
      expect(output.match(/Certificate Validation: Certificate is Trusted\./g)).toHaveLength(2);
    }
    expect(output).toContain('Đỗ Văn Hùng (demo)');

    // Both appearances drawn (blue frame: person, red: agency), and no word of the document under them.
    const blue = (r: number, g: number, b: number) => b > 150 && r < 90 && g < 90;
    const red = (r: number, g: number, b: number) => r > 150 && g < 90 && b < 90;
    expect(colourPixels(signed, LEADER_RECT, blue)).toBeGreaterThan(100);
    expect(colourPixels(signed, AGENCY_RECT, red)).toBeGreaterThan(100);
    const words = wordBoxes(result);
    expect(words.length).toBeGreaterThan(20);
    expect(words.filter((w) => overlaps(w, LEADER_RECT) || overlaps(w, AGENCY_RECT))).toEqual([]);
    if (process.env.MOTCUA_KEEP_SIGNED_RESULT) {
      fs.writeFileSync(process.env.MOTCUA_KEEP_SIGNED_RESULT, signed);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }, 180_000);
});
