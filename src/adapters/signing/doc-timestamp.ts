// PAdES B-LTA (ETSI EN 319 142-1 §5.4, ISO 32000-2 §12.8.5): a document timestamp after the DSS.
// An incremental update adds an invisible signature field whose value is a /DocTimeStamp dictionary
// (SubFilter ETSI.RFC3161) and whose /Contents is an RFC 3161 TimeStampToken over the SHA-256 of the
// /ByteRange-covered bytes: the signatures and the DSS, all timestamped, so they can be shown to have
// existed before any later weakness of their algorithms or keys. The verifier's side is here too.
import crypto, { type X509Certificate } from 'node:crypto';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { buildChain, dnField } from './chain.ts';
import type { TimestampAuthority } from './cms.ts';
import { type DssContents, readDss } from './dss.ts';
import { onlyDssAfter } from './dss-update-check.ts';
import { fillPlaceholder, SIGNATURE_BYTES } from './pades.ts';
import type { RawSignature } from './pdf-signatures.ts';
import { SigningError } from './signer.ts';
import { checkTimestamp } from './tsa.ts';

const SUBFILTER_RFC3161 = 'ETSI.RFC3161';

/**
 * The library's placeholder writes a /Type /Sig dictionary with signer entries (/Name, /Reason, /M…)
 * a document timestamp has no use for; it is rewritten in place to /Type /DocTimeStamp with only
 * /Filter, /SubFilter, /ByteRange and /Contents, padded with spaces to the same length so every
 * cross-reference offset after it still holds.
 */
function asDocTimeStamp(prepared: Buffer): Buffer {
  const text = prepared.toString('latin1');
  const subFilter = text.lastIndexOf(`/SubFilter /${SUBFILTER_RFC3161}`);
  const open = text.lastIndexOf('<<', text.lastIndexOf('/Type /Sig', subFilter));
  const byteRange = text.indexOf('/ByteRange', subFilter);
  const holeEnd = text.indexOf('>', text.indexOf('/Contents <', byteRange)) + 1;
  const close = text.indexOf('\nendobj', holeEnd);
  if (subFilter < 0 || open < 0 || byteRange < 0 || holeEnd <= 0 || close < 0) {
    throw new Error('the timestamp placeholder was not found');
  }
  const head = `<<\n/Type /DocTimeStamp\n/Filter /Adobe.PPKLite\n/SubFilter /${SUBFILTER_RFC3161}\n`;
  const dict = `${head}${text.slice(byteRange, holeEnd)}`;
  const length = close - open;
  if (dict.length > length - 3) {
    throw new Error('the timestamp dictionary does not fit where the placeholder was');
  }
  return pointStartxrefAtXref(
    Buffer.concat([
      prepared.subarray(0, open),
      Buffer.from(`${dict.padEnd(length - 3, ' ')}\n>>`, 'latin1'),
      prepared.subarray(close),
    ]),
  );
}

/** The library's startxref points at the newline before "xref"; it must point at "xref" itself. */
function pointStartxrefAtXref(pdf: Buffer): Buffer {
  const tail = pdf.lastIndexOf('startxref');
  const m = /^startxref\s+(\d+)(\s+%%EOF\s*)$/.exec(pdf.toString('latin1', tail));
  const at = Number(m?.[1]);
  if (!m || pdf.toString('latin1', at, at + 5) !== '\nxref') {
    return pdf;
  }
  return Buffer.concat([pdf.subarray(0, tail), Buffer.from(`startxref\n${at + 1}${m[2]}`)]);
}

/** Appends a document timestamp from `tsa` (PAdES B-LTA when the file is B-LT). */
export async function addDocumentTimestamp(pdf: Buffer, tsa: TimestampAuthority): Promise<Buffer> {
  let prepared: Buffer;
  try {
    prepared = asDocTimeStamp(
      plainAddPlaceholder({
        pdfBuffer: pdf,
        reason: '',
        contactInfo: '',
        name: '',
        location: '',
        signatureLength: SIGNATURE_BYTES,
        subFilter: SUBFILTER_RFC3161,
        widgetRect: [0, 0, 0, 0],
      }),
    );
  } catch (error) {
    throw new SigningError(
      'PDF_UNSUPPORTED',
      `cannot add a document timestamp to this PDF: ${(error as Error).message}`,
    );
  }
  return fillPlaceholder(prepared, (covered) =>
    tsa.timestamp(crypto.createHash('sha256').update(covered).digest()),
  );
}

