// R24, security goal 27: PAdES signatures made with a throwaway CA built in the test, verified by our
// verifier and independently by poppler's pdfsig; tampered, modified, expired and untrusted samples
// are never reported valid.

import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OID, parseDetachedCms } from '../../src/adapters/signing/cms.ts';
import {
  generateLocalPki,
  issueCertificate,
  type LocalPki,
  toP12,
} from '../../src/adapters/signing/local-pki.ts';
import { createP12Signer } from '../../src/adapters/signing/p12-signer.ts';
import { signPdf } from '../../src/adapters/signing/pades.ts';
import type { Signer } from '../../src/adapters/signing/signer.ts';
import { verifyPdfSignatures } from '../../src/adapters/signing/verify.ts';
import { renderDocument } from '../../src/modules/documents/render-document.ts';
import { SAMPLE_MODELS } from '../../src/modules/documents/sample-models.ts';
import { defaultTexts } from '../../src/modules/documents/templates/template-catalogue.ts';
import { pdfsig } from '../helpers/poppler.ts';

let pki: LocalPki;
let unsigned: Buffer;
let signed: Buffer;
let dir: string;
let nssDir: string | null = null;
const trust = () => ({ trustedRoots: [pki.rootPem] });
const options = {
  name: 'Sở Tư pháp tỉnh An Hòa',
  reason: 'Ký số kết quả giải quyết TTHC',
  location: 'An Hòa',
};

function write(name: string, pdf: Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, pdf);
  return file;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-sign-'));
  pki = generateLocalPki();
  unsigned = await renderDocument('result_handover', SAMPLE_MODELS.result_handover, {
    ruleSet: 'nd118_2025',
    texts: defaultTexts('result_handover', 'nd118_2025'),
    publicUrl: 'http://localhost',
  });
  signed = await signPdf(unsigned, createP12Signer(pki.signerP12, pki.password), options);
  // pdfsig trusts roots from an NSS database; certutil (libnss3-tools) builds one with our test root.
  if (fs.existsSync('/usr/bin/certutil')) {
    nssDir = path.join(dir, 'nss');
    fs.mkdirSync(nssDir);
    fs.writeFileSync(path.join(dir, 'root.pem'), pki.rootPem);
    execFileSync('/usr/bin/certutil', ['-N', '-d', `sql:${nssDir}`, '--empty-password']);
    execFileSync('/usr/bin/certutil', [
      '-A',
      '-d',
      `sql:${nssDir}`,
      '-n',
      'motcua-test-root',
      '-t',
      'C,C,C',
      '-i',
      path.join(dir, 'root.pem'),
    ]);
  }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('[R24] PAdES signing', () => {
  it('[goal 27] a signed result verifies: signer, signing time, chain to the trusted root, whole file covered', async () => {
    const report = await verifyPdfSignatures(signed, trust());
    expect(report.valid).toBe(true);
    const [sig] = report.signatures;
    expect(sig?.problems).toEqual([]);
    expect(sig?.signer?.commonName).toBe('Sở Tư pháp tỉnh An Hòa (DEMO)');
    expect(sig?.chain.map((c) => c.trustedRoot)).toEqual([false, false, true]);
    expect(sig?.coversWholeDocument).toBe(true);
    expect(sig?.subFilter).toBe('ETSI.CAdES.detached');
    expect(Math.abs((sig?.signedAt?.getTime() ?? 0) - Date.now())).toBeLessThan(120_000);
    expect(sig?.reason).toBe('Ky so ket qua giai quyet TTHC');
    expect(sig?.location).toBe('An Hoa');
    // The report says what it did not check, as codes the UI words in Vietnamese and English.
    // No revocation source here, and no TSA: the time is the signer's claim (B-B).
    expect(sig?.level).toBe('B-B');
    expect(report.limitations).toEqual(['revocation_not_checked', 'signing_time_claimed', 'ocsp_not_read']);
  });

  it('[goal 27] the CMS is detached SignedData with SHA-256, RSA ≥ 2048 and the signer certificate embedded', () => {
    const hex = /\/Contents\s*<([0-9a-fA-F]+)>/.exec(signed.toString('latin1'))?.[1] ?? '';
    const cms = parseDetachedCms(Buffer.from(hex, 'hex'));
    expect(cms.digestAlgorithm).toBe(OID.sha256);
    expect(cms.certificates).toHaveLength(3);
    const signer = new crypto.X509Certificate(cms.certificates[0] as Buffer);
    expect(signer.publicKey.asymmetricKeyDetails?.modulusLength).toBeGreaterThanOrEqual(2048);
    expect(cms.messageDigest).toHaveLength(32);
  });

  it('[goal 27] pdfsig (poppler) independently finds the signature valid, SHA-256, whole document signed', () => {
    const { output } = pdfsig(write('signed.pdf', signed), nssDir ? ['-nssdir', `sql:${nssDir}`] : []);
    expect(output).toContain('Signature Validation: Signature is Valid.');
    expect(output).toContain('Signing Hash Algorithm: SHA-256');
    expect(output).toContain('Total document signed');
    expect(output).toContain('Signer Certificate Common Name: Sở Tư pháp tỉnh An Hòa (DEMO)');
    if (nssDir) {
      expect(output).toContain('Certificate Validation: Certificate is Trusted.');
    }
  });

  it('[goal 27] a second signature is an incremental update: both verify, the first bytes unchanged', async () => {
    const twice = await signPdf(signed, createP12Signer(pki.signerP12, pki.password), {
      ...options,
      name: 'Người ký thứ hai',
    });
    expect(twice.subarray(0, signed.length).equals(signed)).toBe(true);
    const report = await verifyPdfSignatures(twice, trust());
    expect(report.valid).toBe(true);
    expect(report.signatures).toHaveLength(2);
    const { output } = pdfsig(write('twice.pdf', twice));
    expect(output.match(/Signature is Valid/g)).toHaveLength(2);
  });

  it('[goal 27] a signer behind another interface (token, remote service) plugs in', async () => {
    const local = createP12Signer(pki.signerP12, pki.password);
    const calls: number[] = [];
    const remote: Signer = {
      description: 'remote signing service (simulated)',
      certificateChain: () => local.certificateChain(),
      async sign(data) {
        calls.push(data.length);
        await new Promise((resolve) => setTimeout(resolve, 5));
        return local.sign(data);
      },
    };
    const pdf = await signPdf(unsigned, remote, options);
    expect(calls).toHaveLength(1);
    expect((await verifyPdfSignatures(pdf, trust())).valid).toBe(true);
  });
});

