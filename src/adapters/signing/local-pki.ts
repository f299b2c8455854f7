// A throwaway certification authority for tests and the demo (security goal 27): root →
// intermediate → agency signer, plus an expired signer and a signer under another root. Generated at
// run time into memory or the data directory; no private key is ever committed. Not for production:
// real agencies sign with certificates of the government CA (VGCA) or a licensed public CA.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';
import { buildCrl } from './revocation.ts';

export interface Issued {
  cert: forge.pki.Certificate;
  key: forge.pki.rsa.PrivateKey;
  certPem: string;
  keyPem: string;
}

export interface LocalPki {
  rootPem: string;
  intermediatePem: string;
  /** The CA keys, so that tests and the demo can issue CRLs. */
  root: Issued;
  intermediate: Issued;
  /** Listed in the intermediate's CRL (revoked yesterday). */
  revokedSignerP12: Buffer;
  revokedSerial: string;
  /** The local time-stamping authority: certificate chain (TSA first) and key. */
  tsaChain: Buffer[];
  tsaKeyPem: string;
  /** A second signer (the leader, for the two-signature result), same intermediate. */
  leaderSignerP12: Buffer;
  /** The agency signer: PKCS#12 with signer + intermediate + root certificates. */
  signerP12: Buffer;
  expiredSignerP12: Buffer;
  /** Issued under a root nobody trusts. */
  wrongRootSignerP12: Buffer;
  wrongRootPem: string;
  password: string;
}

function rsaKeys(bits = 2048): { publicKey: forge.pki.rsa.PublicKey; privateKey: forge.pki.rsa.PrivateKey } {
  // node:crypto generates the key (fast, native); forge only builds the certificates.
  const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: bits });
  return {
    publicKey: forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString()),
    privateKey: forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()),
  };
}

function subject(cn: string, o: string, title?: string): forge.pki.CertificateField[] {
  // Vietnamese names need UTF8String (PrintableString is ASCII only); forge encodes the value.
  const text = (value: string) =>
    /^[\x20-\x7e]*$/.test(value)
      ? { value }
      : { value, valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class };
  return [
    { name: 'countryName', value: 'VN' },
    { shortName: 'ST', value: 'An Hoa' },
    { name: 'organizationName', ...text(o) },
    ...(title ? [{ name: 'title', ...text(title) }] : []),
    { name: 'commonName', ...text(cn) },
  ];
}

const DAY = 86_400_000;