/** A document timestamp is a signature field whose value is /Type /DocTimeStamp (or RFC 3161). */
export const isDocumentTimestamp = (raw: RawSignature) =>
  /\/Type\s*\/DocTimeStamp\b/.test(raw.dict) || /\/SubFilter\s*\/ETSI\.RFC3161\b/.test(raw.dict);

/**
 * An RFC 3161 token over SHA-256 of `data`, checked up to a trusted root: the token itself
 * (checkTimestamp), the TSA chain, and the TSA certificate valid at the time it states.
 */
export function trustedTimestamp(token: Buffer, data: Buffer, roots: X509Certificate[]) {
  const ts = checkTimestamp(token, data);
  const tsaChain = ts.tsa ? buildChain(ts.tsa, ts.certificates, roots) : null;
  const tsaValidThen =
    ts.time !== null &&
    ts.tsa !== null &&
    ts.time >= new Date(ts.tsa.validFrom) &&
    ts.time <= new Date(ts.tsa.validTo);
  return {
    time: ts.time,
    tsaCert: ts.tsa,
    tsa: ts.tsa ? dnField(ts.tsa.subject, 'CN') : null,
    valid: ts.valid && tsaChain?.trusted === true && tsaValidThen,
  };
}

/** What the verification reports of one document timestamp. */
export interface DocumentTimestampVerification {
  valid: boolean;
  time: Date | null;
  tsa: string | null;
  problems: Array<'byte_range_invalid' | 'timestamp_invalid' | 'modified_after_signing'>;
  coversWholeDocument: boolean;
}

interface CheckedDocumentTimestamp {
  report: DocumentTimestampVerification;
  /** Where the timestamp's own update begins: what it timestamps before it is the file as it was. */
  revisionStart: number;
  /** The end of the covered bytes (the end of its update). */
  coveredEnd: number;
}

/** A valid document timestamp: where its update starts, and the DSS it timestamped. */
export interface Archive {
  revisionStart: number;
  dss: DssContents | null;
}

/**
 * Every document timestamp of the file, checked; the first valid one is the archive timestamp
 * (PAdES B-LTA) for the signatures and the DSS before it.
 */
export async function checkDocumentTimestamps(
  pdf: Buffer,
  found: RawSignature[],
  roots: X509Certificate[],
): Promise<{ documentTimestamps: DocumentTimestampVerification[]; archive: Archive | null }> {
  const checked: CheckedDocumentTimestamp[] = [];
  for (const raw of found.filter(isDocumentTimestamp)) {
    checked.push(await verifyDocumentTimestamp(pdf, raw, roots));
  }
  const seal = checked.find((t) => t.report.valid);
  return {
    documentTimestamps: checked.map((t) => t.report),
    archive: seal
      ? { revisionStart: seal.revisionStart, dss: await readDss(pdf.subarray(0, seal.coveredEnd)) }
      : null,
  };
}

/**
 * The token's imprint is SHA-256 of the /ByteRange bytes (ISO 32000-2 §12.8.5), the TSA's signature
 * and chain hold, and nothing but DSS updates follows it (else "modified after signing").
 */
async function verifyDocumentTimestamp(
  pdf: Buffer,
  raw: RawSignature,
  roots: X509Certificate[],
): Promise<CheckedDocumentTimestamp> {
  const [a = -1, b = -1, c = -1, d = -1] = raw.byteRange;
  const wellFormed = a === 0 && b > 0 && c > b && d >= 0 && c + d <= pdf.length && raw.contents !== null;
  const report: DocumentTimestampVerification = {
    valid: false,
    time: null,
    tsa: null,
    problems: [],
    coversWholeDocument: wellFormed && c + d === pdf.length,
  };
  const eof = pdf.lastIndexOf('%%EOF', b);
  const checked = { report, revisionStart: eof < 0 ? 0 : eof + 5, coveredEnd: c + d };
  if (!wellFormed || !raw.contents) {
    report.problems = ['byte_range_invalid'];
    return checked;
  }
  const covered = Buffer.concat([pdf.subarray(0, b), pdf.subarray(c, c + d)]);
  const ts = trustedTimestamp(raw.contents, covered, roots);
  report.time = ts.time;
  report.tsa = ts.tsa;
  if (!ts.valid) {
    report.problems.push('timestamp_invalid');
  }
  if (!report.coversWholeDocument && !(await onlyDssAfter(pdf, c + d))) {
    report.problems.push('modified_after_signing');
  }
  report.valid = report.problems.length === 0;
  return checked;
}
