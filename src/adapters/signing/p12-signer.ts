// An agency key in a PKCS#12 file (.p12/.pfx). TT 15/2025/TT-BKHCN: signing software checks the
// certificate before signing; we refuse an expired or not yet valid certificate and RSA keys below
// 2048 bits. The private key stays in this process's memory (node:crypto KeyObject).
import crypto, { type KeyObject, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { type Signer, SigningError } from './signer.ts';

export interface P12SignerOptions {
  /** Tests only: allow a certificate outside its validity to produce samples verifiers must reject. */
  skipValidityCheck?: boolean;
  now?: () => Date;
}

function certificateDer(cert: forge.pki.Certificate): Buffer {
  return Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
}

export function createP12Signer(p12: Buffer, password: string, options: P12SignerOptions = {}): Signer {
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(p12.toString('binary')), password);
  } catch {
    throw new SigningError('P12_UNREADABLE', 'the PKCS#12 file cannot be read with this password');
  }
  const bagsOf = (type: string | undefined): forge.pkcs12.Bag[] =>
    type ? (parsed.getBags({ bagType: type })[type] ?? []) : [];
  const keyBag = [...bagsOf(forge.pki.oids.pkcs8ShroudedKeyBag), ...bagsOf(forge.pki.oids.keyBag)][0];
  const certs = bagsOf(forge.pki.oids.certBag)
    .map((bag) => bag.cert)
    .filter((c): c is forge.pki.Certificate => c !== undefined);
  if (!keyBag?.key || certs.length === 0) {
    throw new SigningError('P12_INCOMPLETE', 'the PKCS#12 file has no private key or no certificate');
  }
  const privateKey: KeyObject = crypto.createPrivateKey(
    forge.pki.privateKeyToPem(keyBag.key as forge.pki.rsa.PrivateKey),
  );
  const publicKey = crypto.createPublicKey(privateKey);
  // The signer certificate is the one whose public key matches the private key; the rest is the chain.
  const ders = certs.map(certificateDer);
  const signerIndex = ders.findIndex((der) =>
    new X509Certificate(der).publicKey
      .export({ format: 'der', type: 'spki' })
      .equals(publicKey.export({ format: 'der', type: 'spki' })),
  );
  if (signerIndex < 0) {
    throw new SigningError(
      'P12_NO_MATCHING_CERT',
      'no certificate in the PKCS#12 file matches its private key',
    );
  }
  const signerDer = ders[signerIndex] as Buffer;
  const chain = [signerDer, ...ders.filter((_, i) => i !== signerIndex)];
  const signerCert = new X509Certificate(signerDer);
  const bits = privateKey.asymmetricKeyDetails?.modulusLength ?? 0;
  if (privateKey.asymmetricKeyType !== 'rsa' || bits < 2048) {
    throw new SigningError(
      'KEY_TOO_WEAK',
      `RSA keys of at least 2048 bits are required (got ${privateKey.asymmetricKeyType} ${bits})`,
    );
  }
  const now = options.now ?? (() => new Date());

  return {
    description: `PKCS#12: ${signerCert.subject.replace(/\n/g, ', ')}`,
    async certificateChain() {
      return chain;
    },
    async sign(data: Buffer) {
      const at = now();
      if (
        !options.skipValidityCheck &&
        (at < new Date(signerCert.validFrom) || at > new Date(signerCert.validTo))
      ) {
        throw new SigningError(
          'CERTIFICATE_NOT_VALID_NOW',
          `the signing certificate is valid from ${signerCert.validFrom} to ${signerCert.validTo}`,
        );
      }
      return crypto.sign('sha256', data, { key: privateKey, padding: crypto.constants.RSA_PKCS1_PADDING });
    },
  };
}
