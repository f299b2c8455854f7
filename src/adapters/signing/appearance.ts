// NĐ 30/2020/NĐ-CP Phụ lục I: the visible appearance of a digital signature on an administrative
// document. Without the handwritten-signature or seal images (an agency uploads those), the appearance
// is the text form the decree gives for signatures without image: signer and agency, and the signing
// time as date; hours, minutes, seconds; Vietnam time zone in ISO 8601, in Times (Tinos) 10, black,
// inside a frame (blue for a person, red for the agency seal). It is the widget annotation's normal
// appearance stream (/AP /N), a Form XObject written into the signature's own incremental update, so
// an earlier signature's bytes stay untouched.
import { PDFArray, PDFDict, PDFDocument, type PDFObject, PDFRef, PDFStream } from 'pdf-lib';
import PDFKit from 'pdfkit';

export interface SignatureAppearance {
  /** [x1, y1, x2, y2] in points on the first page. */
  rect: [number, number, number, number];
  lines: string[];
  /** Blue frame for a person's signature, red for the organisation's seal signature. */
  kind: 'person' | 'organisation';
  /** A TrueType font with Vietnamese glyphs (Tinos), embedded as a subset by pdfkit. */
  font: Buffer;
  /** Points between lines (default 13); 12 fits four lines of size 10 in a top margin. */
  lineHeight?: number;
}

/** "2026-11-23T13:40:05+07:00": the time in Vietnam (UTC+7, no daylight saving), ISO 8601. */
export function vietnamIso(at: Date): string {
  return `${new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`;
}

/** The appearance drawn by pdfkit on a page the size of the widget (pdfkit subsets the font well). */
function drawAppearance(appearance: SignatureAppearance, width: number, height: number): Promise<Buffer> {
  const kit = new PDFKit({ size: [width, height], margin: 0, compress: true, autoFirstPage: true });
  const chunks: Buffer[] = [];
  kit.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => kit.on('end', () => resolve(Buffer.concat(chunks))));
  kit.registerFont('appearance', appearance.font);
  kit
    .lineWidth(1)
    .rect(0.5, 0.5, width - 1, height - 1)
    .strokeColor(appearance.kind === 'person' ? '#0000cc' : '#cc0000')
    .stroke();
  kit.font('appearance').fontSize(10).fillColor('black');
  appearance.lines.forEach((line, i) => {
    kit.text(line, 5, 5 + i * (appearance.lineHeight ?? 13), { width: width - 10, lineBreak: false });
  });
  kit.end();
  return done;
}

/** The Form XObject and its font as serialised objects numbered from `firstNumber`. */
async function formXObject(appearance: SignatureAppearance, firstNumber: number) {
  const [x1, y1, x2, y2] = appearance.rect;
  const page = await drawAppearance(appearance, x2 - x1, y2 - y1);
  const doc = await PDFDocument.create();
  doc.context.largestObjectNumber = Math.max(doc.context.largestObjectNumber, firstNumber - 1);
  const [embedded] = await doc.embedPdf(page);
  if (!embedded) {
    throw new Error('the appearance page was not drawn');
  }
  await doc.flush();
  const ref = embedded.ref;
  // Only the objects the appearance reaches: the XObject, the font and its descendants.
  const wanted = new Map<number, PDFObject>();
  const visit = (obj: PDFObject | undefined): void => {
    if (obj instanceof PDFRef) {
      if (!wanted.has(obj.objectNumber)) {
        const target = doc.context.lookup(obj);
        if (target) {
          wanted.set(obj.objectNumber, target);
          visit(target);
        }
      }
    } else if (obj instanceof PDFDict) {
      for (const [, value] of obj.entries()) {
        visit(value);
      }
    } else if (obj instanceof PDFArray) {
      for (const value of obj.asArray()) {
        visit(value);
      }
    } else if (obj instanceof PDFStream) {
      visit(obj.dict);
    }
  };
  visit(ref);
  const objects = [...wanted.entries()].map(([num, obj]) => {
    const bytes = new Uint8Array(obj.sizeInBytes());
    obj.copyBytesInto(bytes, 0);
    return { num, bytes: Buffer.from(bytes) };
  });
  return { ref: ref.objectNumber, objects };
}

/**
 * Adds the appearance to the signature placeholder @signpdf/placeholder-plain appended to `original`:
 * the widget gets /AP, the objects go before a rewritten cross-reference section for the update.
 */
export async function addAppearance(
  prepared: Buffer,
  originalLength: number,
  appearance: SignatureAppearance,
): Promise<Buffer> {
  const text = prepared.toString('latin1');
  const xrefAt = text.lastIndexOf('\nxref\n') + 1;
  const trailer = /trailer\s*<<([\s\S]*?)>>/.exec(text.slice(xrefAt))?.[1] ?? '';
  const size = Number(/\/Size (\d+)/.exec(trailer)?.[1]);
  const widgetAt = text.lastIndexOf('/Subtype /Widget');
  if (xrefAt <= originalLength || !size || widgetAt < originalLength) {
    throw new Error('unexpected signature placeholder layout');
  }
  const xobject = await formXObject(appearance, size);
  const insert = `/Subtype /Widget\n/AP << /N ${xobject.ref} 0 R >>`;
  let body = Buffer.from(
    text.slice(0, widgetAt) + insert + text.slice(widgetAt + '/Subtype /Widget'.length, xrefAt),
    'latin1',
  );
  for (const { num, bytes } of xobject.objects) {
    body = Buffer.concat([body, Buffer.from(`${num} 0 obj\n`), bytes, Buffer.from('\nendobj\n')]);
  }
  // Cross-reference entries for every object of this update, found where each now starts.
  const tail = body.toString('latin1', originalLength);
  const offsets = new Map<number, number>();
  for (const m of tail.matchAll(/(^|\n)(\d+) 0 obj\n/g)) {
    offsets.set(Number(m[2]), originalLength + (m.index ?? 0) + (m[1] ?? '').length);
  }
  const maxNumber = Math.max(size - 1, ...offsets.keys());
  const rows = [...offsets.entries()]
    .sort(([a], [b]) => a - b)
    .map(([num, offset]) => `${num} 1\n${String(offset).padStart(10, '0')} 00000 n \n`)
    .join('');
  const newTrailer = trailer.replace(/\/Size \d+/, `/Size ${maxNumber + 1}`);
  return Buffer.concat([
    body,
    Buffer.from(
      `xref\n0 1\n0000000000 65535 f \n${rows}trailer\n<<${newTrailer}>>\nstartxref\n${body.length}\n%%EOF`,
      'latin1',
    ),
  ]);
}
