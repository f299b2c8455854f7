// Debian's poppler-utils as an independent reader of the PDFs we produce (issue 8): text extraction,
// page rendering and signature checks. Installed on the image and in CI (.ci/run).
import { execFileSync, spawnSync } from 'node:child_process';

export function pdfText(pdf: Uint8Array, options: { layout?: boolean } = {}): string {
  const args = [...(options.layout ? ['-layout'] : []), '-enc', 'UTF-8', '-', '-'];
  return execFileSync('/usr/bin/pdftotext', args, { input: pdf, maxBuffer: 64 * 1024 * 1024 }).toString(
    'utf8',
  );
}

export function pdfPageCount(pdf: Uint8Array): number {
  const info = execFileSync('/usr/bin/pdfinfo', ['-'], { input: pdf }).toString('utf8');
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
}

/** pdfsig's verdict: its exit status and what it printed. */
export function pdfsig(file: string, extraArgs: string[] = []): { status: number; output: string } {
  const result = spawnSync('/usr/bin/pdfsig', [...extraArgs, file], { encoding: 'utf8' });
  return { status: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

/** Counts pixels of a colour family in a region of page 1 rendered at 72 dpi (PDF points). */
export function colourPixels(
  pdf: Buffer,
  rect: number[],
  pick: (r: number, g: number, b: number) => boolean,
): number {
  const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = rect;
  const ppm = execFileSync(
    '/usr/bin/pdftoppm',
    [
      '-r',
      '72',
      '-f',
      '1',
      '-l',
      '1',
      '-x',
      String(Math.floor(x1)),
      '-y',
      String(Math.floor(842 - y2)),
      '-W',
      String(Math.ceil(x2 - x1)),
      '-H',
      String(Math.ceil(y2 - y1)),
      '-',
    ],
    { input: pdf },
  );
  // P6 header: "P6\n<w> <h>\n255\n"
  let offset = 0;
  for (let lines = 0; lines < 3; offset++) {
    if (ppm[offset] === 0x0a) {
      lines++;
    }
  }
  let count = 0;
  for (let i = offset; i + 2 < ppm.length; i += 3) {
    if (pick(ppm[i] as number, ppm[i + 1] as number, ppm[i + 2] as number)) {
      count++;
    }
  }
  return count;
}
