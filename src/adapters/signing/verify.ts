// R24, security goal 27: verify every signature in a PDF. For each: the byte range is well formed
// (starts at 0, its hole is exactly the /Contents string), the digest of the covered bytes matches
// the CMS, the RSA signature over the signed attributes holds with the embedded signer certificate,
// the chain reaches a configured trusted root, every certificate was valid at the signing time, and
// whether bytes were added after the signature (an incremental update: "modified after signing").
// With a revocation source, every certificate below the root is checked against its issuer's CRL;
// with a signature timestamp (PAdES B-T) the TSA's token is checked and its time is the signing time.
// With a DSS (PAdES B-LT) whose certificates and CRLs validate the signer and TSA chains on their
// own, revocation is judged from the DSS alone (nothing fetched); updates that only add a DSS do not
// count as modifications after signing. Document timestamps (PAdES B-LTA, doc-timestamp.ts) are
// reported apart from the signatures; one that is valid and covers a B-LT signature and its DSS
// makes it B-LTA.
import crypto, { X509Certificate } from 'node:crypto';
import { buildChain, chainRevocation, dnField, loadRoots, type TrustOptions } from './chain.ts';
import { OID, parseDetachedCms } from './cms.ts';
import {
  type Archive,
  checkDocumentTimestamps,
  type DocumentTimestampVerification,
  isDocumentTimestamp,
  trustedTimestamp,
} from './doc-timestamp.ts';
import { type DssContents, readDss, vriKey } from './dss.ts';
import { onlyDssAfter } from './dss-update-check.ts';
import { checkLongTerm } from './long-term.ts';
import { findSignatures, literal, parsePdfDate, type RawSignature, signerOf } from './pdf-signatures.ts';

export type { TrustOptions } from './chain.ts';

export type SignatureProblem =
  | 'byte_range_invalid'
  | 'cms_malformed'
  | 'digest_mismatch'
  | 'signature_invalid'
  | 'weak_algorithm'
  | 'untrusted_chain'
  | 'certificate_expired_at_signing'
  | 'certificate_not_yet_valid_at_signing'
  | 'modified_after_signing'
  | 'certificate_revoked'
  | 'revocation_unknown'
  | 'timestamp_invalid';

export interface CertificateSummary {
  subject: string;
  commonName: string | null;
  organisation: string | null;
  issuer: string;
  serialNumber: string;
  validFrom: Date;
  validTo: Date;
  /** This certificate is one of the configured trusted roots. */
  trustedRoot: boolean;
}

/** The verification of one signature: the shape the UI and the dossier module show. */
export interface SignatureVerification {
  valid: boolean;
  signer: CertificateSummary | null;
  /** The claimed signing time: the CMS signing-time attribute, else the dictionary's /M. */
  signedAt: Date | null;
  /** Signer first, up to the trusted root when one was found. */
  chain: CertificateSummary[];
  problems: SignatureProblem[];
  /** Signer name, reason and location as written in the signature dictionary. */
  name: string | null;
  reason: string | null;
  location: string | null;
  subFilter: string | null;
  /** The signed bytes run to the end of the file. */
  coversWholeDocument: boolean;
  /**
   * PAdES baseline level: B-T with a valid signature timestamp, B-LT when the DSS also validates it,
   * B-LTA when a valid document timestamp after the DSS covers the signature and that DSS.
   */
  level: 'B-B' | 'B-T' | 'B-LT' | 'B-LTA';
  /** The RFC 3161 signature timestamp, when present. */
  timestamp: { time: Date | null; tsa: string | null; valid: boolean } | null;
  /** Revocation of the signer's chain: not checked when no revocation source is configured. */
  revocation: 'good' | 'revoked' | 'unknown' | 'not_checked';
  /** The file's DSS for this signature (null without a DSS): complete = enough to validate offline. */
  validationData: {
    complete: boolean;
    /** A /VRI entry names this signature. */
    vri: boolean;
    missing: Array<{ kind: 'certificate' | 'crl'; subject: string }>;
  } | null;
}

