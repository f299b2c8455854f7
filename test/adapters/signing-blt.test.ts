// Goal 27, PAdES B-LT: a result signed twice (leader, agency seal, both B-T) gets a DSS in an
// incremental update. It must verify in our verifier (level B-LT, revocation judged from the DSS
// alone, nothing fetched) and in pdfsig (signatures still valid after the update); the DSS must hold
// exactly the chains' certificates and CRLs; tampering after the update must be caught; a DSS
// missing a CRL leaves the signature at B-T.

import { execFileSync } from 'node:child_process';
import crypto, { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamIso } from '../../src/adapters/signing/appearance.ts';
import { addDss, readDss, vriKey } from '../../src/adapters/signing/dss.ts';
import { collectValidationData, extendToLongTerm } from '../../src/adapters/signing/long-term.ts';
import { createP12Signer } from '../../src/adapters/signing/p12-signer.ts';
import { type SignPdfOptions, signPdf } from '../../src/adapters/signing/pades.ts';
import { buildCrl, httpCrlSource, type RevocationSource } from '../../src/adapters/signing/revocation.ts';
import { verifyPdfSignatures } from '../../src/adapters/signing/verify.ts';
import { tinosFonts } from '../../src/modules/documents/pdf/fonts.ts';
import { renderDocument } from '../../src/modules/documents/render-document.ts';
import { SAMPLE_MODELS } from '../../src/modules/documents/sample-models.ts';
import { defaultTexts } from '../../src/modules/documents/templates/template-catalogue.ts';
import { colourPixels, pdfsig } from '../helpers/poppler.ts';
import {
  nssTrusting,
  shadowUpdate,
  startTestAuthority,
  type TestAuthority,
} from '../helpers/signing-samples.ts';

let ca: TestAuthority;
let dir: string;
let nssDir: string | null;
/** Two B-T signatures, then the same bytes plus the DSS update. */
let bt: Buffer;
let blt: Buffer;
const at = new Date();
const SEAL_RECT: [number, number, number, number] = [300, 28, 560, 76];

const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
const contentsOf = (pdf: Buffer) =>
  [...pdf.toString('latin1').matchAll(/\/Contents\s*<([0-9a-fA-F]+)>/g)].map((m) =>
    Buffer.from(m[1] as string, 'hex'),
  );
const fetchCrl = async (name: string) =>
  Buffer.from(await (await fetch(new URL(`/${name}.crl`, ca.tsaUrl))).arrayBuffer());

/** pdfsig on `pdf`: how many signatures, and how many it calls valid and trusted. */
function pdfsigCounts(name: string, pdf: Buffer) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, pdf);
  const { output } = pdfsig(file, nssDir ? ['-nssdir', `sql:${nssDir}`] : []);
  const count = (re: RegExp) => output.match(re)?.length ?? 0;
  return {
    signatures: count(/Signature #\d+:/g),
    valid: count(/Signature Validation: Signature is Valid\./g),
    trusted: count(/Certificate Validation: Certificate is Trusted\./g),
    output,
  };
}