export function issueCertificate(options: {
  commonName: string;
  organisation: string;
  issuer?: Issued;
  ca: boolean;
  notBefore: Date;
  notAfter: Date;
  /** RSA modulus length; tests issue a 1024-bit one to see it refused. */
  bits?: number;
  /** CRL distribution point (RFC 5280 §4.2.1.13) where the issuer publishes its CRL. */
  crlUrl?: string;
  /** A time-stamping authority's certificate: extended key usage timeStamping, critical (RFC 3161 §2.3). */
  timestamping?: boolean;
  /** X.509 title (2.5.4.12) of a person's certificate, e.g. "Giám đốc". */
  title?: string;
}): Issued {
  const keys = rsaKeys(options.bits);
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = `01${crypto.randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = options.notBefore;
  cert.validity.notAfter = options.notAfter;
  const attrs = subject(options.commonName, options.organisation, options.title);
  cert.setSubject(attrs);
  cert.setIssuer(options.issuer ? options.issuer.cert.subject.attributes : attrs);
  cert.setExtensions([
    { name: 'basicConstraints', cA: options.ca, critical: true },
    options.ca
      ? { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }
      : { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
    ...(options.crlUrl
      ? [{ name: 'cRLDistributionPoints', altNames: [{ type: 6, value: options.crlUrl }] }]
      : []),
    ...(options.timestamping ? [{ name: 'extKeyUsage', timeStamping: true, critical: true }] : []),
  ]);
  cert.sign(options.issuer?.key ?? keys.privateKey, forge.md.sha256.create());
  return {
    cert,
    key: keys.privateKey,
    certPem: forge.pki.certificateToPem(cert),
    keyPem: forge.pki.privateKeyToPem(keys.privateKey),
  };
}

export function toP12(leaf: Issued, chain: Array<Pick<Issued, 'cert'>>, password: string): Buffer {
  const asn1 = forge.pkcs12.toPkcs12Asn1(leaf.key, [leaf.cert, ...chain.map((c) => c.cert)], password, {
    algorithm: '3des',
    friendlyName: 'motcua-signer',
  });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

export function generateLocalPki(
  options: { agencyName?: string; password?: string; now?: Date; crlBaseUrl?: string } = {},
): LocalPki {
  const crl = (name: string) => (options.crlBaseUrl ? { crlUrl: `${options.crlBaseUrl}/${name}.crl` } : {});
  const now = options.now ?? new Date();
  const password = options.password ?? crypto.randomBytes(12).toString('base64url');
  const agency = options.agencyName ?? 'Sở Tư pháp tỉnh An Hòa (DEMO)';
  const years = (n: number) => new Date(now.getTime() + n * 365 * DAY);
  const root = issueCertificate({
    commonName: 'MotCua Demo Root CA (NOT FOR PRODUCTION)',
    organisation: 'MotCua demo',
    ca: true,
    notBefore: years(-1),
    notAfter: years(10),
  });
  const intermediate = issueCertificate({
    commonName: 'MotCua Demo Agency CA',
    organisation: 'MotCua demo',
    issuer: root,
    ca: true,
    notBefore: years(-1),
    notAfter: years(5),
    ...crl('root'),
  });
  const underIntermediate = (commonName: string, extra: { timestamping?: boolean } = {}) =>
    issueCertificate({
      commonName,
      organisation: agency,
      issuer: intermediate,
      ca: false,
      notBefore: new Date(now.getTime() - DAY),
      notAfter: years(2),
      ...crl('intermediate'),
      ...extra,
    });
  const revoked = underIntermediate(`${agency} (revoked)`);
  const leader = underIntermediate('Nguyen Van Lanh Dao (DEMO)');
  const tsa = underIntermediate('MotCua Demo TSA (NOT FOR PRODUCTION)', { timestamping: true });
  const signer = underIntermediate(agency);
  const expired = issueCertificate({
    commonName: `${agency} (expired)`,
    organisation: agency,
    issuer: intermediate,
    ca: false,
    notBefore: years(-1),
    notAfter: new Date(now.getTime() - 30 * DAY),
    ...crl('intermediate'),
  });
  const wrongRoot = issueCertificate({
    commonName: 'Unknown Root CA',
    organisation: 'Somebody else',
    ca: true,
    notBefore: years(-1),
    notAfter: years(10),
  });
  const stranger = issueCertificate({
    commonName: agency,
    organisation: agency,
    issuer: wrongRoot,
    ca: false,
    notBefore: new Date(now.getTime() - DAY),
    notAfter: years(2),
  });
  const der = (c: Issued) =>
    Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(c.cert)).getBytes(), 'binary');
  return {
    rootPem: root.certPem,
    intermediatePem: intermediate.certPem,
    root,
    intermediate,
    revokedSignerP12: toP12(revoked, [intermediate, root], password),
    revokedSerial: revoked.cert.serialNumber,
    tsaChain: [der(tsa), der(intermediate), der(root)],
    tsaKeyPem: tsa.keyPem,
    leaderSignerP12: toP12(leader, [intermediate, root], password),
    signerP12: toP12(signer, [intermediate, root], password),
    expiredSignerP12: toP12(expired, [intermediate, root], password),
    wrongRootSignerP12: toP12(stranger, [wrongRoot], password),
    wrongRootPem: wrongRoot.certPem,
    password,
  };
}

/** What the demo keeps of its CA to issue CRLs and run the local TSA (demo only: keys on disk). */
export interface DemoAuthority {
  rootCertPem: string;
  rootKeyPem: string;
  intermediateCertPem: string;
  intermediateKeyPem: string;
  tsaChainPem: string[];
  tsaKeyPem: string;
}

/** The demo CA's CRLs (nothing revoked), valid for a day: rebuilt when stale. */
export async function demoCrls(authority: DemoAuthority, now: Date): Promise<Buffer[]> {
  const common = {
    revoked: [],
    thisUpdate: new Date(now.getTime() - 60_000),
    nextUpdate: new Date(now.getTime() + DAY),
  };
  return [
    await buildCrl({ issuerCertPem: authority.rootCertPem, issuerKeyPem: authority.rootKeyPem, ...common }),
    await buildCrl({
      issuerCertPem: authority.intermediateCertPem,
      issuerKeyPem: authority.intermediateKeyPem,
      ...common,
    }),
  ];
}

/**
 * The demo's PKI under `<dataDir>/signing`: created once on first start, reused afterwards.
 * Returns the files the signing configuration points at and the demo authority (CRLs, TSA).
 */
export function ensureLocalPki(dataDir: string): {
  p12File: string;
  password: string;
  trustFile: string;
  authority: DemoAuthority;
} {
  const dir = path.join(dataDir, 'signing');
  const p12File = path.join(dir, 'demo-agency-signer.p12');
  const passwordFile = path.join(dir, 'demo-agency-signer.password');
  const trustFile = path.join(dir, 'demo-trusted-roots.pem');
  const authorityFile = path.join(dir, 'demo-ca-keys.json');
  const files = [p12File, passwordFile, trustFile, authorityFile];
  if (!files.every((f) => fs.existsSync(f))) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const pki = generateLocalPki();
    const authority: DemoAuthority = {
      rootCertPem: pki.root.certPem,
      rootKeyPem: pki.root.keyPem,
      intermediateCertPem: pki.intermediate.certPem,
      intermediateKeyPem: pki.intermediate.keyPem,
      tsaChainPem: pki.tsaChain.map((der) => new crypto.X509Certificate(der).toString()),
      tsaKeyPem: pki.tsaKeyPem,
    };
    fs.writeFileSync(p12File, pki.signerP12, { mode: 0o600 });
    fs.writeFileSync(passwordFile, pki.password, { mode: 0o600 });
    fs.writeFileSync(trustFile, pki.rootPem, { mode: 0o644 });
    fs.writeFileSync(authorityFile, JSON.stringify(authority), { mode: 0o600 });
  }
  return {
    p12File,
    password: fs.readFileSync(passwordFile, 'utf8').trim(),
    trustFile,
    authority: JSON.parse(fs.readFileSync(authorityFile, 'utf8')) as DemoAuthority,
  };
}
