// R24: the signing and verification services the dossier module uses. Built once at startup from
// the configuration: the agency PKCS#12 signer (or none) and the trusted roots.
import fs from 'node:fs';
import { ensureLocalPki } from '../../adapters/signing/local-pki.ts';
import { createP12Signer } from '../../adapters/signing/p12-signer.ts';
import { type SignPdfOptions, signPdf } from '../../adapters/signing/pades.ts';
import type { Signer } from '../../adapters/signing/signer.ts';
import { type PdfVerification, verifyPdfSignatures } from '../../adapters/signing/verify.ts';
import type { Config } from '../../platform/config/config.ts';

export interface SigningService {
  /** The server-side signer, when one is configured. */
  signer: Signer | null;
  /** True when the keys are the generated demo CA's (the UI says so). */
  demo: boolean;
  sign(pdf: Buffer, options: SignPdfOptions): Promise<Buffer>;
  verify(pdf: Buffer): PdfVerification;
}

export class NoSignerError extends Error {}

/** Keys are loaded (and the demo CA generated) on first use, not at startup. */
export function createSigningService(config: Config): SigningService {
  const s = config.signing;
  let loaded: { signer: Signer | null; roots: string[] } | undefined;
  const load = () => {
    if (!loaded) {
      let p12File = s.p12File;
      let password = s.p12Password ?? '';
      let rootFiles = s.trustedRootFiles;
      if (s.useDemoPki) {
        const demo = ensureLocalPki(config.dataDir);
        p12File = demo.p12File;
        password = demo.password;
        rootFiles = [demo.trustFile];
      }
      loaded = {
        signer: p12File ? createP12Signer(fs.readFileSync(p12File), password) : null,
        roots: rootFiles.map((file: string) => fs.readFileSync(file, 'utf8')),
      };
    }
    return loaded;
  };
  return {
    get signer() {
      return load().signer;
    },
    demo: s.useDemoPki,
    async sign(pdf, options) {
      const { signer } = load();
      if (!signer) {
        throw new NoSignerError('no signing key is configured (MOTCUA_SIGNING_P12)');
      }
      return signPdf(pdf, signer, options);
    },
    verify(pdf) {
      return verifyPdfSignatures(pdf, { trustedRoots: load().roots });
    },
  };
}
