// CMS SignedData for PAdES (ETSI EN 319 142-1 baseline B-B; RFC 5652): detached content, SHA-256,
// signed attributes content-type, message-digest and ESS signing-certificate-v2 (RFC 5035), the
// certificate chain embedded. The claimed signing time goes into the PDF signature dictionary (/M),
// as PAdES asks, not into a CMS signing-time attribute.
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { Signer } from './signer.ts';

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  timeStamping: '1.3.6.1.5.5.7.3.8',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
} as const;

export const toArrayBuffer = (b: Buffer | Uint8Array): ArrayBuffer =>
  b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

/** The DER of the signed attributes as the signature covers them: an explicit SET OF (tag 0x31). */
export function signedAttributesDer(attrs: pkijs.SignedAndUnsignedAttributes): Buffer {
  const der = Buffer.from(attrs.toSchema().toBER(false));
  der[0] = 0x31;
  return der;
}

/** Signed attributes: content-type, message-digest and ESS signing-certificate-v2 (RFC 5035). */
export function essSignedAttributes(
  contentType: string,
  digest: Buffer,
  signerDer: Buffer,
): pkijs.SignedAndUnsignedAttributes {
  const certHash = createHash('sha256').update(signerDer).digest();
  return new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: [
      new pkijs.Attribute({
        type: OID.contentType,
        values: [new asn1js.ObjectIdentifier({ value: contentType })],
      }),
      new pkijs.Attribute({
        type: OID.messageDigest,
        values: [new asn1js.OctetString({ valueHex: toArrayBuffer(digest) })],
      }),
      // SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }; ESSCertIDv2 with the
      // default hash (SHA-256) is SEQUENCE { certHash OCTET STRING }.
      new pkijs.Attribute({
        type: OID.signingCertificateV2,
        values: [
          new asn1js.Sequence({
            value: [
              new asn1js.Sequence({
                value: [
                  new asn1js.Sequence({
                    value: [new asn1js.OctetString({ valueHex: toArrayBuffer(certHash) })],
                  }),
                ],
              }),
            ],
          }),
        ],
      }),
    ],
  });
}

/** Produces an RFC 3161 TimeStampToken (DER ContentInfo) over a SHA-256 digest. */
export interface TimestampAuthority {
  timestamp(sha256Digest: Buffer): Promise<Buffer>;
  readonly description: string;
}

/**
 * PAdES B-B, or B-T with `tsa`: the TSA's token over the signature value goes into the unsigned
 * attribute id-aa-signatureTimeStampToken (ETSI EN 319 122-1 §5.3).
 */
export async function buildDetachedCms(
  content: Buffer,
  signer: Signer,
  tsa?: TimestampAuthority,
): Promise<Buffer> {
  const chain = await signer.certificateChain();
  const [signerDer] = chain;
  if (!signerDer) {
    throw new Error('the signer returned no certificate');
  }
  const certificates = chain.map((der) => pkijs.Certificate.fromBER(toArrayBuffer(der)));
  const signerCert = certificates[0] as pkijs.Certificate;
  const digest = createHash('sha256').update(content).digest();
  const sha256 = () => new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 });
  const signedAttrs = essSignedAttributes(OID.data, digest, signerDer);
  const signature = await signer.sign(signedAttributesDer(signedAttrs));

  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({
      issuer: signerCert.issuer,
      serialNumber: signerCert.serialNumber,
    }),
    digestAlgorithm: sha256(),
    signatureAlgorithm: new pkijs.AlgorithmIdentifier({
      algorithmId: OID.rsaEncryption,
      algorithmParams: new asn1js.Null(),
    }),
    signedAttrs,
    signature: new asn1js.OctetString({ valueHex: toArrayBuffer(signature) }),
  });
  if (tsa) {
    const token = await tsa.timestamp(createHash('sha256').update(signature).digest());
    signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 1,
      attributes: [
        new pkijs.Attribute({
          type: OID.signatureTimeStampToken,
          values: [asn1js.fromBER(toArrayBuffer(token)).result],
        }),
      ],
    });
  }
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [sha256()],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates,
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({
    contentType: OID.signedData,
    content: signedData.toSchema(true),
  });
  return Buffer.from(contentInfo.toSchema().toBER(false));
}

/** The signed attributes exactly as received (re-encoding could reorder them), tagged as SET OF. */
function originalSignedAttributes(attrs: pkijs.SignedAndUnsignedAttributes): Buffer {
  if (attrs.encodedValue.byteLength === 0) {
    return signedAttributesDer(attrs);
  }
  const der = Buffer.from(new Uint8Array(attrs.encodedValue).slice());
  der[0] = 0x31;
  return der;
}

export interface ParsedCms {
  certificates: Buffer[];
  signerInfo: pkijs.SignerInfo;
  digestAlgorithm: string;
  signatureAlgorithm: string;
  messageDigest: Buffer | null;
  signingTime: Date | null;
  signedAttributes: Buffer | null;
  signature: Buffer;
  /** Encapsulated content (a timestamp token's TSTInfo); null when detached. */
  eContentType: string;
  eContent: Buffer | null;
  /** The unsigned id-aa-signatureTimeStampToken attribute (PAdES B-T), DER ContentInfo. */
  timestampToken: Buffer | null;
}

export function parseDetachedCms(der: Buffer): ParsedCms {
  const asn = asn1js.fromBER(toArrayBuffer(der));
  if (asn.offset === -1) {
    throw new Error('the signature is not DER');
  }
  const contentInfo = new pkijs.ContentInfo({ schema: asn.result });
  if (contentInfo.contentType !== OID.signedData) {
    throw new Error('the signature is not CMS SignedData');
  }
  const signedData = new pkijs.SignedData({ schema: contentInfo.content });
  const signerInfo = signedData.signerInfos[0];
  if (!signerInfo) {
    throw new Error('the signature has no signer');
  }
  const attribute = (oid: string) =>
    signerInfo.signedAttrs?.attributes.find((a) => a.type === oid)?.values[0];
  const digestValue = attribute(OID.messageDigest) as asn1js.OctetString | undefined;
  const timeValue = attribute(OID.signingTime) as asn1js.UTCTime | asn1js.GeneralizedTime | undefined;
  const token = signerInfo.unsignedAttrs?.attributes.find((a) => a.type === OID.signatureTimeStampToken)
    ?.values[0] as asn1js.BaseBlock | undefined;
  const eContent = signedData.encapContentInfo.eContent;
  return {
    eContentType: signedData.encapContentInfo.eContentType,
    eContent: eContent ? Buffer.from(eContent.getValue()) : null,
    timestampToken: token ? Buffer.from(token.toBER(false)) : null,
    certificates: (signedData.certificates ?? [])
      .filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate)
      .map((c) => Buffer.from(c.toSchema().toBER(false))),
    signerInfo,
    digestAlgorithm: signerInfo.digestAlgorithm.algorithmId,
    signatureAlgorithm: signerInfo.signatureAlgorithm.algorithmId,
    messageDigest: digestValue ? Buffer.from(digestValue.valueBlock.valueHexView) : null,
    signingTime: timeValue ? timeValue.toDate() : null,
    signedAttributes: signerInfo.signedAttrs ? originalSignedAttributes(signerInfo.signedAttrs) : null,
    signature: Buffer.from(signerInfo.signature.valueBlock.valueHexView),
  };
}
