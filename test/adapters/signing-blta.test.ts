// Goal 27, PAdES B-LTA (ETSI EN 319 142-1 §5.4): a result signed twice (leader, agency seal, both
// B-T) gets a DSS, then a document timestamp (ISO 32000-2 §12.8.5) over everything. Our verifier
// must call both signatures B-LTA and report the timestamp (time, TSA) apart from the signatures;
// pdfsig must still find both signatures valid. A changed byte, bytes appended after the timestamp,
// or a token whose imprint is for other bytes must each be caught.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimestampAuthority } from '../../src/adapters/signing/cms.ts';
import { addDocumentTimestamp } from '../../src/adapters/signing/doc-timestamp.ts';
import { extendToLongTerm } from '../../src/adapters/signing/long-term.ts';
import { createP12Signer } from '../../src/adapters/signing/p12-signer.ts';
import { type SignPdfOptions, signPdf } from '../../src/adapters/signing/pades.ts';
import { httpTsa } from '../../src/adapters/signing/tsa.ts';
import { verifyPdfSignatures } from '../../src/adapters/signing/verify.ts';
import { pdfsig } from '../helpers/poppler.ts';
import {
  nssTrusting,
  sampleResultPdf,
  shadowUpdate,
  startTestAuthority,
  type TestAuthority,
} from '../helpers/signing-samples.ts';

