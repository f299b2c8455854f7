// PAdES B-LT (and B-LTA), both sides. When a result is issued: gather for every signature in the PDF the signer
// chain, the TSA chain and the current CRLs of every certificate below a root (from the revocation
// source the pre-signing check uses) and append them as a DSS. When verifying: decide, from the DSS
// alone, whether each chain can be validated without fetching anything.
import { X509Certificate } from 'node:crypto';
import { buildChain, dnField, loadRoots, type TrustOptions } from './chain.ts';
import { parseDetachedCms, type TimestampAuthority } from './cms.ts';
import { addDocumentTimestamp, isDocumentTimestamp } from './doc-timestamp.ts';
import { addDss, type DssContents, type ValidationData } from './dss.ts';
import { findSignatures, signerOf } from './pdf-signatures.ts';
import { crlsAbout, currentAt } from './revocation.ts';
import { SigningError } from './signer.ts';
import { checkTimestamp } from './tsa.ts';

const cn = (cert: X509Certificate) => dnField(cert.subject, 'CN') ?? cert.subject.replace(/\n/g, ', ');

/** Signer → … → trusted root, refused when it does not reach one (nothing to make long-term). */
function trustedChain(leaf: X509Certificate, pool: X509Certificate[], roots: X509Certificate[]) {
  const { chain, trusted } = buildChain(leaf, pool, roots);
  if (!trusted) {
    throw new SigningError('CERTIFICATE_UNTRUSTED', `${cn(leaf)} does not chain to a trusted root`);
  }
  return chain.map((link) => link.cert);
}

/** The validation data of every signature in `pdf`, collected now from `trust.revocation`. */
export async function collectValidationData(pdf: Buffer, trust: TrustOptions): Promise<ValidationData> {
  const source = trust.revocation;
  if (!source) {
    throw new SigningError('REVOCATION_UNKNOWN', 'B-LT needs a revocation source (CRLs)');
  }
  const now = (trust.now ?? (() => new Date()))();
  const roots = loadRoots(trust);
  const data: ValidationData = { certs: [], crls: [], vri: [] };
  // A document timestamp already in the file (B-LTA being renewed) is not a signer's signature.
  for (const raw of findSignatures(pdf).filter((r) => !isDocumentTimestamp(r))) {
    if (!raw.contents) {
      continue;
    }
    const cms = parseDetachedCms(raw.contents);
    const certs = cms.certificates.map((der) => new X509Certificate(der));
    const signer = signerOf(cms, certs);
    if (!signer) {
      throw new SigningError('P12_INCOMPLETE', 'a signature carries no certificate');
    }
    const chains = [trustedChain(signer, certs, roots)];
    if (cms.timestampToken) {
      const ts = checkTimestamp(cms.timestampToken, cms.signature);
      if (!ts.tsa) {
        throw new SigningError('TIMESTAMP_FAILED', 'the signature timestamp names no TSA certificate');
      }
      chains.push(trustedChain(ts.tsa, ts.certificates, roots));
    }
    const vri = { contents: raw.contents, certs: [] as Buffer[], crls: [] as Buffer[] };
    for (const chain of chains) {
      vri.certs.push(...chain.map((cert) => cert.raw));
      for (let i = 0; i + 1 < chain.length; i++) {
        const cert = chain[i] as X509Certificate;
        const current = crlsAbout(cert, chain[i + 1] as X509Certificate, await source.crlsFor(cert)).filter(
          (crl) => currentAt(crl, now),
        );
        if (current.length === 0) {
          throw new SigningError('REVOCATION_UNKNOWN', `no current CRL for ${cn(cert)}`);
        }
        if (current.some((crl) => crl.revokedAt)) {
          throw new SigningError('CERTIFICATE_REVOKED', `${cn(cert)} has been revoked`);
        }
        vri.crls.push(...current.map((crl) => crl.der));
      }
    }
    data.vri.push(vri);
    data.certs.push(...vri.certs);
    data.crls.push(...vri.crls);
  }
  if (data.vri.length === 0) {
    throw new SigningError('PDF_UNSUPPORTED', 'the PDF has no signature to make long-term');
  }
  return data;
}

/**
 * Signed PDF → the same PDF plus a DSS update (PAdES B-LT when its signatures are B-T), then, with
 * `archiveTsa`, a document timestamp over both (B-LTA, ETSI EN 319 142-1 §5.4): the DSS must come
 * first so the timestamp covers it. A TSA that cannot answer throws (TimestampError), as at signing.
 */
export async function extendToLongTerm(
  pdf: Buffer,
  trust: TrustOptions,
  archiveTsa?: TimestampAuthority,
): Promise<Buffer> {
  const withDss = addDss(pdf, await collectValidationData(pdf, trust));
  return archiveTsa ? addDocumentTimestamp(withDss, archiveTsa) : withDss;
}

export interface LongTermCheck {
  /** Every certificate and CRL needed is in the DSS. */
  complete: boolean;
  /** What the DSS lacks, named by the certificate concerned. */
  missing: Array<{ kind: 'certificate' | 'crl'; subject: string }>;
  /** From the DSS CRLs alone: revoked at or before `at`, else good (meaningful when complete). */
  revocation: 'good' | 'revoked';
}

/**
 * Validates the chains of `leaves` (the signer, the TSA) using only the DSS: each certificate up to
 * a configured trusted root must be in /Certs, and each one below the root covered by a CRL in /CRLs
 * signed by its issuer, issued by `now` and current at or after `at` (the timestamp's time).
 */
export function checkLongTerm(
  dss: DssContents,
  leaves: X509Certificate[],
  at: Date,
  trust: TrustOptions,
): LongTermCheck {
  const pool = dss.certs.flatMap((der) => {
    try {
      return [new X509Certificate(der)];
    } catch {
      return [];
    }
  });
  const now = (trust.now ?? (() => new Date()))();
  const inDss = (cert: X509Certificate) => pool.some((c) => c.fingerprint256 === cert.fingerprint256);
  const result: LongTermCheck = { complete: false, missing: [], revocation: 'good' };
  for (const leaf of leaves) {
    const { chain, trusted } = buildChain(leaf, pool, loadRoots(trust));
    const certs = chain.map((link) => link.cert);
    for (const cert of certs) {
      if (!inDss(cert)) {
        result.missing.push({ kind: 'certificate', subject: cn(cert) });
      }
    }
    if (!trusted) {
      result.missing.push({ kind: 'certificate', subject: `issuer of ${cn(certs.at(-1) ?? leaf)}` });
    }
    for (let i = 0; i + 1 < certs.length; i++) {
      const cert = certs[i] as X509Certificate;
      const usable = crlsAbout(cert, certs[i + 1] as X509Certificate, dss.crls).filter(
        (crl) => crl.thisUpdate <= now && (!crl.nextUpdate || crl.nextUpdate > at),
      );
      if (usable.length === 0) {
        result.missing.push({ kind: 'crl', subject: cn(cert) });
      }
      if (usable.some((crl) => crl.revokedAt && crl.revokedAt <= at)) {
        result.revocation = 'revoked';
      }
    }
  }
  result.complete = result.missing.length === 0;
  return result;
}
