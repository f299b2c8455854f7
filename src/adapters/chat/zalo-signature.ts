// Zalo OA webhook signature (docs/adapters/zalo-oa.md): header `X-ZEvent-Signature: mac=<hex>` where
// hex = SHA-256 (a plain hash, not an HMAC) of appId + raw body + the body's `timestamp` + OA secret key.
// Used by our webhook to verify and by the local chat server to sign the events it plays.
import { createHash, timingSafeEqual } from 'node:crypto';

export function zaloEventMac(appId: string, rawBody: string, timestamp: string, oaSecretKey: string): string {
  return createHash('sha256').update(`${appId}${rawBody}${timestamp}${oaSecretKey}`, 'utf8').digest('hex');
}

export function zaloSignatureHeader(
  appId: string,
  rawBody: string,
  timestamp: string,
  oaSecretKey: string,
): string {
  return `mac=${zaloEventMac(appId, rawBody, timestamp, oaSecretKey)}`;
}

/** Constant-time check; accepts the header with or without the `mac=` prefix (sources differ). */
export function verifyZaloSignature(
  header: string | undefined,
  appId: string,
  rawBody: string,
  timestamp: string,
  oaSecretKey: string,
): boolean {
  const supplied = (header ?? '').trim().replace(/^mac=/i, '').toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(supplied)) {
    return false;
  }
  const expected = Buffer.from(zaloEventMac(appId, rawBody, timestamp, oaSecretKey), 'hex');
  return timingSafeEqual(expected, Buffer.from(supplied, 'hex'));
}

/** Zalo's `timestamp` is Unix milliseconds as a string; seconds are tolerated (10 digits). */
export function zaloTimestampMs(timestamp: string): number | null {
  if (!/^\d{10,13}$/.test(timestamp)) {
    return null;
  }
  const n = Number(timestamp);
  return timestamp.length <= 10 ? n * 1000 : n;
}
