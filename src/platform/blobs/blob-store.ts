// Files (scans, e-forms, signed results) live in a blob store; their metadata, hashes and access
// rules live in PostgreSQL. Keys are random ids, never user file names (ASVS 5.3.2).
// Implementations: local directory (default). An S3-compatible store implements the same
// interface when a deployment needs one; it is not written yet.
import type { Readable } from 'node:stream';

export interface StoredBlob {
  key: string;
  sha256: string;
  size: number;
}

export interface BlobStore {
  /** Streams the content in, hashing it; refuses (and keeps nothing) beyond maxBytes. */
  put(content: Readable | Buffer, options: { maxBytes: number }): Promise<StoredBlob>;
  /** Opens the content, or returns null when the key is unknown. */
  open(key: string): Promise<Readable | null>;
  delete(key: string): Promise<void>;
}

export class BlobTooLargeError extends Error {
  readonly maxBytes: number;
  constructor(maxBytes: number) {
    super(`The file is larger than ${maxBytes} bytes`);
    this.maxBytes = maxBytes;
  }
}

const KEY_PATTERN = /^[0-9a-f]{2}\/[0-9a-f]{32}$/;

export function isValidBlobKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}
