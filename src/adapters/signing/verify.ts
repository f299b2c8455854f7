// R24, security goal 27: verify every signature in a PDF. For each: the byte range is well formed
// (starts at 0, its hole is exactly the /Contents string), the digest of the covered bytes matches
// the CMS, the RSA signature over the signed attributes holds with the embedded signer certificate,
// the chain reaches a configured trusted root, every certificate was valid at the signing time, and
// whether bytes were added after the signature (an incremental update: "modified after signing").
// With a revocation source, every certificate below the root is checked against its issuer's CRL;
// with a signature timestamp (PAdES B-T) the TSA's token is checked and its time is the signing time.
import crypto, { X509Certificate } from 'node:crypto';
import { OID, parseDetachedCms } from './cms.ts';
import { type RevocationSource, revocationStatus } from './revocation.ts';
import { checkTimestamp } from './tsa.ts';

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
  /** PAdES baseline level reached: B-T when a valid signature timestamp is present. */
  level: 'B-B' | 'B-T';
  /** The RFC 3161 signature timestamp, when present. */
  timestamp: { time: Date | null; tsa: string | null; valid: boolean } | null;
  /** Revocation of the signer's chain: not checked when no revocation source is configured. */
  revocation: 'good' | 'revoked' | 'unknown' | 'not_checked';
}

export interface PdfVerification {
  /** At least one signature, all valid, and nothing added after the last one. */
  valid: boolean;
  signatures: SignatureVerification[];
  /** Always listed so nobody mistakes the check for more than it is. */
  limitations: string[];
}

export interface TrustOptions {
  /** Trusted root certificates (PEM or DER). */
  trustedRoots: Array<string | Buffer>;
  /** Where CRLs come from; without it revocation is not checked (and the report says so). */
  revocation?: RevocationSource;
  now?: () => Date;
}

function field(dn: string, key: string): string | null {
  const line = dn.split('\n').find((l) => l.startsWith(`${key}=`));
  return line ? line.slice(key.length + 1) : null;
}

function summarise(cert: X509Certificate, trustedRoot: boolean): CertificateSummary {
  return {
    subject: cert.subject.replace(/\n/g, ', '),
    commonName: field(cert.subject, 'CN'),
    organisation: field(cert.subject, 'O'),
    issuer: cert.issuer.replace(/\n/g, ', '),
    serialNumber: cert.serialNumber,
    validFrom: new Date(cert.validFrom),
    validTo: new Date(cert.validTo),
    trustedRoot,
  };
}

/** PDF date string `D:YYYYMMDDHHmmSS+07'00'` (or Z) to a Date. */
export function parsePdfDate(raw: string): Date | null {
  const m = /D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?/.exec(raw);
  if (!m) {
    return null;
  }
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', sign, oh = '00', om = '00'] = m;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const offset = sign === '+' || sign === '-' ? (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) : 0;
  return new Date(utc - offset * 60_000);
}

/** A literal string value `(…)` of a key in the signature dictionary text, unescaped simply. */
function literal(dict: string, key: string): string | null {
  const m = new RegExp(`/${key}\\s*\\(((?:\\\\.|[^\\\\)])*)\\)`).exec(dict);
  if (!m?.[1]) {
    return null;
  }
  const raw = m[1].replace(/\\([()\\])/g, '$1');
  // Strings written as UTF-16BE with a BOM (how PDF writers store Vietnamese names).
  const bytes = Buffer.from(raw, 'latin1');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return bytes.subarray(2).swap16().toString('utf16le');
  }
  return raw;
}

interface RawSignature {
  byteRange: number[];
  contents: Buffer | null;
  dict: string;
}

/** Finds every /ByteRange … /Contents <…> pair; the dictionary text around it gives /M, /Name… */
function findSignatures(pdf: Buffer): RawSignature[] {
  const found: RawSignature[] = [];
  const text = pdf.toString('latin1');
  const rangeRe = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
  for (let m = rangeRe.exec(text); m; m = rangeRe.exec(text)) {
    const byteRange = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
    const dictStart = text.lastIndexOf('obj', m.index);
    const dictEnd = text.indexOf('endobj', m.index);
    const dict = text.slice(Math.max(0, dictStart), dictEnd < 0 ? m.index + 2000 : dictEnd);
    const start = byteRange[1] as number;
    const end = byteRange[2] as number;
    let contents: Buffer | null = null;
    if (
      text[start] === '<' &&
      text[end - 1] === '>' &&
      /^[0-9a-fA-F]*$/.test(text.slice(start + 1, end - 1))
    ) {
      contents = Buffer.from(text.slice(start + 1, end - 1), 'hex');
    }
    found.push({ byteRange, contents, dict });
  }
  return found;
}

