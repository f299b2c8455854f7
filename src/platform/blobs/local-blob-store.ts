// Blob store on a local directory: <root>/<2 hex>/<32 hex>. Content is written to a temporary file
// while hashed and counted, then renamed into place, so a crash or a refused upload leaves nothing.
// With `encryption` (every system start), the file holds AES-256-GCM ciphertext under its own data
// key (security goal 23, crypto/blob-encryption.ts); hash and size stay those of the plaintext, as
// the API reports them.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline as pipelineCallback, Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  BLOB_HEADER_BYTES,
  type BlobEncryption,
  decryptingTransform,
  encryptingTransform,
  parseBlobHeader,
} from '../crypto/blob-encryption.ts';
import { TAG_BYTES } from '../crypto/envelope.ts';
import { type BlobStore, BlobTooLargeError, isValidBlobKey, type StoredBlob } from './blob-store.ts';

export async function readAt(
  handle: fs.promises.FileHandle,
  position: number,
  length: number,
): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/** Opens a blob as a plaintext stream; a file without the encryption marker is returned as is. */
async function openStored(file: string, encryption: BlobEncryption | undefined): Promise<Readable> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const { size } = await handle.stat();
    const header = parseBlobHeader(await readAt(handle, 0, BLOB_HEADER_BYTES));
    if (!header || !encryption || size < BLOB_HEADER_BYTES + TAG_BYTES) {
      return handle.createReadStream();
    }
    const tag = await readAt(handle, size - TAG_BYTES, TAG_BYTES);
    const decrypt = decryptingTransform(encryption.keyring(), header, tag);
    if (size === BLOB_HEADER_BYTES + TAG_BYTES) {
      await handle.close();
      return pipelineCallback(Readable.from([]), decrypt, () => {});
    }
    const body = handle.createReadStream({ start: BLOB_HEADER_BYTES, end: size - TAG_BYTES - 1 });
    return pipelineCallback(body, decrypt, () => {});
  } catch (error) {
    await handle.close().catch(() => {});
    throw error;
  }
}

export function createLocalBlobStore(root: string, options: { encryption?: BlobEncryption } = {}): BlobStore {
  const { encryption } = options;
  const tmpDir = path.join(root, 'tmp');
  fs.mkdirSync(tmpDir, { recursive: true });

  const fileOf = (key: string): string => {
    if (!isValidBlobKey(key)) {
      throw new Error('invalid blob key');
    }
    return path.join(root, key);
  };

  return {
    async put(content, { maxBytes }): Promise<StoredBlob> {
      const id = randomBytes(16).toString('hex');
      const key = `${id.slice(0, 2)}/${id}`;
      const tmpFile = path.join(tmpDir, id);
      const hash = createHash('sha256');
      let size = 0;
      const meter = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          size += chunk.length;
          if (size > maxBytes) {
            callback(new BlobTooLargeError(maxBytes));
            return;
          }
          hash.update(chunk);
          callback(null, chunk);
        },
      });
      const source = Buffer.isBuffer(content) ? Readable.from([content]) : content;
      try {
        const sink = fs.createWriteStream(tmpFile, { flags: 'wx', mode: 0o600 });
        if (encryption) {
          await pipeline(source, meter, encryptingTransform(encryption.keyring()), sink);
        } else {
          await pipeline(source, meter, sink);
        }
        const target = fileOf(key);
        await fs.promises.mkdir(path.dirname(target), { recursive: true });
        await fs.promises.rename(tmpFile, target);
      } catch (error) {
        await fs.promises.rm(tmpFile, { force: true });
        throw error;
      }
      return { key, sha256: hash.digest('hex'), size };
    },

    async open(key) {
      if (!isValidBlobKey(key)) {
        return null;
      }
      try {
        return await openStored(fileOf(key), encryption);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          return null;
        }
        throw error;
      }
    },

    async delete(key) {
      if (isValidBlobKey(key)) {
        await fs.promises.rm(fileOf(key), { force: true });
      }
    },
  };
}
