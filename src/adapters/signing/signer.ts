// R24, security goal 27: who holds the key is behind this interface. A PKCS#12 file on the server
// (p12-signer.ts, the demo and small deployments), a USB token through a signing client, or a remote
// signing service (e.g. a SmartCA-style API) all implement `Signer`: the server prepares the PDF and
// the CMS signed attributes, the signer only signs those bytes and returns the signature.

export interface Signer {
  /** Signer certificate first, then intermediates, DER-encoded; embedded in the signature. */
  certificateChain(): Promise<Buffer[]>;
  /**
   * RSASSA-PKCS1-v1_5 with SHA-256 (RSA ≥ 2048 bits, TT 15/2025/TT-BKHCN) over `data`, the DER of
   * the CMS signed attributes. A remote service that signs digests receives sha256(data).
   */
  sign(data: Buffer): Promise<Buffer>;
  /** A label for logs and audit: never the key. */
  readonly description: string;
}

export class SigningError extends Error {
  readonly code: string;
  /** Whose certificate was refused, when several sign one document (the leader, the agency). */
  who: 'person' | 'organisation' | undefined;
  constructor(code: string, message: string, who?: 'person' | 'organisation') {
    super(message);
    this.name = 'SigningError';
    this.code = code;
    this.who = who;
  }
}
