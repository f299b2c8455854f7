// PDF checks before a file is accepted (security goal 17, hostile-input catalogue §5.C): no active
// content (JavaScript, auto-actions, launch, embedded files, rich media, XFA, form submission), not
// encrypted, nothing after the last %%EOF (polyglots), and compressed streams are looked into too,
// with a bounded inflate so a decompression bomb cannot exhaust memory.
import { inflateSync } from 'node:zlib';

const ACTIVE_NAMES = [
  'JavaScript',
  'JS',
  'OpenAction',
  'AA',
  'Launch',
  'EmbeddedFile',
  'EmbeddedFiles',
  'RichMedia',
  'XFA',
  'SubmitForm',
  'ImportData',
  'GoToR',
];
const MAX_INFLATED_PER_STREAM = 16 * 1024 * 1024;
const MAX_STREAMS_INFLATED = 2000;

export type PdfProblem = 'not_pdf' | 'encrypted' | 'active_content' | 'trailing_data' | 'truncated';

/** PDF names may escape characters as #xx (`/J#61vaScript`): decode before comparing. */
function decodeNames(text: string): string {
  return text.replace(
    /\/([^\s/<>[\]()%{}]+)/g,
    (_match, name: string) =>
      `/${name.replace(/#([0-9a-fA-F]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))}`,
  );
}

function hasActiveName(text: string): boolean {
  const decoded = decodeNames(text);
  return ACTIVE_NAMES.some((name) => new RegExp(`/${name}(?![A-Za-z0-9])`).test(decoded));
}

function* flateStreams(bytes: Buffer): Generator<Buffer> {
  const text = bytes.toString('latin1');
  const pattern = /\/FlateDecode[\s\S]{0,400}?stream\r?\n/g;
  let count = 0;
  for (let match = pattern.exec(text); match && count < MAX_STREAMS_INFLATED; match = pattern.exec(text)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) {
      return;
    }
    count++;
    try {
      yield inflateSync(bytes.subarray(start, end), { maxOutputLength: MAX_INFLATED_PER_STREAM });
    } catch {
      // Corrupt, or larger than the bound once inflated (a big scanned page): not an object
      // stream, where dictionaries with actions would live; skip it.
    }
  }
}

export function inspectPdf(bytes: Buffer): PdfProblem[] {
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
    return ['not_pdf'];
  }
  const problems = new Set<PdfProblem>();
  const text = bytes.toString('latin1');
  const lastEof = text.lastIndexOf('%%EOF');
  if (lastEof < 0) {
    problems.add('truncated');
  } else if (text.slice(lastEof + 5).trim().length > 0) {
    problems.add('trailing_data');
  }
  if (/\/Encrypt(?![A-Za-z0-9])/.test(decodeNames(text))) {
    problems.add('encrypted');
  }
  if (hasActiveName(text)) {
    problems.add('active_content');
  } else if (!problems.has('encrypted')) {
    for (const inflated of flateStreams(bytes)) {
      if (hasActiveName(inflated.toString('latin1'))) {
        problems.add('active_content');
        break;
      }
    }
  }
  return [...problems];
}
