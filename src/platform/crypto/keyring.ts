// Master keys live outside the database (security goal 23; ASVS 11.1.1, 11.2.2): either in
// MOTCUA_MASTER_KEYS (`id:base64,id:base64`, the first is current) with MOTCUA_BLIND_INDEX_KEY, or in
// a key file (MOTCUA_KEYRING_FILE, default <data dir>/keyring.json) created with mode 0600 on first
// start. Several master keys may be present: the current one wraps new data keys, older ones still
// unwrap until `motcua keys rotate` has re-wrapped everything and `motcua keys retire` drops them.
import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { KEY_BYTES } from './envelope.ts';

export interface KeyringSource {
  /** MOTCUA_MASTER_KEYS, when keys come from the environment. */
  masterKeys: string | undefined;
  blindIndexKey: string | undefined;
  /** The key file used when MOTCUA_MASTER_KEYS is not set. */
  file: string;
}

export interface Keyring {
  currentId: string;
  masterKeys: ReadonlyMap<string, Buffer>;
  /** HMAC key for blind indexes; derived from its own secret, so it survives master key rotation. */
  indexKey: Buffer;
  source: 'env' | 'file';
}

export class KeyringError extends Error {}

const KEY_ID = /^[A-Za-z0-9_-]{1,40}$/;

interface KeyFile {
  version: 1;
  current: string;
  keys: Record<string, string>;
  indexSecret: string;
}

function decodeKey(id: string, raw: string): Buffer {
  if (!KEY_ID.test(id)) {
    throw new KeyringError(`master key id "${id}" must be 1–40 letters, digits, _ or -`);
  }
  const key = Buffer.from(raw.trim(), 'base64');
  if (key.length !== KEY_BYTES) {
    throw new KeyringError(`master key "${id}" must be 32 bytes in base64`);
  }
  return key;
}

function deriveIndexKey(secret: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'motcua blind index v1', KEY_BYTES));
}

export function newMasterKeyId(now = new Date()): string {
  return `mk-${now.toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(3).toString('hex')}`;
}

function readKeyFile(file: string): KeyFile | null {
  if (!fs.existsSync(file)) {
    return null;
  }
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as KeyFile;
  if (parsed.version !== 1 || !parsed.keys || !parsed.current || !parsed.indexSecret) {
    throw new KeyringError(`${file} is not a MotCua key file`);
  }
  return parsed;
}

function writeKeyFile(file: string, content: KeyFile): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  fs.renameSync(tmp, file);
}

function fromFile(content: KeyFile): Keyring {
  const masterKeys = new Map(Object.entries(content.keys).map(([id, raw]) => [id, decodeKey(id, raw)]));
  if (!masterKeys.has(content.current)) {
    throw new KeyringError(`the current master key "${content.current}" is not in the key file`);
  }
  return {
    currentId: content.current,
    masterKeys,
    indexKey: deriveIndexKey(Buffer.from(content.indexSecret, 'base64')),
    source: 'file',
  };
}

/** Loads the keyring; creates the key file (0600) on first start when keys are not in the environment. */
export function loadKeyring(source: KeyringSource): Keyring {
  if (source.masterKeys) {
    const entries = source.masterKeys.split(',').map((part) => {
      const at = part.indexOf(':');
      if (at < 1) {
        throw new KeyringError('MOTCUA_MASTER_KEYS must be id:base64[,id:base64…]');
      }
      const id = part.slice(0, at).trim();
      return [id, decodeKey(id, part.slice(at + 1))] as const;
    });
    const [first] = entries;
    if (!first) {
      throw new KeyringError('MOTCUA_MASTER_KEYS is empty');
    }
    if (!source.blindIndexKey || Buffer.from(source.blindIndexKey, 'base64').length < KEY_BYTES) {
      throw new KeyringError('MOTCUA_MASTER_KEYS needs MOTCUA_BLIND_INDEX_KEY (32 bytes in base64)');
    }
    return {
      currentId: first[0],
      masterKeys: new Map(entries),
      indexKey: deriveIndexKey(Buffer.from(source.blindIndexKey, 'base64')),
      source: 'env',
    };
  }
  const existing = readKeyFile(source.file);
  if (existing) {
    return fromFile(existing);
  }
  const id = newMasterKeyId();
  const created: KeyFile = {
    version: 1,
    current: id,
    keys: { [id]: randomBytes(KEY_BYTES).toString('base64') },
    indexSecret: randomBytes(KEY_BYTES).toString('base64'),
  };
  writeKeyFile(source.file, created);
  return fromFile(created);
}

/** Adds a fresh master key to the key file and makes it current (first step of a rotation). */
export function addMasterKeyToFile(file: string, now = new Date()): string {
  const content = readKeyFile(file);
  if (!content) {
    throw new KeyringError(`${file} does not exist`);
  }
  const id = newMasterKeyId(now);
  writeKeyFile(file, {
    ...content,
    current: id,
    keys: { ...content.keys, [id]: randomBytes(KEY_BYTES).toString('base64') },
  });
  return id;
}

/** Removes a retired master key from the key file (never the current one). */
export function removeMasterKeyFromFile(file: string, id: string): void {
  const content = readKeyFile(file);
  if (!content?.keys[id]) {
    throw new KeyringError(`master key "${id}" is not in ${file}`);
  }
  if (content.current === id) {
    throw new KeyringError(`master key "${id}" is the current key`);
  }
  const keys = { ...content.keys };
  delete keys[id];
  writeKeyFile(file, { ...content, keys });
}

/** Keyed blind index for equality lookups (HMAC-SHA-256); `kind` separates e.g. CCCD from tax codes. */
export function blindIndex(keyring: Keyring, kind: string, value: string): string {
  return createHmac('sha256', keyring.indexKey)
    .update(`${kind}:${value.replace(/\s/g, '')}`)
    .digest('hex');
}
