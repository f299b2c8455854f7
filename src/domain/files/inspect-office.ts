// DOCX/XLSX are ZIP containers: checked from the central directory alone, before anything is
// unpacked (ASVS 5.2.3): bounded entry count and unpacked size, no path tricks, no encryption, no
// macros, OLE objects or ActiveX, and the parts that make it the Office file its name says.

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
export const MAX_ZIP_ENTRIES = 2000;
export const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;
const MAX_RATIO = 200;

export type OfficeProblem =
  | 'malformed'
  | 'unsafe_entry'
  | 'too_large_unpacked'
  | 'encrypted'
  | 'macros'
  | 'wrong_kind';

interface Entry {
  name: string;
  compressed: number;
  uncompressed: number;
  flags: number;
}

function readEntries(bytes: Buffer): Entry[] | null {
  const searchFrom = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= searchFrom; i--) {
    if (bytes.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) {
    return null;
  }
  const count = bytes.readUInt16LE(eocd + 10);
  const size = bytes.readUInt32LE(eocd + 12);
  const start = bytes.readUInt32LE(eocd + 16);
  if (count > MAX_ZIP_ENTRIES || start + size > eocd) {
    return null;
  }
  const entries: Entry[] = [];
  let offset = start;
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== CENTRAL_SIGNATURE) {
      return null;
    }
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    entries.push({
      flags: bytes.readUInt16LE(offset + 8),
      compressed: bytes.readUInt32LE(offset + 20),
      uncompressed: bytes.readUInt32LE(offset + 24),
      name: bytes.subarray(offset + 46, offset + 46 + nameLength).toString('utf8'),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

export function inspectOffice(bytes: Buffer, expected: 'docx' | 'xlsx'): OfficeProblem[] {
  const entries = readEntries(bytes);
  if (!entries || entries.length === 0) {
    return ['malformed'];
  }
  const problems = new Set<OfficeProblem>();
  let unpacked = 0;
  for (const entry of entries) {
    unpacked += entry.uncompressed;
    if (/(^|[\\/])\.\.([\\/]|$)|^[\\/]|^[A-Za-z]:|\\|\0/.test(entry.name)) {
      problems.add('unsafe_entry');
    }
    if (entry.flags & 0x1) {
      problems.add('encrypted');
    }
    if (entry.compressed > 0 && entry.uncompressed / entry.compressed > MAX_RATIO) {
      problems.add('too_large_unpacked');
    }
    if (/vbaProject\.bin$|\/embeddings\/|oleObject|\/activeX\//i.test(entry.name)) {
      problems.add('macros');
    }
  }
  if (unpacked > MAX_UNPACKED_BYTES) {
    problems.add('too_large_unpacked');
  }
  const names = new Set(entries.map((e) => e.name));
  const main = expected === 'docx' ? 'word/document.xml' : 'xl/workbook.xml';
  if (!names.has('[Content_Types].xml') || !names.has(main)) {
    problems.add('wrong_kind');
  }
  return [...problems];
}