describe('[goal 27] verification rejects what it must', () => {
  it('a byte changed inside the signed range: digest mismatch, in our verifier and in pdfsig', async () => {
    const tampered = Buffer.from(signed);
    const at = tampered.indexOf('Phiếu lý lịch tư pháp') > 0 ? tampered.indexOf('/Producer') : 200;
    tampered[at + 2] = tampered[at + 2] === 0x41 ? 0x42 : 0x41;
    const report = await verifyPdfSignatures(tampered, trust());
    expect(report.valid).toBe(false);
    expect(report.signatures[0]?.problems).toContain('digest_mismatch');
    const { output } = pdfsig(write('tampered.pdf', tampered));
    expect(output).not.toContain('Signature is Valid');
  });

  it('content appended after signing (an unsigned incremental update) is detected', async () => {
    const appended = Buffer.concat([
      signed,
      Buffer.from('\n% changed after signing\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'),
    ]);
    const report = await verifyPdfSignatures(appended, trust());
    expect(report.valid).toBe(false);
    expect(report.signatures[0]?.problems).toEqual(['modified_after_signing']);
    expect(pdfsig(write('appended.pdf', appended)).output).toContain('Not total document signed');
  });

  it('an expired certificate is refused before signing, and a backdated sample fails verification', async () => {
    const refuse = createP12Signer(pki.expiredSignerP12, pki.password);
    await expect(signPdf(unsigned, refuse, options)).rejects.toMatchObject({
      code: 'CERTIFICATE_NOT_VALID_NOW',
    });
    const forced = createP12Signer(pki.expiredSignerP12, pki.password, { skipValidityCheck: true });
    const pdf = await signPdf(unsigned, forced, options);
    const report = await verifyPdfSignatures(pdf, trust());
    expect(report.valid).toBe(false);
    expect(report.signatures[0]?.problems).toEqual(['certificate_expired_at_signing']);
  });

  it('a certificate under a root nobody configured is untrusted', async () => {
    const pdf = await signPdf(unsigned, createP12Signer(pki.wrongRootSignerP12, pki.password), options);
    const report = await verifyPdfSignatures(pdf, trust());
    expect(report.signatures[0]?.problems).toEqual(['untrusted_chain']);
    // The same file verifies when that root is trusted: only trust decided.
    expect((await verifyPdfSignatures(pdf, { trustedRoots: [pki.wrongRootPem] })).valid).toBe(true);
  });

  it('an unsigned PDF, a garbage signature and a wrong password', async () => {
    expect(await verifyPdfSignatures(unsigned, trust())).toMatchObject({ valid: false, signatures: [] });
    const hex = /\/Contents\s*<([0-9a-fA-F]+)>/.exec(signed.toString('latin1'))?.[1] ?? '';
    const garbage = Buffer.from(
      signed.toString('latin1').replace(hex, 'ab'.repeat(hex.length / 2)),
      'latin1',
    );
    expect((await verifyPdfSignatures(garbage, trust())).signatures[0]?.problems).toContain('cms_malformed');
    expect(() => createP12Signer(pki.signerP12, 'wrong')).toThrow(/cannot be read/);
  });

  it('RSA keys under 2048 bits are refused', () => {
    const now = Date.now();
    const weak = issueCertificate({
      commonName: 'weak',
      organisation: 'weak',
      ca: false,
      notBefore: new Date(now - 86_400_000),
      notAfter: new Date(now + 86_400_000),
      bits: 1024,
    });
    expect(() => createP12Signer(toP12(weak, [], 'x'), 'x')).toThrow(/2048/);
  });
});
