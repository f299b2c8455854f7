// Goal 27 test material: a throwaway CA whose CRLs and RFC 3161 TSA are served over real HTTP on
// 127.0.0.1, an NSS database trusting its root for pdfsig, and the PDF mutations the verifier must
// catch (a flipped byte, a shadow attack's incremental update).
import { execFileSync } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { generateLocalPki, type LocalPki } from '../../src/adapters/signing/local-pki.ts';
import { buildCrl, httpCrlSource } from '../../src/adapters/signing/revocation.ts';
import { createTsaResponder, httpTsa, startLocalTsa } from '../../src/adapters/signing/tsa.ts';
import type { TrustOptions } from '../../src/adapters/signing/verify.ts';
import { renderDocument } from '../../src/modules/documents/render-document.ts';
import { SAMPLE_MODELS } from '../../src/modules/documents/sample-models.ts';
import { defaultTexts } from '../../src/modules/documents/templates/template-catalogue.ts';

/** An unsigned result PDF as the system renders it (the handover record's sample). */
export const sampleResultPdf = () =>
  renderDocument('result_handover', SAMPLE_MODELS.result_handover, {
    ruleSet: 'nd118_2025',
    texts: defaultTexts('result_handover', 'nd118_2025'),
    publicUrl: 'http://localhost',
  });

export interface TestAuthority {
  pki: LocalPki;
  trust: TrustOptions;
  tsa: ReturnType<typeof httpTsa>;
  tsaUrl: string;
  /** Serves CRLs that cannot be fetched (simulates the CA's server being down). */
  crlDown: (down: boolean) => void;
  close: () => Promise<void>;
}

export async function startTestAuthority(): Promise<TestAuthority> {
  const crls = new Map<string, Buffer>();
  let down = false;
  let responder: ((req: Buffer) => Buffer) | undefined;
  const files = new Map<string, () => Buffer>([
    ['/root.crl', () => (down ? Buffer.from('unavailable') : (crls.get('root') as Buffer))],
    ['/intermediate.crl', () => (down ? Buffer.from('unavailable') : (crls.get('intermediate') as Buffer))],
  ]);
  const server = await startLocalTsa((req) => (responder as (r: Buffer) => Buffer)(req), { files });
  const pki = generateLocalPki({ crlBaseUrl: server.baseUrl });
  responder = createTsaResponder({ tsaChain: pki.tsaChain, tsaKey: createPrivateKey(pki.tsaKeyPem) });
  const now = Date.now();
  const window = { thisUpdate: new Date(now - 3_600_000), nextUpdate: new Date(now + 86_400_000) };
  crls.set(
    'root',
    await buildCrl({
      issuerCertPem: pki.root.certPem,
      issuerKeyPem: pki.root.keyPem,
      revoked: [],
      ...window,
    }),
  );
  crls.set(
    'intermediate',
    await buildCrl({
      issuerCertPem: pki.intermediate.certPem,
      issuerKeyPem: pki.intermediate.keyPem,
      // Revoked an hour ago, before any sample is signed.
      revoked: [{ serialNumber: pki.revokedSerial, revokedAt: new Date(now - 3_600_000) }],
      ...window,
    }),
  );
  return {
    pki,
    trust: { trustedRoots: [pki.rootPem], revocation: httpCrlSource() },
    tsa: httpTsa(server.url),
    tsaUrl: server.url,
    crlDown: (value) => {
      down = value;
    },
    close: server.close,
  };
}

/** An NSS database trusting `rootPem`, for pdfsig; null when certutil is not installed. */
export function nssTrusting(dir: string, rootPem: string): string | null {
  if (!fs.existsSync('/usr/bin/certutil')) {
    return null;
  }
  const nssDir = path.join(dir, 'nss');
  fs.mkdirSync(nssDir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'root.pem'), rootPem);
  execFileSync('/usr/bin/certutil', ['-N', '-d', `sql:${nssDir}`, '--empty-password']);
  execFileSync('/usr/bin/certutil', [
    '-A',
    '-d',
    `sql:${nssDir}`,
    '-n',
    'motcua-test-root',
    '-t',
    'C,C,C',
    '-i',
    path.join(dir, 'root.pem'),
  ]);
  return nssDir;
}

/**
 * A shadow attack (Mainka et al., 2021): after signing, an incremental update redefines the page's
 * content stream, so viewers show other content while the signed bytes are untouched.
 */
export function shadowUpdate(signed: Buffer, text: string): Buffer {
  const src = signed.toString('latin1');
  const page = /\/Type \/Page\b[\s\S]*?\/Contents (\d+) 0 R[\s\S]*?\/Resources (\d+) 0 R/.exec(src);
  const trailer = [...src.matchAll(/trailer\s*<<([\s\S]*?)>>\s*startxref\s*(\d+)/g)].at(-1);
  const size = Number(/\/Size (\d+)/.exec(trailer?.[1] ?? '')?.[1]);
  const root = /\/Root (\d+ \d+ R)/.exec(trailer?.[1] ?? '')?.[1];
  if (!page?.[1] || !page[2] || !trailer?.[2] || !size || !root) {
    throw new Error('unexpected PDF structure for the shadow sample');
  }
  // The page keeps its object numbers; its content and resources now point at a standard font.
  const stream = `BT /FS 28 Tf 60 700 Td (${text}) Tj ET`;
  const objects: Array<[number, string]> = [
    [Number(page[1]), `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`],
    [Number(page[2]), `<< /Font << /FS ${size} 0 R >> >>`],
    [size, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'],
  ];
  let body = '';
  const entries: string[] = ['0 1\n0000000000 65535 f \n'];
  for (const [num, value] of objects) {
    const offset = signed.length + body.length + 1;
    body += `\n${num} 0 obj\n${value}\nendobj`;
    entries.push(`${num} 1\n${String(offset).padStart(10, '0')} 00000 n \n`);
  }
  body += '\n';
  const xrefAt = signed.length + body.length;
  const xref = `xref\n${entries.join('')}trailer\n<< /Size ${size + 1} /Root ${root} /Prev ${trailer[2]} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([signed, Buffer.from(body + xref, 'latin1')]);
}
