// HMAC-SHA256 request signatures of the SMS gateway protocol (docs/adapters/sms-gateway.md), used on
// both sides: `X-Timestamp` (Unix seconds) and `X-Signature` = hex(HMAC(secret, timestamp + "." + body)).
// A request older or newer than five minutes is refused (replay protection); comparison is constant-time.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_WINDOW_SECONDS = 300;

export function signBody(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

export function signatureHeaders(secret: string, body: string, now = Date.now()): Record<string, string> {
  const timestamp = Math.floor(now / 1000);
  return { 'x-timestamp': String(timestamp), 'x-signature': signBody(secret, timestamp, body) };
}

export function verifySignature(
  secret: string,
  body: string,
  timestampHeader: string | undefined,
  signatureHeader: string | undefined,
  now = Date.now(),
): boolean {
  if (
    !timestampHeader ||
    !signatureHeader ||
    !/^\d{1,12}$/.test(timestampHeader) ||
    !/^[0-9a-f]{64}$/.test(signatureHeader)
  ) {
    return false;
  }
  const timestamp = Number(timestampHeader);
  if (Math.abs(now / 1000 - timestamp) > SIGNATURE_WINDOW_SECONDS) {
    return false;
  }
  const expected = Buffer.from(signBody(secret, timestamp, body), 'hex');
  return timingSafeEqual(expected, Buffer.from(signatureHeader, 'hex'));
}