export interface PdfVerification {
  /** At least one signature, all valid, and nothing added after the last one. */
  valid: boolean;
  signatures: SignatureVerification[];
  /** Document timestamps (PAdES B-LTA): not signatures, so not counted among them. */
  documentTimestamps: DocumentTimestampVerification[];
  /** Always listed so nobody mistakes the check for more than it is (the UI words each code). */
  limitations: VerificationLimitation[];
}

export type VerificationLimitation =
  /** No revocation source configured: CRLs not checked. */
  | 'revocation_not_checked'
  /** A PAdES B-B signature: its signing time is only claimed. */
  | 'signing_time_claimed'
  /** Revocation comes from CRLs (fetched or in the DSS); OCSP responses are not read. */
  | 'ocsp_not_read';

function summarise(cert: X509Certificate, trustedRoot: boolean): CertificateSummary {
  return {
    subject: cert.subject.replace(/\n/g, ', '),
    commonName: dnField(cert.subject, 'CN'),
    organisation: dnField(cert.subject, 'O'),
    issuer: cert.issuer.replace(/\n/g, ', '),
    serialNumber: cert.serialNumber,
    validFrom: new Date(cert.validFrom),
    validTo: new Date(cert.validTo),
    trustedRoot,
  };
}

async function verifyOne(
  pdf: Buffer,
  raw: RawSignature,
  roots: X509Certificate[],
  trust: TrustOptions,
  dss: DssContents | null,
  archive: Archive | null,
): Promise<SignatureVerification> {
  const problems = new Set<SignatureProblem>();
  const [a = -1, b = -1, c = -1, d = -1] = raw.byteRange;
  const wellFormed = a === 0 && b > 0 && c > b && d >= 0 && c + d <= pdf.length && raw.contents !== null;
  const result: SignatureVerification = {
    valid: false,
    signer: null,
    signedAt: parsePdfDate(literal(raw.dict, 'M') ?? ''),
    chain: [],
    problems: [],
    name: literal(raw.dict, 'Name'),
    reason: literal(raw.dict, 'Reason'),
    location: literal(raw.dict, 'Location'),
    subFilter: /\/SubFilter\s*\/([A-Za-z0-9.]+)/.exec(raw.dict)?.[1] ?? null,
    coversWholeDocument: wellFormed && c + d === pdf.length,
    level: 'B-B',
    timestamp: null,
    revocation: 'not_checked',
    validationData: null,
  };
  if (!wellFormed || !raw.contents) {
    result.problems = ['byte_range_invalid'];
    return result;
  }
  // Before a valid document timestamp, only DSS updates may follow the signature up to the
  // timestamp's own update, which the timestamp covers to the end (ETSI EN 319 142-1 §5.4).
  const sealed =
    archive !== null &&
    c + d <= archive.revisionStart &&
    (await onlyDssAfter(pdf.subarray(0, archive.revisionStart), c + d));
  if (!result.coversWholeDocument && !sealed && !(await onlyDssAfter(pdf, c + d))) {
    problems.add('modified_after_signing');
  }
  let cms: ReturnType<typeof parseDetachedCms>;
  try {
    cms = parseDetachedCms(raw.contents);
  } catch {
    result.problems = [...problems, 'cms_malformed'];
    return result;
  }
  if (cms.signingTime) {
    result.signedAt = cms.signingTime;
  }
  const signedBytes = Buffer.concat([pdf.subarray(0, b), pdf.subarray(c, c + d)]);
  const hashName = { [OID.sha256]: 'sha256', [OID.sha384]: 'sha384', [OID.sha512]: 'sha512' }[
    cms.digestAlgorithm
  ];
  if (!hashName) {
    problems.add('weak_algorithm');
  }
  const digest = crypto
    .createHash(hashName ?? 'sha256')
    .update(signedBytes)
    .digest();
  if (!cms.messageDigest || !digest.equals(cms.messageDigest)) {
    problems.add('digest_mismatch');
  }
  const certs = cms.certificates.map((der) => new X509Certificate(der));
  const signer = signerOf(cms, certs);
  if (!signer || !cms.signedAttributes) {
    result.problems = [...problems, 'signature_invalid'];
    return result;
  }
  const keyBits = signer.publicKey.asymmetricKeyDetails?.modulusLength ?? 0;
  if (signer.publicKey.asymmetricKeyType === 'rsa' && keyBits < 2048) {
    problems.add('weak_algorithm');
  }
  const signatureOk = crypto.verify(
    hashName ?? 'sha256',
    cms.signedAttributes,
    signer.publicKey,
    cms.signature,
  );
  if (!signatureOk) {
    problems.add('signature_invalid');
  }
  const { chain, trusted } = buildChain(signer, certs, roots);
  if (!trusted) {
    problems.add('untrusted_chain');
  }
  let trustedTime: Date | null = null;
  const leaves = [signer];
  if (cms.timestampToken) {
    const ts = trustedTimestamp(cms.timestampToken, cms.signature, roots);
    if (ts.tsaCert) {
      leaves.push(ts.tsaCert);
    }
    const { valid } = ts;
    result.timestamp = { time: ts.time, tsa: ts.tsa, valid };
    if (valid && ts.time) {
      trustedTime = ts.time;
      result.signedAt = ts.time;
      result.level = 'B-T';
    } else {
      problems.add('timestamp_invalid');
    }
  }
  const at = result.signedAt ?? new Date();
  if (dss) {
    const lt = checkLongTerm(dss, leaves, trustedTime ?? at, trust);
    const { complete, missing } = lt;
    result.validationData = { complete, missing, vri: dss.vriKeys.includes(vriKey(raw.contents)) };
    if (complete && result.level === 'B-T') {
      result.level = 'B-LT';
      result.revocation = lt.revocation;
      if (lt.revocation === 'revoked') {
        problems.add('certificate_revoked');
      }
      // B-LTA: the document timestamp covers this signature, and the DSS as it timestamped it
      // validates the signature on its own (ETSI EN 319 142-1 §5.4).
      const archived = archive && c + d <= archive.revisionStart ? archive.dss : null;
      if (archived && checkLongTerm(archived, leaves, trustedTime ?? at, trust).complete) {
        result.level = 'B-LTA';
      }
    }
  }
  if (trust.revocation && trusted && result.level !== 'B-LT' && result.level !== 'B-LTA') {
    const now = (trust.now ?? (() => new Date()))();
    result.revocation = await chainRevocation(
      chain.map((link) => link.cert),
      trust.revocation,
      now,
      trustedTime,
    );
    if (result.revocation === 'revoked') {
      problems.add('certificate_revoked');
    } else if (result.revocation === 'unknown') {
      problems.add('revocation_unknown');
    }
  }
  for (const link of chain) {
    if (at > new Date(link.cert.validTo)) {
      problems.add('certificate_expired_at_signing');
    }
    if (at < new Date(link.cert.validFrom)) {
      problems.add('certificate_not_yet_valid_at_signing');
    }
  }
  result.signer = summarise(signer, false);
  result.chain = chain.map((link) => summarise(link.cert, link.trusted));
  result.problems = [...problems];
  result.valid = result.problems.length === 0;
  return result;
}

