// Short-lived download links bound to one user and one file (security goal 9): HMAC-SHA256 over
// file id, user id and expiry, compared in constant time; 5 minutes by default.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const LINK_TTL_SECONDS = 300;

function sign(secret: string, fileId: string, userId: string, expires: number): string {
  return createHmac('sha256', secret)
    .update(`file-link\n${fileId}\n${userId}\n${expires}`)
    .digest('base64url');
}

export function createFileLinkToken(
  secret: string,
  fileId: string,
  userId: string,
  now = Date.now(),
): { token: string; expiresAt: Date } {
  const expires = Math.floor(now / 1000) + LINK_TTL_SECONDS;
  return {
    token: `${expires}.${sign(secret, fileId, userId, expires)}`,
    expiresAt: new Date(expires * 1000),
  };
}

export function verifyFileLinkToken(
  secret: string,
  token: string,
  fileId: string,
  userId: string,
  now = Date.now(),
): boolean {
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match?.[1] || !match[2]) {
    return false;
  }
  const expires = Number(match[1]);
  if (expires * 1000 < now) {
    return false;
  }
  const expected = Buffer.from(sign(secret, fileId, userId, expires));
  const given = Buffer.from(match[2]);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
