// TT 15/2025/TT-BKHCN: signing software checks the certificate before signing. The signer's chain
// must reach a configured trusted root, every certificate must be valid now, and none revoked (CRL
// from the revocation source); when the status cannot be learnt we refuse rather than guess.
import { X509Certificate } from 'node:crypto';
import { buildChain, chainRevocation, loadRoots, type TrustOptions } from './chain.ts';
import { SigningError } from './signer.ts';

export async function checkSigningCertificate(chainDer: Buffer[], trust: TrustOptions): Promise<void> {
  const [signerDer] = chainDer;
  if (!signerDer) {
    throw new SigningError('P12_INCOMPLETE', 'the signer has no certificate');
  }
  const now = (trust.now ?? (() => new Date()))();
  const certs = chainDer.map((der) => new X509Certificate(der));
  const { chain, trusted } = buildChain(certs[0] as X509Certificate, certs, loadRoots(trust));
  for (const { cert } of chain) {
    if (now < new Date(cert.validFrom) || now > new Date(cert.validTo)) {
      throw new SigningError(
        'CERTIFICATE_NOT_VALID_NOW',
        `the certificate ${cert.subject.replace(/\n/g, ', ')} is valid from ${cert.validFrom} to ${cert.validTo}`,
      );
    }
  }
  if (!trusted) {
    throw new SigningError(
      'CERTIFICATE_UNTRUSTED',
      'the signing certificate does not chain to a trusted root',
    );
  }
  if (!trust.revocation) {
    return;
  }
  const status = await chainRevocation(
    chain.map((link) => link.cert),
    trust.revocation,
    now,
    null,
  );
  if (status === 'revoked') {
    throw new SigningError('CERTIFICATE_REVOKED', 'the signing certificate (or its CA) has been revoked');
  }
  if (status === 'unknown') {
    throw new SigningError(
      'REVOCATION_UNKNOWN',
      'the revocation status of the signing certificate cannot be obtained (no current CRL)',
    );
  }
}