/** A revocation source that fails the test if anyone asks it: B-LT must not need it. */
const noFetching = (): RevocationSource & { asked: number } => {
  const source = {
    asked: 0,
    async crlsFor() {
      source.asked++;
      return [];
    },
  };
  return source;
};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-blt-'));
  ca = await startTestAuthority();
  nssDir = nssTrusting(dir, ca.pki.rootPem);
  const unsigned = await renderDocument('result_handover', SAMPLE_MODELS.result_handover, {
    ruleSet: 'nd118_2025',
    texts: defaultTexts('result_handover', 'nd118_2025'),
    publicUrl: 'http://localhost',
  });
  const base: SignPdfOptions = {
    name: 'So Tu phap',
    reason: 'Ket qua giai quyet',
    location: 'An Hoa',
    tsa: ca.tsa,
    preflight: ca.trust,
  };
  const font = tinosFonts().regular;
  const leader = await signPdf(unsigned, createP12Signer(ca.pki.leaderSignerP12, ca.pki.password), {
    ...base,
    appearance: {
      kind: 'person',
      rect: [330, 80, 545, 128],
      font,
      lines: ['Người ký: Nguyễn Văn Lãnh Đạo', `Thời gian ký: ${vietnamIso(at)}`],
    },
  });
  bt = await signPdf(leader, createP12Signer(ca.pki.signerP12, ca.pki.password), {
    ...base,
    appearance: {
      kind: 'organisation',
      rect: SEAL_RECT,
      font,
      lines: ['Cơ quan: Sở Tư pháp tỉnh An Hòa', `Thời gian ký: ${vietnamIso(at)}`],
    },
  });
  blt = await extendToLongTerm(bt, ca.trust);
}, 60_000);
afterAll(async () => {
  await ca?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('[goal 27] PAdES B-LT: the DSS after the signatures', () => {
  it('appends an update and leaves the signed bytes untouched', () => {
    expect(blt.length).toBeGreaterThan(bt.length);
    expect(blt.subarray(0, bt.length).equals(bt)).toBe(true);
    const tail = blt.toString('latin1', bt.length);
    expect(tail).toMatch(/\/Type \/DSS/);
    expect(tail).toMatch(/\nxref\n[\s\S]*trailer[\s\S]*\/Prev \d+[\s\S]*startxref\n\d+\n%%EOF$/);
    // startxref points exactly at the new cross-reference table.
    const startxref = Number(/startxref\n(\d+)\n%%EOF$/.exec(tail)?.[1]);
    expect(blt.toString('latin1', startxref, startxref + 5)).toBe('xref\n');
  });

  it('verifies in ours as B-LT from the DSS alone (nothing fetched), and pdfsig still calls both valid', async () => {
    const report = await verifyPdfSignatures(blt, ca.trust);
    expect(report.valid).toBe(true);
    expect(report.signatures).toHaveLength(2);
    for (const s of report.signatures) {
      expect(s).toMatchObject({ valid: true, level: 'B-LT', revocation: 'good', problems: [] });
      expect(s.validationData).toEqual({ complete: true, vri: true, missing: [] });
    }
    const offline = noFetching();
    const alone = await verifyPdfSignatures(blt, { trustedRoots: [ca.pki.rootPem], revocation: offline });
    expect(alone.valid).toBe(true);
    expect(alone.signatures.map((s) => [s.level, s.revocation])).toEqual([
      ['B-LT', 'good'],
      ['B-LT', 'good'],
    ]);
    expect(offline.asked).toBe(0);
    // The same file without the DSS needs the CRLs: with the CA's server down it cannot be judged.
    ca.crlDown(true);
    try {
      const down = { trustedRoots: [ca.pki.rootPem], revocation: httpCrlSource() };
      expect((await verifyPdfSignatures(bt, down)).valid).toBe(false);
      expect((await verifyPdfSignatures(blt, down)).valid).toBe(true);
    } finally {
      ca.crlDown(false);
    }
    const before = pdfsigCounts('bt.pdf', bt);
    const after = pdfsigCounts('blt.pdf', blt);
    expect(before).toMatchObject({ signatures: 2, valid: 2, trusted: nssDir ? 2 : 0 });
    expect(after).toMatchObject({ signatures: 2, valid: 2, trusted: nssDir ? 2 : 0 });
    // pdfsig names the DSS update for what it is: bytes after the last signature.
    expect(after.output).toContain('Not total document signed');
  });

  it('the DSS holds exactly the signer and TSA chain certificates and the CRLs covering them', async () => {
    const dss = await readDss(blt);
    expect(dss).not.toBeNull();
    const leafOf = (p12: Buffer) => createP12Signer(p12, ca.pki.password).certificateChain();
    const [agency] = await leafOf(ca.pki.signerP12);
    const [leader] = await leafOf(ca.pki.leaderSignerP12);
    const expected = [
      agency as Buffer,
      leader as Buffer,
      ...ca.pki.tsaChain, // TSA, intermediate, root
    ].map((der) => new X509Certificate(der).fingerprint256);
    const held = (dss?.certs ?? []).map((der) => new X509Certificate(der).fingerprint256);
    expect(held).toHaveLength(5);
    expect(new Set(held)).toEqual(new Set(expected));
    const crls = (dss?.crls ?? []).map(sha256).sort();
    expect(crls).toEqual([sha256(await fetchCrl('root')), sha256(await fetchCrl('intermediate'))].sort());
    const keys = contentsOf(bt).map(vriKey);
    expect(keys).toHaveLength(2);
    expect([...(dss?.vriKeys ?? [])].sort()).toEqual([...keys].sort());
  });

  it('tampering after the DSS update is detected', async () => {
    // A byte of the signed content (the page's text), changed in the B-LT file.
    const flipped = Buffer.from(blt);
    const at = flipped.indexOf('stream') + 20;
    flipped[at] = (flipped[at] as number) ^ 0x01;
    const flippedReport = await verifyPdfSignatures(flipped, ca.trust);
    expect(flippedReport.valid).toBe(false);
    expect(flippedReport.signatures[0]?.problems).toContain('digest_mismatch');
    // A shadow update appended after the DSS.
    const shadow = await verifyPdfSignatures(shadowUpdate(blt, 'FORGED'), ca.trust);
    expect(shadow.valid).toBe(false);
    expect(shadow.signatures.at(-1)?.problems).toContain('modified_after_signing');
    // The DSS update itself changing the catalog beyond /DSS (an /OpenAction slipped in).
    const extra = '/OpenAction [5 0 R /Fit]\n';
    const text = blt.toString('latin1');
    const dssAt = text.lastIndexOf('/DSS ');
    const startxref = Number(/startxref\n(\d+)\n%%EOF$/.exec(text)?.[1]);
    const sneaky = Buffer.from(
      `${text.slice(0, dssAt)}${extra}${text.slice(dssAt, text.lastIndexOf('startxref'))}startxref\n${
        startxref + extra.length
      }\n%%EOF`,
      'latin1',
    );
    const sneakyReport = await verifyPdfSignatures(sneaky, ca.trust);
    expect(sneakyReport.valid).toBe(false);
    expect(sneakyReport.signatures.at(-1)?.problems).toContain('modified_after_signing');
    // A byte inside the first DSS certificate (the leader's): the DSS no longer validates that
    // chain, so the leader's signature drops to B-T; the DSS is unsigned, the signatures still hold.
    const certAt = blt.indexOf('stream\n', bt.length) + 7 + 200;
    const badCert = Buffer.from(blt);
    badCert[certAt] = (badCert[certAt] as number) ^ 0xff;
    const badCertReport = await verifyPdfSignatures(badCert, ca.trust);
    expect(badCertReport.signatures.map((s) => [s.valid, s.level])).toEqual([
      [true, 'B-T'],
      [true, 'B-LT'],
    ]);
  });

  it('a DSS update that fills a reference the signed file left dangling counts as a modification', async () => {
    // The signed file's catalog points at object `n`, which does not exist when it is signed (null);
    // the DSS update's first new object gets that very number.
    const withDangling = async (n: number) => {
      const doc = await PDFDocument.create();
      doc.addPage([595, 842]);
      doc.catalog.set(PDFName.of('PieceInfo'), PDFRef.of(n));
      return Buffer.from(await doc.save({ useObjectStreams: false }));
    };
    const sign = (pdf: Buffer) =>
      signPdf(pdf, createP12Signer(ca.pki.signerP12, ca.pki.password), {
        name: 'So Tu phap',
        reason: 'Ket qua',
        location: 'An Hoa',
        tsa: ca.tsa,
      });
    const probe = await sign(await withDangling(9999));
    const size = Number(/\/Size (\d+)/.exec(probe.toString('latin1', probe.lastIndexOf('trailer')))?.[1]);
    const signed = await sign(await withDangling(size));
    const honest = await verifyPdfSignatures(await extendToLongTerm(probe, ca.trust), ca.trust);
    expect(honest.signatures[0]).toMatchObject({ valid: true, level: 'B-LT' });
    const filled = await extendToLongTerm(signed, ca.trust);
    expect(filled.toString('latin1', signed.length)).toContain(`\n${size} 0 obj\n`);
    const report = await verifyPdfSignatures(filled, ca.trust);
    expect(report.valid).toBe(false);
    expect(report.signatures[0]?.problems).toContain('modified_after_signing');
  });

  it('a DSS missing a CRL leaves the signatures at B-T and names what is missing', async () => {
    const data = await collectValidationData(bt, ca.trust);
    const intermediate = sha256(await fetchCrl('intermediate'));
    const partial = addDss(bt, { ...data, crls: data.crls.filter((crl) => sha256(crl) !== intermediate) });
    const report = await verifyPdfSignatures(partial, ca.trust);
    expect(report.valid).toBe(true);
    for (const s of report.signatures) {
      expect(s.level).toBe('B-T');
      expect(s.validationData?.complete).toBe(false);
      expect(s.validationData?.missing).toContainEqual({
        kind: 'crl',
        subject: 'MotCua Demo TSA (NOT FOR PRODUCTION)',
      });
    }
    expect(report.signatures.map((s) => s.validationData?.missing.map((m) => m.subject)[0])).toEqual([
      'Nguyen Van Lanh Dao (DEMO)',
      'Sở Tư pháp tỉnh An Hòa (DEMO)',
    ]);
  });

  it('revocation from the DSS alone: before the timestamp revokes, after it does not', async () => {
    const data = await collectValidationData(bt, ca.trust);
    const [agency] = await createP12Signer(ca.pki.signerP12, ca.pki.password).certificateChain();
    const serialNumber = new X509Certificate(agency as Buffer).serialNumber;
    const stamped = (await verifyPdfSignatures(bt, ca.trust)).signatures[1]?.timestamp?.time as Date;
    const withCrl = async (revokedAt: Date) => {
      const crl = await buildCrl({
        issuerCertPem: ca.pki.intermediate.certPem,
        issuerKeyPem: ca.pki.intermediate.keyPem,
        revoked: [{ serialNumber, revokedAt }],
        thisUpdate: new Date(),
        nextUpdate: new Date(Date.now() + 3_600_000),
      });
      const root = await fetchCrl('root');
      return verifyPdfSignatures(addDss(bt, { ...data, crls: [root, crl] }), {
        trustedRoots: [ca.pki.rootPem],
        revocation: noFetching(),
      });
    };
    const before = await withCrl(new Date(stamped.getTime() - 60_000));
    expect(before.valid).toBe(false);
    expect(before.signatures.map((s) => [s.level, s.revocation])).toEqual([
      ['B-LT', 'good'],
      ['B-LT', 'revoked'],
    ]);
    expect(before.signatures[1]?.problems).toEqual(['certificate_revoked']);
    const after = await withCrl(new Date(stamped.getTime() + 60_000));
    expect(after.valid).toBe(true);
    expect(after.signatures.map((s) => s.revocation)).toEqual(['good', 'good']);
  });

  it('refuses to make a file long-term when a CRL cannot be had', async () => {
    ca.crlDown(true);
    try {
      await expect(
        extendToLongTerm(bt, { trustedRoots: [ca.pki.rootPem], revocation: httpCrlSource() }),
      ).rejects.toMatchObject({ code: 'REVOCATION_UNKNOWN' });
    } finally {
      ca.crlDown(false);
    }
  });

  it('the appearance still shows after the DSS update (page rendered to PNG)', () => {
    const png = path.join(dir, 'blt-page');
    execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', '-', png], {
      input: blt,
    });
    expect(fs.statSync(`${png}.png`).size).toBeGreaterThan(1000);
    if (process.env.MOTCUA_KEEP_PNG) {
      fs.copyFileSync(`${png}.png`, process.env.MOTCUA_KEEP_PNG);
    }
    const red = (r: number, g: number, b: number) => r > 150 && g < 90 && b < 90;
    const blue = (r: number, g: number, b: number) => b > 150 && r < 90 && g < 90;
    expect(colourPixels(blt, SEAL_RECT, red)).toBeGreaterThan(100);
    expect(colourPixels(blt, [330, 80, 545, 128], blue)).toBeGreaterThan(100);
  });
});
