// Blob contents encrypted at rest (security goal 23). Every stored file gets its own data key,
// wrapped by the current master key and kept in the file's header (as envelope formats such as the
// AWS Encryption SDK do), so a file can be encrypted before it belongs to a dossier (uploads come
// first), inside any database transaction, and rotation rewrites only the header.
// Layout: "MCENCB02" | file key id (16) | IV (12) | master key id length (1) + id (40, padded) |
// wrapped data key (60) | AES-256-GCM ciphertext | tag (16). The first 36 bytes are the additional
// authenticated data: they never change, so re-wrapping does not touch the ciphertext. Files
// without the marker (written before migration 0016) are read as they are.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Transform } from 'node:stream';
import { IV_BYTES, newDataKey, TAG_BYTES, unwrapDataKey, wrapDataKey } from './envelope.ts';
import type { Keyring } from './keyring.ts';

export const BLOB_MAGIC = Buffer.from('MCENCB02', 'ascii');
const AAD_BYTES = BLOB_MAGIC.length + 16 + IV_BYTES;
const MASTER_ID_BYTES = 41;
const WRAPPED_BYTES = 60;
export const BLOB_HEADER_BYTES = AAD_BYTES + MASTER_ID_BYTES + WRAPPED_BYTES;

export interface BlobHeader {
  fileKeyId: string;
  iv: Buffer;
  masterKeyId: string;
  wrappedKey: Buffer;
  aad: Buffer;
}

/** Where blob stores get the master keys: the live keyring (it changes on reload). */
export interface BlobEncryption {
  keyring(): Keyring;
}

function encodeHeader(fileKeyId: Buffer, iv: Buffer, masterKeyId: string, wrappedKey: Buffer): Buffer {
  const id = Buffer.alloc(MASTER_ID_BYTES);
  const idBytes = Buffer.from(masterKeyId, 'ascii');
  id[0] = idBytes.length;
  idBytes.copy(id, 1);
  return Buffer.concat([BLOB_MAGIC, fileKeyId, iv, id, wrappedKey]);
}

/** Parses a header; null when the bytes are not an encrypted blob (a file from before 0016). */
export function parseBlobHeader(header: Buffer): BlobHeader | null {
  if (header.length < BLOB_HEADER_BYTES || !header.subarray(0, BLOB_MAGIC.length).equals(BLOB_MAGIC)) {
    return null;
  }
  const idLength = header[AAD_BYTES] ?? 0;
  return {
    fileKeyId: header.subarray(BLOB_MAGIC.length, BLOB_MAGIC.length + 16).toString('hex'),
    iv: header.subarray(BLOB_MAGIC.length + 16, AAD_BYTES),
    masterKeyId: header.subarray(AAD_BYTES + 1, AAD_BYTES + 1 + idLength).toString('ascii'),
    wrappedKey: header.subarray(AAD_BYTES + MASTER_ID_BYTES, BLOB_HEADER_BYTES),
    aad: header.subarray(0, AAD_BYTES),
  };
}

function masterOf(keyring: Keyring, id: string): Buffer {
  const master = keyring.masterKeys.get(id);
  if (!master) {
    throw new Error(`master key "${id}" is not in the keyring (retired too early?)`);
  }
  return master;
}

export function unwrapBlobKey(keyring: Keyring, header: BlobHeader): Buffer {
  return unwrapDataKey(
    masterOf(keyring, header.masterKeyId),
    header.masterKeyId,
    header.fileKeyId,
    header.wrappedKey,
  );
}

/** The same header with the data key wrapped by the current master key (rotation). */
export function rewrapBlobHeader(keyring: Keyring, header: BlobHeader): Buffer {
  const key = unwrapBlobKey(keyring, header);
  const current = keyring.currentId;
  const wrapped = wrapDataKey(masterOf(keyring, current), current, header.fileKeyId, key);
  return encodeHeader(Buffer.from(header.fileKeyId, 'hex'), header.iv, current, wrapped);
}

/** A transform that writes the header, the ciphertext and the tag, under a fresh data key. */
export function encryptingTransform(keyring: Keyring): Transform {
  const fileKeyId = randomBytes(16);
  const iv = randomBytes(IV_BYTES);
  const key = newDataKey();
  const current = keyring.currentId;
  const wrapped = wrapDataKey(masterOf(keyring, current), current, fileKeyId.toString('hex'), key);
  const header = encodeHeader(fileKeyId, iv, current, wrapped);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(header.subarray(0, AAD_BYTES));
  let started = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      const out = cipher.update(chunk);
      if (!started) {
        started = true;
        callback(null, Buffer.concat([header, out]));
        return;
      }
      callback(null, out);
    },
    flush(callback) {
      const tail = Buffer.concat([cipher.final(), cipher.getAuthTag()]);
      callback(null, started ? tail : Buffer.concat([header, tail]));
    },
  });
}

/** A transform that authenticates and decrypts the ciphertext part (tag read beforehand). */
export function decryptingTransform(keyring: Keyring, header: BlobHeader, tag: Buffer): Transform {
  const decipher = createDecipheriv('aes-256-gcm', unwrapBlobKey(keyring, header), header.iv, {
    authTagLength: TAG_BYTES,
  });
  decipher.setAAD(header.aad);
  decipher.setAuthTag(tag);
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      callback(null, decipher.update(chunk));
    },
    flush(callback) {
      try {
        callback(null, decipher.final());
      } catch {
        callback(new Error('blob failed authentication (tampered or wrong key)'));
      }
    },
  });
}
