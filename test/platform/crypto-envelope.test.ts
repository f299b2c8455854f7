// Security goal 23 / ASVS 11.3.2–11.3.3: the envelope-encryption primitives. Properties over random
// inputs: every sealed value opens to itself; changing any byte of the ciphertext, or opening with
// another key, fails; no two seals of one value are equal (random IV).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLocalBlobStore } from '../../src/platform/blobs/local-blob-store.ts';
import {
  DecryptionError,
  newDataKey,
  openBytes,
  openText,
  sealBytes,
  sealText,
  unwrapDataKey,
  wrapDataKey,
} from '../../src/platform/crypto/envelope.ts';
import {
  addMasterKeyToFile,
  blindIndex,
  loadKeyring,
  removeMasterKeyFromFile,
} from '../../src/platform/crypto/keyring.ts';
import { rewrapBlobDirectory } from '../../src/platform/crypto/rewrap-blobs.ts';

const ID = '3f9a3c1e-6a55-4b0c-9c1e-2d4f5a6b7c8d';
const key32 = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((a) => Buffer.from(a));

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

describe('[goal 23] AES-256-GCM envelope', () => {
  it('seal then open gives back the plaintext (bytes and text)', () => {
    fc.assert(
      fc.property(key32, fc.uint8Array({ maxLength: 2000 }), fc.string(), (key, bytes, text) => {
        const aad = Buffer.from('ctx');
        expect(openBytes(key, sealBytes(key, Buffer.from(bytes), aad), aad).equals(Buffer.from(bytes))).toBe(
          true,
        );
        expect(openText(key, sealText(ID, key, text))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('changing any single byte of a sealed value is detected', () => {
    fc.assert(
      fc.property(
        key32,
        fc.uint8Array({ minLength: 1, maxLength: 200 }),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        (key, bytes, at, flip) => {
          const aad = Buffer.from('ctx');
          const sealed = sealBytes(key, Buffer.from(bytes), aad);
          const i = at % sealed.length;
          sealed[i] = (sealed[i] as number) ^ flip;
          expect(() => openBytes(key, sealed, aad)).toThrow(DecryptionError);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a wrong key, or another context, fails', () => {
    fc.assert(
      fc.property(key32, key32, fc.string({ minLength: 1 }), (a, b, text) => {
        fc.pre(!a.equals(b));
        const sealed = sealText(ID, a, text);
        expect(() => openText(b, sealed)).toThrow(DecryptionError);
        // The data key id is authenticated: relabelled ciphertext does not open.
        const relabelled = sealed.replace(ID, '00000000-0000-4000-8000-000000000000');
        expect(() => openText(a, relabelled)).toThrow(DecryptionError);
      }),
      { numRuns: 200 },
    );
  });

  it('two seals of one value differ (random 96-bit IV) and hold no plaintext', () => {
    const key = newDataKey();
    const a = sealText(ID, key, '079912345678');
    const b = sealText(ID, key, '079912345678');
    expect(a).not.toBe(b);
    expect(a).not.toContain('079912345678');
    expect(Buffer.from(a.split(':')[3] as string, 'base64url').length).toBe(12 + 12 + 16);
  });

  it('wrapped data keys are bound to their ids and master key', () => {
    const master = newDataKey();
    const dek = newDataKey();
    const wrapped = wrapDataKey(master, 'mk-1', ID, dek);
    expect(wrapped.length).toBe(60);
    expect(unwrapDataKey(master, 'mk-1', ID, wrapped).equals(dek)).toBe(true);
    expect(() => unwrapDataKey(master, 'mk-2', ID, wrapped)).toThrow(DecryptionError);
    expect(() => unwrapDataKey(newDataKey(), 'mk-1', ID, wrapped)).toThrow(DecryptionError);
  });
});

describe('[goal 23] keyring and encrypted blobs', () => {
  const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-keys-'));

  it('creates the key file with mode 0600 on first start and reads it back', () => {
    const file = path.join(dir(), 'keyring.json');
    const first = loadKeyring({ masterKeys: undefined, blindIndexKey: undefined, file });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const again = loadKeyring({ masterKeys: undefined, blindIndexKey: undefined, file });
    expect(again.currentId).toBe(first.currentId);
    expect(blindIndex(again, 'cccd', '079912345678')).toBe(blindIndex(first, 'cccd', '079912345678'));
  });

  it('reads master keys from the environment, the first being current, and refuses bad ones', () => {
    const k = (n: number) => Buffer.alloc(32, n).toString('base64');
    const ring = loadKeyring({
      masterKeys: `new:${k(2)},old:${k(1)}`,
      blindIndexKey: k(3),
      file: '/nonexistent',
    });
    expect(ring.currentId).toBe('new');
    expect([...ring.masterKeys.keys()]).toEqual(['new', 'old']);
    expect(() => loadKeyring({ masterKeys: `x:${k(1)}`, blindIndexKey: undefined, file: '/x' })).toThrow(
      /MOTCUA_BLIND_INDEX_KEY/,
    );
    expect(() => loadKeyring({ masterKeys: 'x:c2hvcnQ=', blindIndexKey: k(3), file: '/x' })).toThrow(
      /32 bytes/,
    );
  });

  it('stores files as ciphertext, reads them back, re-wraps them on rotation and detects tampering', async () => {
    const root = dir();
    const file = path.join(root, 'keyring.json');
    const source = { masterKeys: undefined, blindIndexKey: undefined, file };
    let keyring = loadKeyring(source);
    const store = createLocalBlobStore(path.join(root, 'blobs'), { encryption: { keyring: () => keyring } });
    const content = Buffer.concat([Buffer.from('SENTINEL-IMAGE-BYTES-7f3a'), Buffer.alloc(100_000, 7)]);
    const stored = await store.put(Readable.from([content.subarray(0, 50_000), content.subarray(50_000)]), {
      maxBytes: 1_000_000,
    });
    const onDisk = fs.readFileSync(path.join(root, 'blobs', stored.key));
    expect(onDisk.includes(Buffer.from('SENTINEL-IMAGE-BYTES-7f3a'))).toBe(false);
    expect(stored.size).toBe(content.length);
    const empty = await store.put(Buffer.alloc(0), { maxBytes: 10 });
    expect((await readAll((await store.open(empty.key)) as Readable)).length).toBe(0);

    const oldId = keyring.currentId;
    addMasterKeyToFile(file);
    keyring = loadKeyring(source);
    const counts = await rewrapBlobDirectory(path.join(root, 'blobs'), keyring);
    expect(counts).toEqual({ rewrapped: 2, alreadyCurrent: 0, plaintext: 0 });
    removeMasterKeyFromFile(file, oldId);
    keyring = loadKeyring(source);
    expect(keyring.masterKeys.has(oldId)).toBe(false);
    expect((await readAll((await store.open(stored.key)) as Readable)).equals(content)).toBe(true);

    const tampered = fs.readFileSync(path.join(root, 'blobs', stored.key));
    tampered[tampered.length - 100] = (tampered[tampered.length - 100] as number) ^ 1;
    fs.writeFileSync(path.join(root, 'blobs', stored.key), tampered);
    await expect(readAll((await store.open(stored.key)) as Readable)).rejects.toThrow(/authentication/);
  });

  it('still reads files written before encryption (no marker)', async () => {
    const root = dir();
    const plainStore = createLocalBlobStore(root);
    const stored = await plainStore.put(Buffer.from('%PDF-1.4 old file'), { maxBytes: 100 });
    const keyring = loadKeyring({
      masterKeys: undefined,
      blindIndexKey: undefined,
      file: path.join(root, 'k.json'),
    });
    const store = createLocalBlobStore(root, { encryption: { keyring: () => keyring } });
    expect((await readAll((await store.open(stored.key)) as Readable)).toString()).toBe('%PDF-1.4 old file');
  });
});