let ca: TestAuthority;
let dir: string;
let nssDir: string | null;
/** Two B-T signatures; the same plus DSS only (B-LT); plus the document timestamp (B-LTA). */
let bt: Buffer;
let blt: Buffer;
let blta: Buffer;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-blta-'));
  ca = await startTestAuthority();
  nssDir = nssTrusting(dir, ca.pki.rootPem);
  const unsigned = await sampleResultPdf();
  const base: SignPdfOptions = { name: 'So Tu phap', reason: 'Ket qua', location: 'An Hoa', tsa: ca.tsa };
  const leader = await signPdf(unsigned, createP12Signer(ca.pki.leaderSignerP12, ca.pki.password), base);
  bt = await signPdf(leader, createP12Signer(ca.pki.signerP12, ca.pki.password), base);
  blt = await extendToLongTerm(bt, ca.trust);
  blta = await extendToLongTerm(bt, ca.trust, ca.tsa);
}, 60_000);
afterAll(async () => {
  await ca?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('[goal 27] PAdES B-LTA: a document timestamp after the DSS', () => {
  it('appends one invisible DocTimeStamp field after the DSS update, signed bytes untouched', () => {
    expect(blta.subarray(0, bt.length).equals(bt)).toBe(true);
    const tail = blta.toString('latin1', bt.length);
    const dssAt = tail.indexOf('/Type /DSS');
    const tsAt = tail.indexOf('/Type /DocTimeStamp');
    expect(dssAt).toBeGreaterThan(-1);
    expect(tsAt).toBeGreaterThan(dssAt);
    expect(tail.slice(tsAt)).toMatch(/\/SubFilter \/ETSI\.RFC3161\n\/ByteRange \[0 \d+ \d+ \d+\s*\]/);
    // No signer entries: a document timestamp names nobody (ISO 32000-2 Table 255).
    expect(tail.slice(tsAt, tail.indexOf('endobj', tsAt))).not.toMatch(/\/Name|\/Reason|\/M /);
    expect(tail).toMatch(/\/FT \/Sig[\s\S]*\/Rect \[0 0 0 0\]/);
    // startxref points exactly at the new cross-reference table.
    const startxref = Number(/startxref\n(\d+)\n%%EOF$/.exec(tail)?.[1]);
    expect(blta.toString('latin1', startxref, startxref + 5)).toBe('xref\n');
  });

  it('verifies as B-LTA with the timestamp reported apart from the two signatures; pdfsig agrees', async () => {
    const report = await verifyPdfSignatures(blta, ca.trust);
    expect(report.valid).toBe(true);
    expect(report.signatures).toHaveLength(2);
    for (const s of report.signatures) {
      expect(s).toMatchObject({ valid: true, level: 'B-LTA', revocation: 'good', problems: [] });
    }
    expect(report.documentTimestamps).toHaveLength(1);
    const [ts] = report.documentTimestamps;
    expect(ts).toMatchObject({
      valid: true,
      tsa: 'MotCua Demo TSA (NOT FOR PRODUCTION)',
      problems: [],
      coversWholeDocument: true,
    });
    expect(Math.abs((ts?.time?.getTime() ?? 0) - Date.now())).toBeLessThan(120_000);
    // Without the document timestamp the same file is B-LT, and has no document timestamp.
    const plain = await verifyPdfSignatures(blt, ca.trust);
    expect(plain.signatures.map((s) => s.level)).toEqual(['B-LT', 'B-LT']);
    expect(plain.documentTimestamps).toEqual([]);

    const file = path.join(dir, 'blta.pdf');
    fs.writeFileSync(file, blta);
    const { output } = pdfsig(file, nssDir ? ['-nssdir', `sql:${nssDir}`] : []);
    // pdfsig lists every signature field, the document timestamp included (as a third "signature").
    // pdfsig lists every signature field: the two signatures, then the document timestamp, which
    // it names by the TSA certificate and does not validate (poppler has no RFC 3161 check).
    const blocks = output.split(/Signature #\d+:/).slice(1);
    const signers = blocks.filter((b) => b.includes('Signature Type: ETSI.CAdES.detached'));
    expect(signers).toHaveLength(2);
    for (const block of signers) {
      expect(block).toContain('Signature Validation: Signature is Valid.');
    }
    expect(blocks).toHaveLength(3);
    const tsBlock = blocks[2] ?? '';
    expect(tsBlock).toContain('Common Name: MotCua Demo TSA (NOT FOR PRODUCTION)');
    expect(tsBlock).toContain('Total document signed');
    expect(tsBlock).not.toMatch(/Signature is Invalid|Digest Mismatch/);
    if (!tsBlock.includes('Signature has not yet been verified.')) {
      expect(tsBlock).toContain('Signature Validation: Signature is Valid.');
    }
  });

  it('a byte changed inside the timestamped range makes the document timestamp invalid', async () => {
    // A byte of the DSS update (a certificate in it): covered by the timestamp only, not by a signature.
    const at = blta.indexOf('stream\n', bt.length) + 7 + 200;
    const flipped = Buffer.from(blta);
    flipped[at] = (flipped[at] as number) ^ 0xff;
    const report = await verifyPdfSignatures(flipped, ca.trust);
    expect(report.valid).toBe(false);
    expect(report.documentTimestamps[0]).toMatchObject({ valid: false, problems: ['timestamp_invalid'] });
    expect(report.signatures.map((s) => s.level)).not.toContain('B-LTA');
  });

  it('bytes appended after the document timestamp are a modification', async () => {
    const report = await verifyPdfSignatures(shadowUpdate(blta, 'FORGED'), ca.trust);
    expect(report.valid).toBe(false);
    expect(report.documentTimestamps[0]?.problems).toEqual(['modified_after_signing']);
    expect(report.signatures.at(-1)?.problems).toContain('modified_after_signing');
  });

  it('a shadow update before the document timestamp is still a modification of the signatures', async () => {
    // The timestamp vouches for when the bytes existed, not for what they say: between a signature
    // and the document timestamp only DSS updates may come.
    const stamped = await addDocumentTimestamp(shadowUpdate(blt, 'FORGED'), ca.tsa);
    const report = await verifyPdfSignatures(stamped, ca.trust);
    expect(report.documentTimestamps[0]).toMatchObject({ valid: true });
    expect(report.valid).toBe(false);
    expect(report.signatures.at(-1)?.problems).toContain('modified_after_signing');
  });

  it('a DocTimeStamp whose token is for other bytes is invalid', async () => {
    const elsewhere: TimestampAuthority = {
      description: 'a TSA asked about other bytes',
      timestamp: () => ca.tsa.timestamp(crypto.createHash('sha256').update('other bytes').digest()),
    };
    const wrong = await addDocumentTimestamp(await extendToLongTerm(bt, ca.trust), elsewhere);
    const report = await verifyPdfSignatures(wrong, ca.trust);
    expect(report.valid).toBe(false);
    expect(report.documentTimestamps[0]).toMatchObject({ valid: false, problems: ['timestamp_invalid'] });
    expect(report.signatures).toHaveLength(2);
    expect(report.signatures.map((s) => s.level)).toEqual(['B-LT', 'B-LT']);
  });

  it('a document timestamp from a TSA outside the trusted roots is invalid', async () => {
    const other = await startTestAuthority();
    try {
      const report = await verifyPdfSignatures(await addDocumentTimestamp(blt, other.tsa), ca.trust);
      expect(report.valid).toBe(false);
      expect(report.documentTimestamps[0]).toMatchObject({ valid: false, problems: ['timestamp_invalid'] });
      expect(report.signatures.map((s) => s.level)).toEqual(['B-LT', 'B-LT']);
    } finally {
      await other.close();
    }
  }, 60_000);

  it('a TSA that cannot answer refuses the extension (TIMESTAMP_FAILED), as it refuses signing', async () => {
    const down = httpTsa('http://127.0.0.1:9/tsa', { timeoutMs: 2_000 });
    await expect(extendToLongTerm(bt, ca.trust, down)).rejects.toMatchObject({ code: 'TIMESTAMP_FAILED' });
  });
});
