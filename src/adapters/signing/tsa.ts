// Security goal 27, PAdES B-T: RFC 3161 time-stamping. `httpTsa` is the client (TimeStampReq POSTed
// as application/timestamp-query, TimeStampResp back as application/timestamp-reply), used with any
// TSA (a licensed CA's, or the national one). `createTsaResponder` + `startLocalTsa` are the faithful
// local TSA of the demo and the tests: same protocol over HTTP, key from the throwaway demo CA.
import crypto, { type KeyObject, X509Certificate } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import {
  essSignedAttributes,
  OID,
  parseDetachedCms,
  signedAttributesDer,
  type TimestampAuthority,
  toArrayBuffer,
} from './cms.ts';

const TSA_POLICY = '1.3.6.1.4.1.99999.27.1'; // a private arc: the demo TSA's policy, not a real one
const sha256Id = () => new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 });

function integer(bytes: Buffer): asn1js.Integer {
  const positive = (bytes[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes;
  return new asn1js.Integer({ valueHex: toArrayBuffer(positive) });
}

export class TimestampError extends Error {
  readonly code = 'TIMESTAMP_FAILED';
}

/** A TimeStampToken over `imprint` signed by the TSA key (the token is CMS SignedData over TSTInfo). */
export function timestampToken(options: {
  imprint: Buffer;
  nonce?: asn1js.Integer;
  tsaChain: Buffer[];
  tsaKey: KeyObject;
  now: Date;
}): Buffer {
  const tstInfo = new pkijs.TSTInfo({
    version: 1,
    policy: TSA_POLICY,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: sha256Id(),
      hashedMessage: new asn1js.OctetString({ valueHex: toArrayBuffer(options.imprint) }),
    }),
    serialNumber: integer(crypto.randomBytes(12)),
    genTime: options.now,
    accuracy: new pkijs.Accuracy({ seconds: 1 }),
    ...(options.nonce ? { nonce: options.nonce } : {}),
  });
  const tstDer = Buffer.from(tstInfo.toSchema().toBER(false));
  const [tsaDer] = options.tsaChain;
  if (!tsaDer) {
    throw new TimestampError('the TSA has no certificate');
  }
  const certificates = options.tsaChain.map((der) => pkijs.Certificate.fromBER(toArrayBuffer(der)));
  const tsaCert = certificates[0] as pkijs.Certificate;
  const signedAttrs = essSignedAttributes(
    OID.tstInfo,
    crypto.createHash('sha256').update(tstDer).digest(),
    tsaDer,
  );
  const signature = crypto.sign('sha256', signedAttributesDer(signedAttrs), options.tsaKey);
  const signedData = new pkijs.SignedData({
    version: 3,
    digestAlgorithms: [sha256Id()],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: OID.tstInfo,
      eContent: new asn1js.OctetString({ valueHex: toArrayBuffer(tstDer) }),
    }),
    certificates,
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: tsaCert.issuer, serialNumber: tsaCert.serialNumber }),
        digestAlgorithm: sha256Id(),
        signatureAlgorithm: new pkijs.AlgorithmIdentifier({
          algorithmId: OID.rsaEncryption,
          algorithmParams: new asn1js.Null(),
        }),
        signedAttrs,
        signature: new asn1js.OctetString({ valueHex: toArrayBuffer(signature) }),
      }),
    ],
  });
  const contentInfo = new pkijs.ContentInfo({
    contentType: OID.signedData,
    content: signedData.toSchema(true),
  });
  return Buffer.from(contentInfo.toSchema().toBER(false));
}

/** Answers a DER TimeStampReq with a DER TimeStampResp (RFC 3161 §2.4.2); rejects what it cannot stamp. */
export function createTsaResponder(options: { tsaChain: Buffer[]; tsaKey: KeyObject; now?: () => Date }) {
  const reject = (text: string) =>
    Buffer.from(
      new pkijs.TimeStampResp({
        status: new pkijs.PKIStatusInfo({
          status: pkijs.PKIStatus.rejection,
          statusStrings: [new asn1js.Utf8String({ value: text })],
        }),
      })
        .toSchema()
        .toBER(false),
    );
  return (requestDer: Buffer): Buffer => {
    let request: pkijs.TimeStampReq;
    try {
      request = pkijs.TimeStampReq.fromBER(toArrayBuffer(requestDer));
    } catch {
      return reject('badDataFormat');
    }
    const imprint = Buffer.from(request.messageImprint.hashedMessage.valueBlock.valueHexView);
    if (request.messageImprint.hashAlgorithm.algorithmId !== OID.sha256 || imprint.length !== 32) {
      return reject('badAlg: SHA-256 imprints only');
    }
    const token = timestampToken({
      imprint,
      ...(request.nonce ? { nonce: request.nonce } : {}),
      tsaChain: options.tsaChain,
      tsaKey: options.tsaKey,
      now: (options.now ?? (() => new Date()))(),
    });
    return Buffer.from(
      new pkijs.TimeStampResp({
        status: new pkijs.PKIStatusInfo({ status: pkijs.PKIStatus.granted }),
        timeStampToken: new pkijs.ContentInfo({ schema: asn1js.fromBER(toArrayBuffer(token)).result }),
      })
        .toSchema()
        .toBER(false),
    );
  };
}

