// Goal 27: bytes after a signature mean "modified after signing" unless every later revision is a
// DSS update (PAdES B-LT): new objects only, plus a catalog revision identical to the previous one
// but for /DSS. Nothing a reader renders can change that way; shadow attacks (Mainka et al., 2021)
// hide in exactly such incremental updates, so anything else in them is refused.
import { removeTrailingNewLine } from '@signpdf/utils';
import {
  PDFArray,
  PDFContext,
  PDFDict,
  PDFDocument,
  PDFName,
  type PDFObject,
  PDFObjectParser,
  PDFRef,
  PDFStream,
} from 'pdf-lib';
import { readPlainPdf } from './dss.ts';

const startxrefOf = (text: string) => {
  const m = [...text.matchAll(/startxref\s+(\d+)\s+%%EOF\s*$/g)].at(-1);
  return m ? Number(m[1]) : null;
};

function parseDict(text: string): PDFDict | null {
  try {
    const obj = PDFObjectParser.forBytes(Buffer.from(text, 'latin1'), PDFContext.create()).parseObject();
    return obj instanceof PDFDict ? obj : null;
  } catch {
    return null;
  }
}

/** A dictionary's entries as text, without /DSS (the one entry a DSS update may change). */
const withoutDss = (dict: PDFDict) =>
  dict
    .entries()
    .filter(([key]) => key !== PDFName.of('DSS'))
    .map(([key, value]) => `${key.asString()} ${value.toString()}`)
    .sort()
    .join('\n');

interface XrefSection {
  inUse: Map<number, number>;
  freeOtherThanZero: boolean;
  trailer: PDFDict | null;
}

function readXrefSection(text: string): XrefSection | null {
  const m = /^\s*xref\s*\n([\s\S]*?)trailer\s*(<<[\s\S]*>>)\s*startxref/.exec(text);
  if (!m?.[1] || !m[2]) {
    return null;
  }
  const inUse = new Map<number, number>();
  let freeOtherThanZero = false;
  let next = -1;
  let left = 0;
  for (const line of m[1].split(/\r\n|\r|\n/).map((l) => l.trim())) {
    const entry = /^(\d{10}) (\d{5}) ([nf])$/.exec(line);
    const header = /^(\d+) (\d+)$/.exec(line);
    if (entry && left > 0) {
      if (entry[3] === 'n') {
        inUse.set(next, Number(entry[1]));
      } else if (next !== 0) {
        freeOtherThanZero = true;
      }
      next++;
      left--;
    } else if (header && left === 0) {
      next = Number(header[1]);
      left = Number(header[2]);
    } else if (line !== '') {
      return null;
    }
  }
  return left === 0 ? { inUse, freeOtherThanZero, trailer: parseDict(m[2]) } : null;
}

/**
 * Whether anything in `prefix` (objects, object streams, trailer) refers to one of `numbers`: a
 * reference to an object that did not exist yet is null when signed, but would show whatever a later
 * update puts there. Null when the prefix cannot be read.
 */
async function prefixRefersTo(prefix: Buffer, trailer: PDFDict, numbers: Set<number>) {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(prefix, {
      updateMetadata: false,
      ignoreEncryption: true,
      throwOnInvalidObject: false,
    });
  } catch {
    return null;
  }
  const refers = (obj: PDFObject): boolean => {
    if (obj instanceof PDFRef) {
      return numbers.has(obj.objectNumber);
    }
    if (obj instanceof PDFDict) {
      return obj.values().some(refers);
    }
    if (obj instanceof PDFArray) {
      return obj.asArray().some(refers);
    }
    return obj instanceof PDFStream && refers(obj.dict);
  };
  return refers(trailer) || doc.context.enumerateIndirectObjects().some(([, obj]) => refers(obj));
}

/** The revision in [start, end) only adds a DSS to the file that ends at `start`. */
async function isDssRevision(pdf: Buffer, start: number, end: number): Promise<boolean> {
  const prefix = pdf.toString('latin1', 0, start);
  const prevXref = startxrefOf(prefix);
  const lastTrailer = prefix.slice(prefix.lastIndexOf('trailer'));
  const prevTrailer = parseDict(/^trailer\s*(<<[\s\S]*>>)\s*startxref/.exec(lastTrailer)?.[1] ?? '');
  const xrefAt = startxrefOf(pdf.toString('latin1', start, end));
  if (prevXref === null || !prevTrailer || xrefAt === null || xrefAt < start || xrefAt >= end) {
    return false;
  }
  const section = readXrefSection(pdf.toString('latin1', xrefAt, end));
  const trailer = section?.trailer;
  const get = (dict: PDFDict, key: string) => dict.get(PDFName.of(key))?.toString() ?? null;
  if (
    !section ||
    !trailer ||
    section.freeOtherThanZero ||
    get(trailer, 'Prev') !== String(prevXref) ||
    get(trailer, 'Root') !== get(prevTrailer, 'Root') ||
    get(trailer, 'Info') !== get(prevTrailer, 'Info') ||
    trailer.has(PDFName.of('Encrypt')) ||
    trailer.has(PDFName.of('XRefStm'))
  ) {
    return false;
  }
  const prevSize = Number(get(prevTrailer, 'Size'));
  const rootNum = Number(get(prevTrailer, 'Root')?.split(' ')[0]);
  // The objects listed must tile the bytes before the xref: nothing hidden between them.
  const objects = [...section.inUse.entries()].sort(([, a], [, b]) => a - b);
  let cursor = start;
  const added = new Set<number>();
  for (const [index, [num, offset]] of objects.entries()) {
    const until = objects[index + 1]?.[1] ?? xrefAt;
    const text = pdf.toString('latin1', offset, until);
    const obj = new RegExp(`^${num} \\d+ obj\\b([\\s\\S]*)endobj\\s*$`).exec(text);
    if (offset < cursor || pdf.toString('latin1', cursor, offset).trim() !== '' || !obj?.[1]) {
      return false;
    }
    cursor = until;
    if (num >= prevSize) {
      added.add(num);
      continue;
    }
    // The one older object a DSS update may rewrite is the catalog, gaining (or changing) /DSS.
    const catalog = parseDict(obj[1]);
    const dss = catalog?.get(PDFName.of('DSS'));
    let previous: PDFDict | null = null;
    try {
      previous = parseDict(`<<${readPlainPdf(removeTrailingNewLine(pdf.subarray(0, start))).root}>>`);
    } catch {
      return false;
    }
    if (
      num !== rootNum ||
      !catalog ||
      !previous ||
      !(dss instanceof PDFRef) ||
      !section.inUse.has(dss.objectNumber) ||
      dss.objectNumber < prevSize ||
      withoutDss(catalog) !== withoutDss(previous)
    ) {
      return false;
    }
  }
  if (objects.length === 0 || cursor !== xrefAt) {
    return false;
  }
  return (await prefixRefersTo(pdf.subarray(0, start), prevTrailer, added)) === false;
}

/** Everything after `signedEnd` is DSS updates (or nothing). */
export async function onlyDssAfter(pdf: Buffer, signedEnd: number): Promise<boolean> {
  let start = signedEnd;
  while (start < pdf.length) {
    const eof = pdf.indexOf('%%EOF', start);
    if (eof < 0) {
      return false;
    }
    const eol = /^(\r\n|\r|\n)?/.exec(pdf.toString('latin1', eof + 5, eof + 7))?.[0] ?? '';
    const end = eof + 5 + eol.length;
    if (!(await isDssRevision(pdf, start, end))) {
      return false;
    }
    start = end;
  }
  return true;
}
