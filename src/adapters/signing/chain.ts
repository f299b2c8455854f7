// Certificate chains for signing and verification (goal 27): the configured trusted roots, the path
// from a certificate to one of them (names and signatures checked), and the chain's revocation.
import { X509Certificate } from 'node:crypto';
import { type RevocationSource, revocationStatus } from './revocation.ts';

/** One attribute of a distinguished name as node:crypto prints it (one "KEY=value" per line). */
export function dnField(dn: string, key: string): string | null {
  const line = dn.split('\n').find((l) => l.startsWith(`${key}=`));
  return line ? line.slice(key.length + 1) : null;
}

export interface TrustOptions {
  /** Trusted root certificates (PEM or DER). */
  trustedRoots: Array<string | Buffer>;
  /** Where CRLs come from; without it revocation is not checked (and the report says so). */
  revocation?: RevocationSource;
  now?: () => Date;
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
