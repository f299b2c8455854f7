// Rotation for files: each encrypted blob carries its data key wrapped in its header, so rotating
// rewrites the header under the current master key. The file is copied with the new header to a
// temporary file and renamed over the old one (never a torn header); the ciphertext is not changed.
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { readAt } from '../blobs/local-blob-store.ts';
import { BLOB_HEADER_BYTES, parseBlobHeader, rewrapBlobHeader } from './blob-encryption.ts';
import type { Keyring } from './keyring.ts';

export interface BlobRewrapCounts {
  rewrapped: number;
  alreadyCurrent: number;
  /** Files without the marker: written before encryption at rest. */
  plaintext: number;
}

function* blobFiles(root: string): Generator<string> {
  if (!fs.existsSync(root)) {
    return;
  }
  for (const dir of fs.readdirSync(root)) {
    if (!/^[0-9a-f]{2}$/.test(dir)) {
      continue;
    }
    for (const name of fs.readdirSync(path.join(root, dir))) {
      if (/^[0-9a-f]{32}$/.test(name)) {
        yield path.join(root, dir, name);
      }
    }
  }
}

export async function rewrapBlobDirectory(root: string, keyring: Keyring): Promise<BlobRewrapCounts> {
  const counts: BlobRewrapCounts = { rewrapped: 0, alreadyCurrent: 0, plaintext: 0 };
  const tmpDir = path.join(root, 'tmp');
  fs.mkdirSync(tmpDir, { recursive: true });
  for (const file of blobFiles(root)) {
    const handle = await fs.promises.open(file, 'r');
    const header = parseBlobHeader(await readAt(handle, 0, BLOB_HEADER_BYTES).finally(() => handle.close()));
    if (!header) {
      counts.plaintext += 1;
      continue;
    }
    if (header.masterKeyId === keyring.currentId) {
      counts.alreadyCurrent += 1;
      continue;
    }
    const tmp = path.join(tmpDir, `rewrap-${path.basename(file)}`);
    const out = fs.createWriteStream(tmp, { flags: 'w', mode: 0o600 });
    out.write(rewrapBlobHeader(keyring, header));
    await pipeline(fs.createReadStream(file, { start: BLOB_HEADER_BYTES }), out);
    await fs.promises.rename(tmp, file);
    counts.rewrapped += 1;
  }
  return counts;
}

/** Encrypted files whose data key is still wrapped by `masterKeyId` (retirement check). */
export async function countBlobsWrappedBy(root: string, masterKeyId: string): Promise<number> {
  let n = 0;
  for (const file of blobFiles(root)) {
    const handle = await fs.promises.open(file, 'r');
    const header = parseBlobHeader(await readAt(handle, 0, BLOB_HEADER_BYTES).finally(() => handle.close()));
    if (header?.masterKeyId === masterKeyId) {
      n += 1;
    }
  }
  return n;
}
