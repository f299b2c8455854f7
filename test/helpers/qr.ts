// Reads the QR code printed in a PDF back (issue 8): poppler's pdfimages extracts the embedded image
// as a netpbm file, the module grid is sampled from its pixels, and the grid is compared with the one
// the text encodes. Equal grids mean the printed code carries exactly that text.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';

interface Bitmap {
  width: number;
  height: number;
  dark: (x: number, y: number) => boolean;
}

/** Parses binary netpbm (P4 bitmap, P5 greymap, P6 pixmap). */
function parseNetpbm(data: Buffer): Bitmap {
  const magic = data.subarray(0, 2).toString('ascii');
  let offset = 2;
  const numbers: number[] = [];
  const want = magic === 'P4' ? 2 : 3;
  while (numbers.length < want) {
    while (/\s/.test(String.fromCharCode(data[offset] ?? 0))) {
      offset++;
    }
    if (data[offset] === 0x23) {
      while (data[offset] !== 0x0a) {
        offset++;
      }
      continue;
    }
    let digits = '';
    while (/\d/.test(String.fromCharCode(data[offset] ?? 0))) {
      digits += String.fromCharCode(data[offset] ?? 0);
      offset++;
    }
    numbers.push(Number(digits));
  }
  offset++;
  const [width = 0, height = 0, max = 1] = numbers;
  const pixels = data.subarray(offset);
  if (magic === 'P4') {
    const rowBytes = Math.ceil(width / 8);
    return {
      width,
      height,
      dark: (x, y) => (((pixels[y * rowBytes + (x >> 3)] ?? 0) >> (7 - (x & 7))) & 1) === 1,
    };
  }
  const channels = magic === 'P6' ? 3 : 1;
  return {
    width,
    height,
    dark: (x, y) => (pixels[(y * width + x) * channels] ?? 0) < max / 2,
  };
}

/** The largest image on the PDF's first page as a bitmap (the QR code on the receipt). */
export function firstImageOf(pdf: Uint8Array): Bitmap {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-qr-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    execFileSync('/usr/bin/pdfimages', ['-f', '1', '-l', '1', file, join(dir, 'img')]);
    const images = readdirSync(dir)
      .filter((f) => f.startsWith('img'))
      .map((f) => parseNetpbm(readFileSync(join(dir, f))))
      .filter((b) => b.width === b.height);
    const image = images[0];
    if (!image) {
      throw new Error('no square image in the PDF');
    }
    return image;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Samples the module grid of a QR image drawn with a quiet zone of `margin` modules. */
export function qrGrid(image: Bitmap, modules: number, margin = 1): boolean[][] {
  const cell = image.width / (modules + 2 * margin);
  const grid: boolean[][] = [];
  for (let r = 0; r < modules; r++) {
    const row: boolean[] = [];
    for (let c = 0; c < modules; c++) {
      const x = Math.floor((c + margin + 0.5) * cell);
      const y = Math.floor((r + margin + 0.5) * cell);
      row.push(image.dark(x, y));
    }
    grid.push(row);
  }
  return grid;
}

/** The module grid a text encodes to (error correction M, as the receipt prints it). */
export function expectedGrid(text: string): boolean[][] {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  return Array.from({ length: size }, (_, r) =>
    Array.from({ length: size }, (_, c) => Boolean(qr.modules.get(r, c))),
  );
}

/** True when the PDF's QR code encodes exactly `text`. */
export function pdfQrEncodes(pdf: Uint8Array, text: string): boolean {
  const expected = expectedGrid(text);
  const actual = qrGrid(firstImageOf(pdf), expected.length);
  return JSON.stringify(actual) === JSON.stringify(expected);
}