export function loadRoots(trust: TrustOptions): X509Certificate[] {
  return trust.trustedRoots.flatMap((root) => {
    if (Buffer.isBuffer(root)) {
      return [new X509Certificate(root)];
    }
    return (root.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []).map(
      (pem) => new X509Certificate(pem),
    );
  });
}

/** Signer → intermediates → a trusted root, each link checked by name and signature. */
export function buildChain(signer: X509Certificate, pool: X509Certificate[], roots: X509Certificate[]) {
  const chain: Array<{ cert: X509Certificate; trusted: boolean }> = [{ cert: signer, trusted: false }];
  let current = signer;
  for (let depth = 0; depth < 8; depth++) {
    const root = roots.find((r) => current.checkIssued(r) && current.verify(r.publicKey));
    if (root) {
      if (root.fingerprint256 !== current.fingerprint256) {
        chain.push({ cert: root, trusted: true });
      } else {
        (chain[chain.length - 1] as { trusted: boolean }).trusted = true;
      }
      return { chain, trusted: true };
    }
    const parent = pool.find(
      (p) =>
        p.fingerprint256 !== current.fingerprint256 &&
        p.ca &&
        current.checkIssued(p) &&
        current.verify(p.publicKey),
    );
    if (!parent) {
      break;
    }
    chain.push({ cert: parent, trusted: false });
    current = parent;
  }
  return { chain, trusted: false };
}

/**
 * Revocation of each certificate below the root, against its issuer's CRL. Revoked counts when the
 * revocation is not after `trustedTime` (a TSA's time); without one, any revocation counts, since a
 * claimed time can be backdated.
 */
export async function chainRevocation(
  chain: X509Certificate[],
  source: RevocationSource,
  now: Date,
  trustedTime: Date | null,
): Promise<'good' | 'revoked' | 'unknown'> {
  let verdict: 'good' | 'unknown' = 'good';
  for (let i = 0; i + 1 < chain.length; i++) {
    const status = await revocationStatus(
      chain[i] as X509Certificate,
      chain[i + 1] as X509Certificate,
      source,
      now,
    );
    if (status.status === 'revoked' && (!trustedTime || status.revokedAt <= trustedTime)) {
      return 'revoked';
    }
    if (status.status === 'unknown') {
      verdict = 'unknown';
    }
  }
  return verdict;
}

async function verifyOne(
  pdf: Buffer,
  raw: RawSignature,
  roots: X509Certificate[],
  trust: TrustOptions,
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
  };
  if (!wellFormed || !raw.contents) {
    result.problems = ['byte_range_invalid'];
    return result;
  }
  if (!result.coversWholeDocument) {
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
  const sid = cms.signerInfo.sid as { serialNumber?: { valueBlock: { valueHexView: Uint8Array } } };
  const serialHex = sid.serialNumber
    ? Buffer.from(sid.serialNumber.valueBlock.valueHexView).toString('hex').toUpperCase()
    : '';
  const signer =
    certs.find((cert) => cert.serialNumber.replace(/^0+/, '') === serialHex.replace(/^0+/, '')) ?? certs[0];
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
  if (cms.timestampToken) {
    const ts = checkTimestamp(cms.timestampToken, cms.signature);
    const tsaChain = ts.tsa ? buildChain(ts.tsa, ts.certificates, roots) : null;
    const tsaValidThen =
      ts.time !== null &&
      ts.tsa !== null &&
      ts.time >= new Date(ts.tsa.validFrom) &&
      ts.time <= new Date(ts.tsa.validTo);
    const valid = ts.valid && tsaChain?.trusted === true && tsaValidThen;
    result.timestamp = { time: ts.time, tsa: ts.tsa ? field(ts.tsa.subject, 'CN') : null, valid };
    if (valid && ts.time) {
      trustedTime = ts.time;
      result.signedAt = ts.time;
      result.level = 'B-T';
    } else {
      problems.add('timestamp_invalid');
    }
  }
  const at = result.signedAt ?? new Date();
  if (trust.revocation && trusted) {
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
  for (const raw of findSignatures(pdf)) {
    signatures.push(await verifyOne(pdf, raw, roots, trust));
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
    valid: signatures.length > 0 && signatures.every((s) => s.valid),
    signatures,
    limitations: [
      ...(trust.revocation ? [] : ['revocation (CRL/OCSP) not checked: no revocation source configured']),
      ...(signatures.some((s) => s.level === 'B-B')
        ? ['a signature without a timestamp (PAdES B-B): its signing time is only claimed']
        : []),
      'OCSP responses and the DSS (PAdES B-LT) are not read yet',
    ],
  };
}
