// R24, security goal 27: the signing and verification services the dossier module uses. Built once
// at startup from the configuration: the agency PKCS#12 signer (or none), the trusted roots, the CRL
// sources (distribution points over HTTP, configured files) and the RFC 3161 TSA. In demo mode the
// throwaway CA supplies the key, its CRLs and a local TSA on 127.0.0.1 (same protocol, simulated).
// Results issued at approval are made B-LT right after signing (see signed-result.ts).
import { createPrivateKey } from 'node:crypto';
import fs from 'node:fs';
import type { TimestampAuthority } from '../../adapters/signing/cms.ts';
import { demoCrls, ensureLocalPki } from '../../adapters/signing/local-pki.ts';
import { extendToLongTerm } from '../../adapters/signing/long-term.ts';
import { createP12Signer } from '../../adapters/signing/p12-signer.ts';
import { type SignPdfOptions, signPdf } from '../../adapters/signing/pades.ts';
import {
  combinedSources,
  fileCrlSource,
  httpCrlSource,
  type RevocationSource,
} from '../../adapters/signing/revocation.ts';
import type { Signer } from '../../adapters/signing/signer.ts';
import { createTsaResponder, httpTsa, startLocalTsa } from '../../adapters/signing/tsa.ts';
import {
  type PdfVerification,
  type TrustOptions,
  verifyPdfSignatures,
} from '../../adapters/signing/verify.ts';
import type { Config } from '../../platform/config/config.ts';

export interface SigningService {
  /** True when the keys are the generated demo CA's (the UI says so). */
  demo: boolean;
  /**
   * Checks the certificate (chain, validity, CRL), signs, and timestamps when a TSA is configured.
   * `longTerm` then appends the DSS (certificates and current CRLs of every signature: PAdES B-LT).
   */
  sign(pdf: Buffer, options: SignPdfOptions & { longTerm?: boolean }): Promise<Buffer>;
  verify(pdf: Buffer): Promise<PdfVerification>;
  /** Whether a server-side signer is configured. */
  hasSigner(): Promise<boolean>;
}

export class NoSignerError extends Error {}

interface Loaded {
  signer: Signer | null;
  trust: TrustOptions;
  tsa: TimestampAuthority | undefined;
}

async function loadDemo(config: Config): Promise<Loaded> {
  const demo = ensureLocalPki(config.dataDir);
  let crls: { ders: Buffer[]; until: number } | undefined;
  const demoRevocation: RevocationSource = {
    async crlsFor() {
      if (!crls || crls.until < Date.now()) {
        crls = { ders: await demoCrls(demo.authority, new Date()), until: Date.now() + 3_600_000 };
      }
      return crls.ders;
    },
  };
  const tsa = await startLocalTsa(
    createTsaResponder({
      tsaChain: demo.authority.tsaChainPem.map((pem) =>
        Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64'),
      ),
      tsaKey: createPrivateKey(demo.authority.tsaKeyPem),
    }),
  );
  return {
    signer: createP12Signer(fs.readFileSync(demo.p12File), demo.password),
    trust: { trustedRoots: [fs.readFileSync(demo.trustFile, 'utf8')], revocation: demoRevocation },
    tsa: httpTsa(tsa.url),
  };
}

/** Keys are loaded (and the demo CA and TSA started) on first use, not at startup. */
export function createSigningService(config: Config): SigningService {
  const s = config.signing;
  let loaded: Promise<Loaded> | undefined;
  const load = () => {
    loaded ??= s.useDemoPki
      ? loadDemo(config)
      : Promise.resolve({
          signer: s.p12File ? createP12Signer(fs.readFileSync(s.p12File), s.p12Password ?? '') : null,
          trust: {
            trustedRoots: s.trustedRootFiles.map((file: string) => fs.readFileSync(file, 'utf8')),
            revocation: combinedSources(fileCrlSource(s.crlFiles), httpCrlSource()),
          },
          tsa: s.tsaUrl ? httpTsa(s.tsaUrl) : undefined,
        });
    return loaded;
  };
  return {
    demo: s.useDemoPki,
    async hasSigner() {
      return (await load()).signer !== null;
    },
    async sign(pdf, options) {
      const { signer, trust, tsa } = await load();
      if (!signer) {
        throw new NoSignerError('no signing key is configured (MOTCUA_SIGNING_P12)');
      }
      const { longTerm, ...signOptions } = options;
      const signed = await signPdf(pdf, signer, {
        ...signOptions,
        preflight: trust,
        ...(tsa ? { tsa } : {}),
      });
      return longTerm ? extendToLongTerm(signed, trust) : signed;
    },
    async verify(pdf) {
      return verifyPdfSignatures(pdf, (await load()).trust);
    },
  };
}
