// Security goal 27 in full: a throwaway CA built here (root, intermediate, valid, expired, revoked via
// a CRL served over HTTP, wrong-root signers, an RFC 3161 TSA over HTTP), PAdES B-T signatures checked
// before signing, and a sample set judged by our verifier and independently by poppler's pdfsig.
// Figure: every valid sample verifies in both; no tampered, expired, revoked, untrusted, shadow-modified
// or badly timestamped sample is reported valid.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamIso } from '../../src/adapters/signing/appearance.ts';
import { OID, parseDetachedCms } from '../../src/adapters/signing/cms.ts';
import { createP12Signer } from '../../src/adapters/signing/p12-signer.ts';
import { type SignPdfOptions, signPdf } from '../../src/adapters/signing/pades.ts';
import { timestampToken } from '../../src/adapters/signing/tsa.ts';
import { verifyPdfSignatures } from '../../src/adapters/signing/verify.ts';
import { tinosFonts } from '../../src/modules/documents/pdf/fonts.ts';
import { renderDocument } from '../../src/modules/documents/render-document.ts';
import { SAMPLE_MODELS } from '../../src/modules/documents/sample-models.ts';
import { defaultTexts } from '../../src/modules/documents/templates/template-catalogue.ts';
import { colourPixels, pdfsig, pdfText } from '../helpers/poppler.ts';
import {
  nssTrusting,
  shadowUpdate,
  startTestAuthority,
  type TestAuthority,
} from '../helpers/signing-samples.ts';

let ca: TestAuthority;
let dir: string;
let nssDir: string | null;
let unsigned: Buffer;
const base: SignPdfOptions = { name: 'So Tu phap', reason: 'Ket qua giai quyet', location: 'An Hoa' };
const p12 = (file: Buffer, options: { skipValidityCheck?: boolean } = {}) =>
  createP12Signer(file, ca.pki.password, options);
const contentsOf = (pdf: Buffer, index = 0) =>
  Buffer.from(
    [...pdf.toString('latin1').matchAll(/\/Contents\s*<([0-9a-fA-F]+)>/g)][index]?.[1] ?? '',
    'hex',
  );

