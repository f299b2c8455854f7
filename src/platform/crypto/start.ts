// Starting encryption at rest: the keyring from the configuration (never the database), the data
// protection bound for the modules, and the blob encryption backed by the data_keys table.
import path from 'node:path';
import { createLocalBlobStore } from '../blobs/local-blob-store.ts';
import type { Config } from '../config/config.ts';
import type { BlobEncryption } from './blob-encryption.ts';
import { bindDataProtection, DataProtection } from './data-protection.ts';
import { loadKeyring } from './keyring.ts';

export function startDataProtection(config: Config): DataProtection {
  const protection = new DataProtection(loadKeyring(config.keyring));
  bindDataProtection(protection);
  return protection;
}

/** The blob directories that hold encrypted files (rotation walks them). */
export function blobDirectories(config: Config): string[] {
  return [path.join(config.dataDir, 'blobs'), path.join(config.dataDir, 'quarantine')];
}

/** The clean store and the quarantine, both encrypted. */
export function openBlobStores(config: Config, protection: DataProtection) {
  const encryption: BlobEncryption = { keyring: () => protection.keyring };
  return {
    blobs: createLocalBlobStore(path.join(config.dataDir, 'blobs'), { encryption }),
    quarantine: createLocalBlobStore(path.join(config.dataDir, 'quarantine'), { encryption }),
  };
}
