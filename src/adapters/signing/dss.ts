// PAdES B-LT (ETSI EN 319 142-1 §5.4, ISO 32000-2 §12.8.4.3): the Document Security Store. After the
// signatures, an incremental update adds a /DSS dictionary to the catalog with every certificate
// (/Certs) and CRL (/CRLs) needed to validate the signatures later without fetching anything, and a
// /VRI entry per signature keyed by the upper-case hex SHA-1 of its /Contents. The update is written
// with the same machinery as the signature placeholder (@signpdf/placeholder-plain's reader and
// classic cross-reference writer), so the signed bytes before it are never touched.
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import { removeTrailingNewLine } from '@signpdf/utils';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { SigningError } from './signer.ts';

interface PlainPdfInfo {
  xref: { startingIndex: number; maxIndex: number; offsets: Map<number, number> };
  rootRef: string;
  /** The catalog dictionary's text without the outer << >>. */
  root: string;
  infoRef?: string;
  xRefPosition: number;
}

// Not in the package's main export; the package has no "exports" map, so the files can be required.
const require = createRequire(import.meta.url);
export const readPlainPdf = require('@signpdf/placeholder-plain/dist/readPdf.js').default as (
  pdf: Buffer,
) => PlainPdfInfo;
const createBufferTrailer = require('@signpdf/placeholder-plain/dist/createBufferTrailer.js').default as (
  pdf: Buffer,
  info: PlainPdfInfo,
  added: Map<number, number>,
) => Buffer;

export interface ValidationData {
  /** DER certificates: the signer chains and the TSA chains, each once. */
  certs: Buffer[];
  /** DER CRLs covering every certificate below a root. */
  crls: Buffer[];
  /** Per signature: its /Contents value and the certificates and CRLs that validate it. */
  vri: Array<{ contents: Buffer; certs: Buffer[]; crls: Buffer[] }>;
}

/** The /VRI key of a signature: SHA-1 of the whole /Contents value (padding included), hex upper. */
export const vriKey = (contents: Buffer) =>
  crypto.createHash('sha1').update(contents).digest('hex').toUpperCase();

const fingerprint = (der: Buffer) => crypto.createHash('sha256').update(der).digest('hex');

/** Appends the DSS update to a signed PDF whose last section is a classic cross-reference table. */
export function addDss(pdf: Buffer, data: ValidationData): Buffer {
  let out: Buffer = removeTrailingNewLine(pdf);
  let info: PlainPdfInfo;
  try {
    info = readPlainPdf(out);
  } catch (error) {
    throw new SigningError('PDF_UNSUPPORTED', `cannot add a DSS to this PDF: ${(error as Error).message}`);
  }
  // New objects are numbered from the trailer's /Size, which earlier updates may have set above
  // their highest object: a lower number would redefine an object some reader thinks exists.
  const lastTrailer = out.toString('latin1', out.lastIndexOf('trailer'));
  const size = Number(/\/Size\s+(\d+)/.exec(lastTrailer)?.[1] ?? 0);
  info.xref.maxIndex = Math.max(info.xref.maxIndex, size - 1);
  const added = new Map<number, number>();
  const write = (num: number, body: Buffer | string) => {
    added.set(num, out.length + 1);
    out = Buffer.concat([out, Buffer.from(`\n${num} 0 obj\n`), Buffer.from(body), Buffer.from('\nendobj\n')]);
  };
  const streams = new Map<string, number>();
  const refOf = (der: Buffer): number => {
    const key = fingerprint(der);
    let num = streams.get(key);
    if (num === undefined) {
      num = ++info.xref.maxIndex;
      streams.set(key, num);
      write(
        num,
        Buffer.concat([
          Buffer.from(`<< /Length ${der.length} >>\nstream\n`),
          der,
          Buffer.from('\nendstream'),
        ]),
      );
    }
    return num;
  };
  const array = (ders: Buffer[]) => `[${[...new Set(ders.map(refOf))].map((n) => `${n} 0 R`).join(' ')}]`;
  const certs = array(data.certs);
  const crls = array(data.crls);
  const vri = data.vri
    .map((v) => `/${vriKey(v.contents)} << /Cert ${array(v.certs)} /CRL ${array(v.crls)} >>`)
    .join('\n');
  const dss = ++info.xref.maxIndex;
  write(dss, `<<\n/Type /DSS\n/Certs ${certs}\n/CRLs ${crls}\n/VRI <<\n${vri}\n>>\n>>`);
  // The catalog's new revision: the same entries, plus /DSS (a previous DSS is replaced).
  const rootNum = Number(info.rootRef.split(/\s+/)[0]);
  write(rootNum, `<<\n${info.root.replace(/\/DSS\s+\d+\s+\d+\s+R/g, '').trim()}\n/DSS ${dss} 0 R\n>>`);
  // startxref must point at "xref" itself (placeholder-plain's own use points one byte early).
  out = Buffer.concat([out, Buffer.from('\n')]);
  return Buffer.concat([out, createBufferTrailer(out, info, added)]);
}

export interface DssContents {
  certs: Buffer[];
  crls: Buffer[];
  /** The /VRI keys present. */
  vriKeys: string[];
}

/** The DSS the document's final catalog points at, or null (none, or unreadable). */
export async function readDss(pdf: Buffer): Promise<DssContents | null> {
  try {
    const doc = await PDFDocument.load(pdf, {
      updateMetadata: false,
      ignoreEncryption: true,
      throwOnInvalidObject: false,
    });
    const dss = doc.catalog.lookupMaybe(PDFName.of('DSS'), PDFDict);
    if (!dss) {
      return null;
    }
    const streams = (key: string): Buffer[] =>
      (dss.lookupMaybe(PDFName.of(key), PDFArray)?.asArray() ?? [])
        .map((ref) => doc.context.lookup(ref))
        .filter((s): s is PDFRawStream => s instanceof PDFRawStream)
        .map((s) => Buffer.from(decodePDFRawStream(s).decode()));
    const vri = dss.lookupMaybe(PDFName.of('VRI'), PDFDict);
    return {
      certs: streams('Certs'),
      crls: streams('CRLs'),
      vriKeys: vri ? vri.keys().map((k) => k.asString().slice(1)) : [],
    };
  } catch {
    return null;
  }
}