/** pdfsig's verdict: every signature valid, its certificate trusted, the last one covering the file. */
function pdfsigValid(name: string, pdf: Buffer): boolean {
  const file = path.join(dir, name);
  fs.writeFileSync(file, pdf);
  const { output } = pdfsig(file, nssDir ? ['-nssdir', `sql:${nssDir}`] : []);
  const count = (re: RegExp) => output.match(re)?.length ?? 0;
  const signatures = count(/Signature #\d+:/g);
  return (
    signatures > 0 &&
    count(/Signature Validation: Signature is Valid\./g) === signatures &&
    count(/Certificate Validation: Certificate is Trusted\./g) === signatures &&
    (output.split(/Signature #\d+:/).at(-1) ?? '').includes('- Total document signed')
  );
}

const at = new Date();
const leaderBox = () => ({
  kind: 'person' as const,
  rect: [330, 80, 545, 128] as [number, number, number, number],
  font: tinosFonts().regular,
  lines: ['Người ký: Nguyễn Văn Lãnh Đạo', 'Giám đốc Sở Tư pháp', `Thời gian ký: ${vietnamIso(at)}`],
});
const sealBox = () => ({
  kind: 'organisation' as const,
  rect: [260, 40, 475, 82] as [number, number, number, number],
  font: tinosFonts().regular,
  lines: ['Cơ quan: Sở Tư pháp tỉnh An Hòa', `Thời gian ký: ${vietnamIso(at)}`],
});

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-goal27-'));
  ca = await startTestAuthority();
  nssDir = nssTrusting(dir, ca.pki.rootPem);
  unsigned = await renderDocument('result_handover', SAMPLE_MODELS.result_handover, {
    ruleSet: 'nd118_2025',
    texts: defaultTexts('result_handover', 'nd118_2025'),
    publicUrl: 'http://localhost',
  });
}, 60_000);
afterAll(async () => {
  await ca?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('[goal 27] PAdES B-T with checks before signing', () => {
  it('the signature carries an RFC 3161 token over its value; verified: B-T, CRL good, TSA time', async () => {
    const before = Date.now();
    const pdf = await signPdf(unsigned, p12(ca.pki.signerP12), { ...base, tsa: ca.tsa, preflight: ca.trust });
    const cms = parseDetachedCms(contentsOf(pdf));
    expect(cms.timestampToken).not.toBeNull();
    const token = parseDetachedCms(cms.timestampToken as Buffer);
    expect(token.eContentType).toBe(OID.tstInfo);
    const report = await verifyPdfSignatures(pdf, ca.trust);
    expect(report.valid).toBe(true);
    const [sig] = report.signatures;
    expect(sig).toMatchObject({ level: 'B-T', revocation: 'good', problems: [] });
    expect(sig?.timestamp).toMatchObject({ valid: true, tsa: 'MotCua Demo TSA (NOT FOR PRODUCTION)' });
    expect(sig?.signedAt?.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(report.limitations).not.toContain('revocation_not_checked');
    expect(pdfsigValid('bt.pdf', pdf)).toBe(true);
  });

  it.each([
    ['revoked (listed in the CRL)', () => ca.pki.revokedSignerP12, 'CERTIFICATE_REVOKED'],
    ['expired', () => ca.pki.expiredSignerP12, 'CERTIFICATE_NOT_VALID_NOW'],
    ['under a root nobody trusts', () => ca.pki.wrongRootSignerP12, 'CERTIFICATE_UNTRUSTED'],
  ])('refuses to sign with a certificate %s', async (_label, file, code) => {
    const signer = p12(file(), { skipValidityCheck: true });
    await expect(signPdf(unsigned, signer, { ...base, preflight: ca.trust })).rejects.toMatchObject({ code });
  });

  it('refuses to sign when the CRL cannot be fetched (status unknown), and signs again once it can', async () => {
    const fresh = await import('../../src/adapters/signing/revocation.ts');
    const trust = { ...ca.trust, revocation: fresh.httpCrlSource() };
    ca.crlDown(true);
    try {
      await expect(
        signPdf(unsigned, p12(ca.pki.signerP12), { ...base, preflight: trust }),
      ).rejects.toMatchObject({ code: 'REVOCATION_UNKNOWN' });
    } finally {
      ca.crlDown(false);
    }
    await expect(
      signPdf(unsigned, p12(ca.pki.signerP12), { ...base, preflight: trust }),
    ).resolves.toBeInstanceOf(Buffer);
  });

  it('a revocation after the trusted timestamp leaves a B-T signature valid; a B-B one is then revoked', async () => {
    const signer = p12(ca.pki.signerP12);
    const [leaf] = await signer.certificateChain();
    const bt = await signPdf(unsigned, signer, { ...base, tsa: ca.tsa, preflight: ca.trust });
    const bb = await signPdf(unsigned, signer, { ...base, preflight: ca.trust });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const now = new Date();
    const { buildCrl } = await import('../../src/adapters/signing/revocation.ts');
    const crl = await buildCrl({
      issuerCertPem: ca.pki.intermediate.certPem,
      issuerKeyPem: ca.pki.intermediate.keyPem,
      revoked: [{ serialNumber: new crypto.X509Certificate(leaf as Buffer).serialNumber, revokedAt: now }],
      thisUpdate: now,
      nextUpdate: new Date(now.getTime() + 3_600_000),
    });
    const rootCrl = await buildCrl({
      issuerCertPem: ca.pki.root.certPem,
      issuerKeyPem: ca.pki.root.keyPem,
      revoked: [],
      thisUpdate: now,
      nextUpdate: new Date(now.getTime() + 3_600_000),
    });
    const later = { trustedRoots: [ca.pki.rootPem], revocation: { crlsFor: async () => [crl, rootCrl] } };
    const stamped = await verifyPdfSignatures(bt, later);
    expect(stamped.signatures[0]).toMatchObject({ valid: true, level: 'B-T', revocation: 'good' });
    const claimed = await verifyPdfSignatures(bb, later);
    expect(claimed.signatures[0]).toMatchObject({ valid: false, level: 'B-B', revocation: 'revoked' });
    expect(claimed.signatures[0]?.problems).toEqual(['certificate_revoked']);
  });

  it('the local TSA speaks RFC 3161 over HTTP: a wrong media type is refused, a token comes back for the digest asked', async () => {
    const res = await fetch(ca.tsaUrl, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'x',
    });
    expect(res.status).toBe(415);
    const digest = crypto.createHash('sha256').update('abc').digest();
    const token = await ca.tsa.timestamp(digest);
    expect(parseDetachedCms(token).eContentType).toBe(OID.tstInfo);
  });
});

describe('[goal 27] NĐ 30/2020 appearance and two signatures', () => {
  it('the leader and the agency seal: visible widgets (blue, red), both valid, the first bytes untouched', async () => {
    const bt = { ...base, tsa: ca.tsa, preflight: ca.trust };
    const one = await signPdf(unsigned, p12(ca.pki.leaderSignerP12), { ...bt, appearance: leaderBox() });
    const two = await signPdf(one, p12(ca.pki.signerP12), { ...bt, appearance: sealBox() });
    expect(two.subarray(0, one.length).equals(one)).toBe(true);
    expect(two.toString('latin1').match(/\/AP << \/N \d+ 0 R >>/g)).toHaveLength(2);
    const report = await verifyPdfSignatures(two, ca.trust);
    expect(report.signatures.map((s) => [s.valid, s.level, s.signer?.commonName])).toEqual([
      [true, 'B-T', 'Nguyen Van Lanh Dao (DEMO)'],
      [true, 'B-T', 'Sở Tư pháp tỉnh An Hòa (DEMO)'],
    ]);
    expect(pdfsigValid('two-visible.pdf', two)).toBe(true);
    const blue = (r: number, g: number, b: number) => b > 150 && r < 90 && g < 90;
    const red = (r: number, g: number, b: number) => r > 150 && g < 90 && b < 90;
    expect(colourPixels(unsigned, leaderBox().rect, blue)).toBe(0);
    expect(colourPixels(two, leaderBox().rect, blue)).toBeGreaterThan(100);
    expect(colourPixels(two, sealBox().rect, red)).toBeGreaterThan(100);
    // The text is drawn too (dark pixels inside the seal frame, beyond the frame itself).
    const dark = (r: number, g: number, b: number) => r < 80 && g < 80 && b < 80;
    expect(colourPixels(two, [270, 45, 465, 78], dark)).toBeGreaterThan(100);
  }, 60_000);
});

describe('[goal 27] sample set: our verifier and pdfsig', () => {
  it('100 % of valid samples verify in both; 0 of the bad samples are reported valid', async () => {
    const agency = p12(ca.pki.signerP12);
    const leader = p12(ca.pki.leaderSignerP12);
    const bt = { ...base, tsa: ca.tsa, preflight: ca.trust };
    const valid: Array<[string, Buffer]> = [];
    const one = await signPdf(unsigned, agency, bt);
    valid.push(['agency B-T', one]);
    valid.push(['leader B-T', await signPdf(unsigned, leader, { ...bt, name: 'Lanh dao' })]);
    const leaderFirst = await signPdf(unsigned, leader, { ...bt, name: 'Lanh dao', appearance: leaderBox() });
    const two = await signPdf(leaderFirst, agency, { ...bt, appearance: sealBox() });
    expect(two.subarray(0, leaderFirst.length).equals(leaderFirst)).toBe(true);
    valid.push(['leader then agency seal, visible (incremental)', two]);
    valid.push(['agency B-B (no TSA)', await signPdf(unsigned, agency, { ...base, preflight: ca.trust })]);

    // The bad samples; `pdfsig: false` where pdfsig has no way to know (it reads no CRL or timestamp).
    const bad: Array<{ label: string; pdf: Buffer; pdfsig: boolean }> = [];
    for (const [i, offset] of [0.1, 0.3, 0.5, 0.7, 0.9].entries()) {
      const tampered = Buffer.from(one);
      const hole = one.indexOf('/Contents <');
      const at = Math.floor(hole * offset);
      tampered[at] = tampered[at] === 0x20 ? 0x21 : 0x20;
      bad.push({ label: `tampered byte ${i + 1} @${at}`, pdf: tampered, pdfsig: true });
    }
    const tail = Buffer.from(two);
    tail[two.length - 40] = tail[two.length - 40] === 0x20 ? 0x21 : 0x20;
    bad.push({ label: 'tampered byte in the second signature update', pdf: tail, pdfsig: true });
    const shadow = shadowUpdate(one, 'SHADOW CONTENT');
    expect(pdfText(shadow)).toContain('SHADOW CONTENT');
    bad.push({ label: 'shadow attack: content stream redefined after signing', pdf: shadow, pdfsig: true });
    bad.push({ label: 'shadow attack after two signatures', pdf: shadowUpdate(two, 'SHADOW'), pdfsig: true });
    const forced = { ...base, tsa: ca.tsa };
    bad.push({
      label: 'expired certificate',
      pdf: await signPdf(unsigned, p12(ca.pki.expiredSignerP12, { skipValidityCheck: true }), forced),
      pdfsig: true,
    });
    bad.push({
      label: 'revoked certificate (CRL)',
      pdf: await signPdf(unsigned, p12(ca.pki.revokedSignerP12), forced),
      pdfsig: false,
    });
    bad.push({
      label: 'untrusted root',
      pdf: await signPdf(unsigned, p12(ca.pki.wrongRootSignerP12), forced),
      pdfsig: true,
    });
    // A TSA that stamps something else: the token's imprint is not the signature's.
    const lyingTsa = {
      description: 'wrong imprint',
      timestamp: async () =>
        timestampToken({
          imprint: crypto.randomBytes(32),
          tsaChain: ca.pki.tsaChain,
          tsaKey: crypto.createPrivateKey(ca.pki.tsaKeyPem),
          now: new Date(),
        }),
    };
    bad.push({
      label: 'timestamp over other data',
      pdf: await signPdf(unsigned, agency, { ...base, tsa: lyingTsa }),
      pdfsig: false,
    });

    const ours = { valid: 0, badAccepted: [] as string[] };
    const theirs = { valid: 0, judged: 0, badAccepted: [] as string[] };
    for (const [label, pdf] of valid) {
      const report = await verifyPdfSignatures(pdf, ca.trust);
      expect(report.valid, `${label}: ${JSON.stringify(report.signatures.map((s) => s.problems))}`).toBe(
        true,
      );
      ours.valid += 1;
      expect(pdfsigValid(`valid-${ours.valid}.pdf`, pdf), label).toBe(true);
      theirs.valid += 1;
    }
    for (const [i, sample] of bad.entries()) {
      const report = await verifyPdfSignatures(sample.pdf, ca.trust);
      if (report.valid) {
        ours.badAccepted.push(sample.label);
      }
      if (sample.pdfsig) {
        theirs.judged += 1;
        if (pdfsigValid(`bad-${i}.pdf`, sample.pdf)) {
          theirs.badAccepted.push(sample.label);
        }
      }
    }
    console.log(
      `[goal 27] valid samples: ours ${ours.valid}/${valid.length}, pdfsig ${theirs.valid}/${valid.length}; ` +
        `bad samples reported valid: ours ${ours.badAccepted.length}/${bad.length}, ` +
        `pdfsig ${theirs.badAccepted.length}/${theirs.judged}`,
    );
    expect(ours.badAccepted).toEqual([]);
    expect(theirs.badAccepted).toEqual([]);
    expect(ours.valid).toBe(valid.length);
    expect(theirs.valid).toBe(valid.length);
  }, 120_000);

  it('each bad sample is rejected for its own reason', async () => {
    const forced = { ...base, tsa: ca.tsa };
    const problemsOf = async (pdf: Buffer) =>
      (await verifyPdfSignatures(pdf, ca.trust)).signatures[0]?.problems;
    const signed = await signPdf(unsigned, p12(ca.pki.signerP12), forced);
    expect(await problemsOf(shadowUpdate(signed, 'X'))).toEqual(['modified_after_signing']);
    expect(await problemsOf(await signPdf(unsigned, p12(ca.pki.revokedSignerP12), forced))).toEqual([
      'certificate_revoked',
    ]);
    expect(
      await problemsOf(
        await signPdf(unsigned, p12(ca.pki.expiredSignerP12, { skipValidityCheck: true }), forced),
      ),
    ).toContain('certificate_expired_at_signing');
    expect(await problemsOf(await signPdf(unsigned, p12(ca.pki.wrongRootSignerP12), forced))).toEqual([
      'untrusted_chain',
      // The TSA's chain is trusted, the signer's is not; revocation is only asked of trusted chains.
    ]);
  }, 60_000);
});
