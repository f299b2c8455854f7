// Security goal 27, TT 15/2025/TT-BKHCN: revocation status of every certificate in a chain, from
// X.509 CRLs (RFC 5280 §5). A CRL counts only when its signature verifies with the issuer's key and it
// is current (thisUpdate ≤ now < nextUpdate). Where CRLs come from is a `RevocationSource`: fetched
// over HTTP from the certificate's CRL distribution point (how public CAs and VGCA publish them), or
// files the operator configures (the demo CA writes its CRL into the data directory).
import crypto, { type KeyObject, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

const CRL_DISTRIBUTION_POINTS = '2.5.29.31';

const toArrayBuffer = (b: Buffer | Uint8Array): ArrayBuffer =>
  b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

export interface RevocationSource {
  /** DER CRLs that may say whether `cert` is revoked. */
  crlsFor(cert: X509Certificate): Promise<Buffer[]>;
}

export type RevocationStatus =
  | { status: 'good'; crlThisUpdate: Date }
  | { status: 'revoked'; revokedAt: Date }
  | { status: 'unknown' };

/** Issues a CRL signed by `issuer` (the local test CA's CRL; real CAs publish their own). */
export async function buildCrl(options: {
  issuerCertPem: string;
  issuerKeyPem: string;
  revoked: Array<{ serialNumber: string; revokedAt: Date }>;
  thisUpdate: Date;
  nextUpdate: Date;
}): Promise<Buffer> {
  const issuer = pkijs.Certificate.fromBER(toArrayBuffer(new X509Certificate(options.issuerCertPem).raw));
  const crl = new pkijs.CertificateRevocationList({
    version: 1,
    issuer: issuer.subject,
    thisUpdate: new pkijs.Time({ type: 0, value: options.thisUpdate }),
    nextUpdate: new pkijs.Time({ type: 0, value: options.nextUpdate }),
  });
  if (options.revoked.length > 0) {
    crl.revokedCertificates = options.revoked.map(
      (r) =>
        new pkijs.RevokedCertificate({
          userCertificate: new asn1js.Integer({
            valueHex: toArrayBuffer(Buffer.from(r.serialNumber, 'hex')),
          }),
          revocationDate: new pkijs.Time({ type: 0, value: r.revokedAt }),
        }),
    );
  }
  const der = crypto.createPrivateKey(options.issuerKeyPem).export({ type: 'pkcs8', format: 'der' });
  const key = await globalThis.crypto.subtle.importKey(
    'pkcs8',
    der,
    { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  await crl.sign(key, 'SHA-256');
  return Buffer.from(crl.toSchema(true).toBER(false));
}

const normalSerial = (hex: string) => hex.toUpperCase().replace(/^0+/, '');

/** What one CRL signed by the issuer says about a certificate (B-LT keeps the CRL's bytes). */
export interface CheckedCrl {
  der: Buffer;
  thisUpdate: Date;
  nextUpdate: Date | null;
  /** The revocation date when the CRL lists the certificate. */
  revokedAt: Date | null;
}

/** The CRLs among `ders` whose signature verifies with `issuer`'s key; the caller judges dates. */
export function crlsAbout(cert: X509Certificate, issuer: X509Certificate, ders: Buffer[]): CheckedCrl[] {
  const out: CheckedCrl[] = [];
  for (const der of ders) {
    let crl: pkijs.CertificateRevocationList;
    try {
      crl = pkijs.CertificateRevocationList.fromBER(toArrayBuffer(der));
    } catch {
      continue;
    }
    const issuerKey: KeyObject = issuer.publicKey;
    const signed = crypto.verify(
      'sha256',
      crl.tbsView,
      issuerKey,
      Buffer.from(crl.signatureValue.valueBlock.valueHexView),
    );
    if (!signed) {
      continue;
    }
    const entry = (crl.revokedCertificates ?? []).find(
      (r) =>
        normalSerial(Buffer.from(r.userCertificate.valueBlock.valueHexView).toString('hex')) ===
        normalSerial(cert.serialNumber),
    );
    out.push({
      der,
      thisUpdate: crl.thisUpdate.value,
      nextUpdate: crl.nextUpdate?.value ?? null,
      revokedAt: entry ? entry.revocationDate.value : null,
    });
  }
  return out;
}

/** Current at `now`: thisUpdate ≤ now < nextUpdate. */
export const currentAt = (crl: CheckedCrl, now: Date) =>
  crl.thisUpdate <= now && (!crl.nextUpdate || crl.nextUpdate > now);

/**
 * The status of `cert` from the CRLs of `source` that its issuer signed and that are current at
 * `now`. Revoked wins over good; no usable CRL is "unknown".
 */
export async function revocationStatus(
  cert: X509Certificate,
  issuer: X509Certificate,
  source: RevocationSource,
  now: Date,
): Promise<RevocationStatus> {
  const current = crlsAbout(cert, issuer, await source.crlsFor(cert)).filter((c) => currentAt(c, now));
  const revoked = current.find((c) => c.revokedAt);
  if (revoked?.revokedAt) {
    return { status: 'revoked', revokedAt: revoked.revokedAt };
  }
  const [good] = current;
  return good ? { status: 'good', crlThisUpdate: good.thisUpdate } : { status: 'unknown' };
}

/** The HTTP(S) URLs of a certificate's CRL distribution points. */
function crlUrlsOf(cert: X509Certificate): string[] {
  const parsed = pkijs.Certificate.fromBER(toArrayBuffer(cert.raw));
  const ext = parsed.extensions?.find((e) => e.extnID === CRL_DISTRIBUTION_POINTS);
  const points = ext?.parsedValue as pkijs.CRLDistributionPoints | undefined;
  const urls: string[] = [];
  for (const point of points?.distributionPoints ?? []) {
    const names = Array.isArray(point.distributionPoint) ? point.distributionPoint : [];
    for (const name of names) {
      if (name.type === 6 && /^https?:\/\//.test(String(name.value))) {
        urls.push(String(name.value));
      }
    }
  }
  return urls;
}

/** CRLs fetched from the distribution points, cached per URL until the CRL's nextUpdate. */
export function httpCrlSource(options: { timeoutMs?: number; now?: () => Date } = {}): RevocationSource {
  const cache = new Map<string, { der: Buffer; until: number }>();
  const now = options.now ?? (() => new Date());
  return {
    async crlsFor(cert) {
      const out: Buffer[] = [];
      for (const url of crlUrlsOf(cert)) {
        const hit = cache.get(url);
        if (hit && hit.until > now().getTime()) {
          out.push(hit.der);
          continue;
        }
        try {
          const res = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 5000) });
          if (!res.ok) {
            continue;
          }
          const der = Buffer.from(await res.arrayBuffer());
          const next = pkijs.CertificateRevocationList.fromBER(toArrayBuffer(der)).nextUpdate?.value;
          cache.set(url, { der, until: next ? next.getTime() : 0 });
          out.push(der);
        } catch {
          // Unreachable or not a CRL: the status stays unknown, which the caller reports.
        }
      }
      return out;
    },
  };
}

/** CRL files named in the configuration (DER or PEM), re-read on each check. */
export function fileCrlSource(files: string[]): RevocationSource {
  return {
    async crlsFor() {
      return files.flatMap((file) => {
        if (!fs.existsSync(file)) {
          return [];
        }
        const raw = fs.readFileSync(file);
        const pem = /-----BEGIN X509 CRL-----([\s\S]+?)-----END X509 CRL-----/.exec(raw.toString('latin1'));
        return [pem?.[1] ? Buffer.from(pem[1].replace(/\s+/g, ''), 'base64') : raw];
      });
    },
  };
}

export function combinedSources(...sources: RevocationSource[]): RevocationSource {
  return {
    async crlsFor(cert) {
      return (await Promise.all(sources.map((s) => s.crlsFor(cert)))).flat();
    },
  };
}
