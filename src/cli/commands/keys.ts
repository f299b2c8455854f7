// `motcua keys status|rotate|rewrap|retire` (security goal 23; ASVS 11.2.2): master key rotation re-wraps the
// data keys, never the data. With the key file, `rotate` first adds a new master key and makes it
// current; with MOTCUA_MASTER_KEYS the operator puts the new key first in the list, then runs
// `rotate`. `retire` refuses while any data key is still wrapped by the key being retired.

import type { Config } from '../../platform/config/config.ts';
import { DataProtection } from '../../platform/crypto/data-protection.ts';
import { addMasterKeyToFile, loadKeyring, removeMasterKeyFromFile } from '../../platform/crypto/keyring.ts';
import {
  type BlobRewrapCounts,
  countBlobsWrappedBy,
  rewrapBlobDirectory,
} from '../../platform/crypto/rewrap-blobs.ts';
import { blobDirectories } from '../../platform/crypto/start.ts';
import type { Db } from '../../platform/db/database.ts';
import { migrateToLatest } from '../../platform/db/migrate.ts';
import { withDatabase } from './with-database.ts';

type Out = (line: string) => void;

function describeCounts(counts: Record<string, number>): string {
  const entries = Object.entries(counts);
  return entries.length ? entries.map(([id, n]) => `${id}: ${n}`).join(', ') : '(none)';
}

export async function runKeysStatus(config: Config, out: Out): Promise<number> {
  const keyring = loadKeyring(config.keyring);
  const counts = await withDatabase(config, (handle) => new DataProtection(keyring).keysByMaster(handle.db));
  out(`Nguồn khóa / key source: ${keyring.source === 'env' ? 'MOTCUA_MASTER_KEYS' : config.keyring.file}`);
  out(`Khóa chủ hiện hành / current master key: ${keyring.currentId}`);
  out(`Các khóa chủ có / master keys held: ${[...keyring.masterKeys.keys()].join(', ')}`);
  out(`Khóa dữ liệu theo khóa chủ / data keys per master key: ${describeCounts(counts)}`);
  return 0;
}

export interface RotationSummary {
  newMasterKeyId: string;
  addedToFile: boolean;
  dataKeys: { rewrapped: number; alreadyCurrent: number; perMasterKey: Record<string, number> };
  files: Array<{ dir: string } & BlobRewrapCounts>;
}

/** The rotation itself: a new current master key (key file), then every data key and file re-wrapped. */
export async function rotateMasterKey(
  config: Config,
  db: Db,
  options: { addKey: boolean } = { addKey: true },
): Promise<RotationSummary> {
  let addedToFile = false;
  if (!config.keyring.masterKeys && options.addKey) {
    loadKeyring(config.keyring);
    addMasterKeyToFile(config.keyring.file);
    addedToFile = true;
  }
  const keyring = loadKeyring(config.keyring);
  const protection = new DataProtection(keyring);
  const rewrap = await protection.rewrapAll(db);
  const files = [];
  for (const dir of blobDirectories(config)) {
    files.push({ dir, ...(await rewrapBlobDirectory(dir, keyring)) });
  }
  return {
    newMasterKeyId: keyring.currentId,
    addedToFile,
    dataKeys: { ...rewrap, perMasterKey: await protection.keysByMaster(db) },
    files,
  };
}

/** `rotate` adds a key (key file) and re-wraps; `rewrap` only re-wraps under the current key. */
export async function runKeysRotate(config: Config, out: Out, addKey = true): Promise<number> {
  const summary = await withDatabase(config, async (handle) => {
    await migrateToLatest(handle.db);
    return rotateMasterKey(config, handle.db, { addKey });
  });
  if (summary.addedToFile) {
    out(`Đã thêm khóa chủ mới / new master key added: ${summary.newMasterKeyId} (${config.keyring.file})`);
  }
  out(
    `Đã bọc lại / re-wrapped ${summary.dataKeys.rewrapped} khóa dữ liệu / data keys under ${summary.newMasterKeyId}; ${summary.dataKeys.alreadyCurrent} already current`,
  );
  out(
    `Khóa dữ liệu theo khóa chủ / data keys per master key: ${describeCounts(summary.dataKeys.perMasterKey)}`,
  );
  for (const files of summary.files) {
    out(
      `Tệp / files in ${files.dir}: ${files.rewrapped} re-wrapped, ${files.alreadyCurrent} already current, ${files.plaintext} from before encryption (not encrypted)`,
    );
  }
  out('Khởi động lại ứng dụng để nạp khóa mới / restart the application to load the new key.');
  return 0;
}

export async function runKeysRetire(config: Config, out: Out, keyId: string | undefined): Promise<number> {
  if (!keyId) {
    out('Thiếu --key-id / --key-id is required');
    return 2;
  }
  const keyring = loadKeyring(config.keyring);
  if (keyId === keyring.currentId) {
    out(`Từ chối: ${keyId} là khóa hiện hành / refused: ${keyId} is the current key`);
    return 2;
  }
  const counts = await withDatabase(config, (handle) => new DataProtection(keyring).keysByMaster(handle.db));
  const filesUnder = await countBlobsUnder(config, keyId);
  if (filesUnder > 0) {
    out(
      `Từ chối: ${filesUnder} tệp còn bọc bằng ${keyId}; chạy "keys rotate" trước / refused: run "keys rotate" first`,
    );
    return 1;
  }
  if ((counts[keyId] ?? 0) > 0) {
    out(
      `Từ chối: ${counts[keyId]} khóa dữ liệu còn bọc bằng ${keyId}; chạy "keys rotate" trước / refused: run "keys rotate" first`,
    );
    return 1;
  }
  if (config.keyring.masterKeys) {
    out(
      `Không còn khóa dữ liệu nào dùng ${keyId}: xóa nó khỏi MOTCUA_MASTER_KEYS / no data key uses it: remove it from MOTCUA_MASTER_KEYS`,
    );
    return 0;
  }
  removeMasterKeyFromFile(config.keyring.file, keyId);
  out(`Đã loại bỏ khóa chủ / master key retired: ${keyId}`);
  return 0;
}

async function countBlobsUnder(config: Config, keyId: string): Promise<number> {
  let n = 0;
  for (const dir of blobDirectories(config)) {
    n += await countBlobsWrappedBy(dir, keyId);
  }
  return n;
}