/** The local TSA over HTTP on 127.0.0.1 (an ephemeral port unless given); extra GET routes serve CRLs. */
export async function startLocalTsa(
  responder: (req: Buffer) => Buffer,
  options: { port?: number; files?: Map<string, () => Buffer> } = {},
): Promise<{ url: string; baseUrl: string; close: () => Promise<void> }> {
  // One request per connection: a kept-alive socket the server times out makes the next fetch fail.
  const server = http.createServer((req, res) => {
    const file = req.method === 'GET' ? options.files?.get(req.url ?? '') : undefined;
    if (file) {
      res.writeHead(200, { 'content-type': 'application/pkix-crl', connection: 'close' }).end(file());
      return;
    }
    if (req.method !== 'POST' || req.headers['content-type'] !== 'application/timestamp-query') {
      res.writeHead(415, { connection: 'close' }).end();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > 64 * 1024) {
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      res
        .writeHead(200, { 'content-type': 'application/timestamp-reply', connection: 'close' })
        .end(responder(Buffer.concat(chunks)));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  server.unref();
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${baseUrl}/tsa`,
    baseUrl,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** RFC 3161 client: asks `url` for a token over the digest and checks the answer matches the request. */
export function httpTsa(url: string, options: { timeoutMs?: number } = {}): TimestampAuthority {
  return {
    description: `RFC 3161 TSA ${url}`,
    async timestamp(digest) {
      const nonce = integer(crypto.randomBytes(8));
      const request = new pkijs.TimeStampReq({
        version: 1,
        messageImprint: new pkijs.MessageImprint({
          hashAlgorithm: sha256Id(),
          hashedMessage: new asn1js.OctetString({ valueHex: toArrayBuffer(digest) }),
        }),
        nonce,
        certReq: true,
      });
      let body: Buffer;
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/timestamp-query' },
          body: Buffer.from(request.toSchema().toBER(false)),
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        });
        if (!res.ok || res.headers.get('content-type') !== 'application/timestamp-reply') {
          throw new TimestampError(`the TSA answered HTTP ${res.status}`);
        }
        body = Buffer.from(await res.arrayBuffer());
      } catch (error) {
        throw error instanceof TimestampError
          ? error
          : new TimestampError(`the TSA cannot be reached: ${(error as Error).message}`);
      }
      const response = pkijs.TimeStampResp.fromBER(toArrayBuffer(body));
      const status = response.status.status;
      if (
        (status !== pkijs.PKIStatus.granted && status !== pkijs.PKIStatus.grantedWithMods) ||
        !response.timeStampToken
      ) {
        throw new TimestampError(`the TSA refused the request (status ${status})`);
      }
      const token = Buffer.from(response.timeStampToken.toSchema().toBER(false));
      const info = readTstInfo(token);
      if (
        !info.imprint.equals(digest) ||
        info.nonce !== Buffer.from(nonce.valueBlock.valueHexView).toString('hex')
      ) {
        throw new TimestampError('the TSA answered for another request');
      }
      return token;
    },
  };
}

function readTstInfo(token: Buffer) {
  const cms = parseDetachedCms(token);
  if (cms.eContentType !== OID.tstInfo || !cms.eContent) {
    throw new TimestampError('not a timestamp token');
  }
  const info = pkijs.TSTInfo.fromBER(toArrayBuffer(cms.eContent));
  return {
    cms,
    genTime: info.genTime,
    imprintAlgorithm: info.messageImprint.hashAlgorithm.algorithmId,
    imprint: Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView),
    nonce: info.nonce ? Buffer.from(info.nonce.valueBlock.valueHexView).toString('hex') : null,
  };
}

export interface TimestampCheck {
  /** The TSA's time, trusted when `valid`. */
  time: Date | null;
  tsa: X509Certificate | null;
  /** The TSA certificates, for the chain check the caller does. */
  certificates: X509Certificate[];
  valid: boolean;
}

/**
 * A timestamp over `data`: the token's imprint is SHA-256 of it (the signature value for a signature
 * timestamp, the /ByteRange bytes for a document timestamp), its TSTInfo digest matches, the TSA's
 * signature holds and the TSA certificate is for time-stamping. The chain to a trusted root is the
 * caller's (the same check as the signer's).
 */
export function checkTimestamp(token: Buffer, data: Buffer): TimestampCheck {
  const none: TimestampCheck = { time: null, tsa: null, certificates: [], valid: false };
  let info: ReturnType<typeof readTstInfo>;
  try {
    info = readTstInfo(token);
  } catch {
    return none;
  }
  const { cms } = info;
  const certificates = cms.certificates.map((der) => new X509Certificate(der));
  const tsa = certificates[0] ?? null;
  const imprintOk =
    info.imprintAlgorithm === OID.sha256 &&
    info.imprint.equals(crypto.createHash('sha256').update(data).digest());
  const digestOk =
    cms.eContent !== null &&
    cms.messageDigest?.equals(crypto.createHash('sha256').update(cms.eContent).digest()) === true;
  const signatureOk =
    tsa !== null &&
    cms.signedAttributes !== null &&
    crypto.verify('sha256', cms.signedAttributes, tsa.publicKey, cms.signature);
  const forTimestamping = tsa?.keyUsage?.includes(OID.timeStamping) === true;
  return {
    time: info.genTime,
    tsa,
    certificates,
    valid: imprintOk && digestOk && signatureOk && forTimestamping,
  };
}