export async function verifyPdfSignatures(pdf: Buffer, trust: TrustOptions): Promise<PdfVerification> {
  const roots = loadRoots(trust);
  const signatures: SignatureVerification[] = [];
  const dss = await readDss(pdf);
  const found = findSignatures(pdf);
  const { documentTimestamps, archive } = await checkDocumentTimestamps(pdf, found, roots);
  for (const raw of found.filter((r) => !isDocumentTimestamp(r))) {
    signatures.push(await verifyOne(pdf, raw, roots, trust, dss, archive));
  }
  // An earlier signature not reaching the end is normal when a later valid signature covers the
  // whole file (a second signer's incremental update); anything after the last one is not.
  const last = signatures.at(-1);
  for (const s of signatures.slice(0, -1)) {
    if (last?.valid && s.problems.length === 1 && s.problems[0] === 'modified_after_signing') {
      s.problems = [];
      s.valid = true;
    }
  }
  return {
    valid:
      signatures.length > 0 && signatures.every((s) => s.valid) && documentTimestamps.every((t) => t.valid),
    signatures,
    documentTimestamps,
    limitations: [
      ...(trust.revocation ? [] : ['revocation_not_checked' as const]),
      ...(signatures.some((s) => s.level === 'B-B') ? ['signing_time_claimed' as const] : []),
      'ocsp_not_read',
    ],
  };
}
