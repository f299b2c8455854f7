// R24, security goal 27: the signing and verification services the dossier module uses. Built once
// at startup from the configuration: the agency PKCS#12 signer (or none), the trusted roots, the CRL
// sources (distribution points over HTTP, configured files) and the RFC 3161 TSA. In demo mode the
// throwaway CA supplies the key, its CRLs and a local TSA on 127.0.0.1 (same protocol, simulated).
// Results issued at approval are made B-LTA right after signing (see signed-result.ts).
import { createPrivateKey } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { TimestampAuthority } from '../../adapters/signing/cms.ts';
import { demoCrls, ensureLocalPki } from '../../adapters/signing/local-pki.ts';
import { extendToLongTerm } from '../../adapters/signing/long-term.ts';
import { createP12Signer } from '../../adapters/signing/p12-signer.ts';
import { type SignPdfOptions, signPdf } from '../../adapters/signing/pades.ts';
import {
  ensureDemoPersonalKeys,
  manifestPersonalSigners,
  noPersonalSigners,
  type PersonalSigner,
  type PersonalSigners,
} from '../../adapters/signing/personal-keys.ts';
import { checkSigningCertificate } from '../../adapters/signing/preflight.ts';
import {
  combinedSources,
  fileCrlSource,
  httpCrlSource,
  type RevocationSource,
} from '../../adapters/signing/revocation.ts';
import { type Signer, SigningError } from '../../adapters/signing/signer.ts';
import { createTsaResponder, httpTsa, startLocalTsa } from '../../adapters/signing/tsa.ts';
import {
  type PdfVerification,
  type TrustOptions,
  verifyPdfSignatures,
} from '../../adapters/signing/verify.ts';
import type { Config } from '../../platform/config/config.ts';
import { DEMO_OFFICERS } from '../demo/demo-accounts.ts';

/** One signature of a sequence: the agency key unless `signer` (a person's key) is given. */
export type SignatureStep = SignPdfOptions & { signer?: Signer; who: 'person' | 'organisation' };

export interface SigningService {
  /** True when the keys are the generated demo CA's (the UI says so). */
  demo: boolean;
  /**
   * Checks the certificate (chain, validity, CRL), signs, and timestamps when a TSA is configured.
   * `longTerm` then appends the DSS (certificates and current CRLs of every signature: PAdES B-LT)
   * and, with a TSA, a document timestamp over it all (PAdES B-LTA).
   */
  sign(pdf: Buffer, options: SignPdfOptions & { longTerm?: boolean }): Promise<Buffer>;
  /**
   * Several signatures, each its own incremental update, in order (the leader, then the agency seal).
   * Every certificate is checked before the first is made, so a refused one signs nothing; a
   * refusal names whose certificate it was (`SigningError.who`).
   */
  signInOrder(pdf: Buffer, steps: SignatureStep[], options: { longTerm?: boolean }): Promise<Buffer>;
  /** The officer's personal key (NĐ 30/2020: the competent person signs first), or null. */
  personalSigner(username: string): Promise<PersonalSigner | null>;
  verify(pdf: Buffer): Promise<PdfVerification>;
  /** Whether a server-side signer is configured. */
  hasSigner(): Promise<boolean>;
}

export class NoSignerError extends Error {}

interface Loaded {
  signer: Signer | null;
  personal: PersonalSigners;
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
  // The demo's leaders get their own keys from the same CA (CN = full name, title "Giám đốc").
  const leaders = DEMO_OFFICERS.filter((o) => o.roles.some((r) => r.role === 'agency_leader'));
  const manifest = ensureDemoPersonalKeys(
    path.dirname(demo.p12File),
    demo.authority,
    leaders.map((o) => ({
      username: o.username,
      fullName: o.fullName,
      title: 'Giám đốc',
      organisation: 'Sở Tư pháp tỉnh An Hòa (DEMO)',
    })),
  );
  return {
    signer: createP12Signer(fs.readFileSync(demo.p12File), demo.password),
    personal: manifestPersonalSigners(manifest),
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
          personal: s.personalKeysFile ? manifestPersonalSigners(s.personalKeysFile) : noPersonalSigners,
          trust: {
            trustedRoots: s.trustedRootFiles.map((file: string) => fs.readFileSync(file, 'utf8')),
            revocation: combinedSources(fileCrlSource(s.crlFiles), httpCrlSource()),
          },
          tsa: s.tsaUrl ? httpTsa(s.tsaUrl) : undefined,
        });
    return loaded;
  };
  const signInOrder: SigningService['signInOrder'] = async (pdf, steps, options) => {
    const { signer: agency, trust, tsa } = await load();
    const signers = steps.map((step) => step.signer ?? agency);
    if (signers.some((signer) => !signer)) {
      throw new NoSignerError('no signing key is configured (MOTCUA_SIGNING_P12)');
    }
    // TT 15/2025: every certificate checked (chain, validity, CRL) before anything is signed.
    for (const [i, step] of steps.entries()) {
      try {
        await checkSigningCertificate(await (signers[i] as Signer).certificateChain(), trust);
      } catch (error) {
        if (error instanceof SigningError) {
          error.who = step.who;
        }
        throw error;
      }
    }
    let signed = pdf;
    for (const [i, { signer: _, who, ...step }] of steps.entries()) {
      try {
        signed = await signPdf(signed, signers[i] as Signer, { ...step, ...(tsa ? { tsa } : {}) });
      } catch (error) {
        if (error instanceof SigningError) {
          error.who = who;
        }
        throw error;
      }
    }
    return options.longTerm ? extendToLongTerm(signed, trust, tsa) : signed;
  };
  return {
    demo: s.useDemoPki,
    signInOrder,
    async hasSigner() {
      return (await load()).signer !== null;
    },
    async sign(pdf, options) {
      const { longTerm, ...signOptions } = options;
      return signInOrder(pdf, [{ ...signOptions, who: 'organisation' }], { longTerm: longTerm ?? false });
    },
    async personalSigner(username) {
      return (await load()).personal.signerFor(username);
    },
    async verify(pdf) {
      return verifyPdfSignatures(pdf, (await load()).trust);
    },
  };
}
