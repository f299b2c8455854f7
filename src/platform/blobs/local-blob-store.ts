// Blob store on a local directory: <root>/<2 hex>/<32 hex>. Content is written to a temporary file
// while hashed and counted, then renamed into place, so a crash or a refused upload leaves nothing.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type BlobStore, BlobTooLargeError, isValidBlobKey, type StoredBlob } from './blob-store.ts';

export function createLocalBlobStore(root: string): BlobStore {
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
        await pipeline(source, meter, fs.createWriteStream(tmpFile, { flags: 'wx', mode: 0o600 }));
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
        const handle = await fs.promises.open(fileOf(key), 'r');
        return handle.createReadStream();
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
