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
