// Envelope encryption primitives (security goal 23; ASVS 11.3.2–11.3.3): AES-256-GCM with a random
// 96-bit IV per message and a 128-bit tag. Data keys (DEKs) encrypt values; a master key (KEK), held
// outside the database, wraps the DEKs. Pure functions, no I/O.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export const KEY_BYTES = 32;
export const IV_BYTES = 12;
export const TAG_BYTES = 16;

/** Text ciphertext: `enc:v1:<data key id>:<base64url(iv | ciphertext | tag)>`. */
export const SEALED_PREFIX = 'enc:v1:';
const SEALED_PATTERN = /^enc:v1:([0-9a-f-]{36}):([A-Za-z0-9_-]+)$/;

export class DecryptionError extends Error {
  constructor(message = 'ciphertext could not be authenticated') {
    super(message);
  }
}

function checkKey(key: Buffer): void {
  if (key.length !== KEY_BYTES) {
    throw new Error('AES-256 keys are 32 bytes');
  }
}

/** iv | ciphertext | tag, authenticated together with `aad`. */
export function sealBytes(key: Buffer, plaintext: Buffer, aad: Buffer): Buffer {
  checkKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]);
}

export function openBytes(key: Buffer, sealed: Buffer, aad: Buffer): Buffer {
  checkKey(key);
  if (sealed.length < IV_BYTES + TAG_BYTES) {
    throw new DecryptionError('ciphertext too short');
  }
  const iv = sealed.subarray(0, IV_BYTES);
  const tag = sealed.subarray(sealed.length - TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([
      decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)),
      decipher.final(),
    ]);
  } catch {
    throw new DecryptionError();
  }
}

const wrapAad = (dataKeyId: string, masterKeyId: string) =>
  Buffer.from(`motcua-dek:v1:${dataKeyId}:${masterKeyId}`, 'utf8');

/** Wraps a data key under a master key; the ids are bound in, so a wrapped key cannot be moved. */
export function wrapDataKey(master: Buffer, masterKeyId: string, dataKeyId: string, dataKey: Buffer): Buffer {
  checkKey(dataKey);
  return sealBytes(master, dataKey, wrapAad(dataKeyId, masterKeyId));
}

export function unwrapDataKey(
  master: Buffer,
  masterKeyId: string,
  dataKeyId: string,
  wrapped: Buffer,
): Buffer {
  const key = openBytes(master, wrapped, wrapAad(dataKeyId, masterKeyId));
  checkKey(key);
  return key;
}

export function newDataKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(SEALED_PREFIX);
}

export function sealText(dataKeyId: string, dataKey: Buffer, plaintext: string): string {
  const aad = Buffer.from(`${SEALED_PREFIX}${dataKeyId}`, 'utf8');
  return `${SEALED_PREFIX}${dataKeyId}:${sealBytes(dataKey, Buffer.from(plaintext, 'utf8'), aad).toString('base64url')}`;
}

/** The data key id a sealed text names, or null when it is not a well-formed sealed text. */
export function sealedKeyId(sealed: string): string | null {
  return SEALED_PATTERN.exec(sealed)?.[1] ?? null;
}

export function openText(dataKey: Buffer, sealed: string): string {
  const match = SEALED_PATTERN.exec(sealed);
  if (!match?.[1] || !match[2]) {
    throw new DecryptionError('not a sealed value');
  }
  const aad = Buffer.from(`${SEALED_PREFIX}${match[1]}`, 'utf8');
  return openBytes(dataKey, Buffer.from(match[2], 'base64url'), aad).toString('utf8');
}
