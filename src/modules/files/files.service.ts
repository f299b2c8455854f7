// Upload pipeline (security goal 17): stream into quarantine with a size limit, inspect the real
// type and content, scan for malware, then keep the (metadata-free) bytes in the clean store under
// a random key. Anything refused leaves nothing behind; an infected file stays in quarantine.
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { VirusScanner } from '../../adapters/antivirus/virus-scanner.ts';
import type { FileKind } from '../../domain/files/file-kinds.ts';
import { FILE_KINDS } from '../../domain/files/file-kinds.ts';
import { inspectUpload } from '../../domain/files/inspect-upload.ts';
import { type BlobStore, BlobTooLargeError, type StoredBlob } from '../../platform/blobs/blob-store.ts';
import { hostileFileName, safeFileName } from '../../platform/blobs/safe-file-name.ts';
import type { Db } from '../../platform/db/database.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import { filesErrors } from './files.errors.ts';
import { findFile, insertFile } from './files.repository.ts';

export interface FilesDeps {
  db: Db;
  blobs: BlobStore;
  quarantine: BlobStore;
  scanner: VirusScanner;
  uploadLimit: number;
}

export interface StoredFile {
  id: string;
  name: string;
  size: number;
  sha256: string;
  kind: FileKind;
  mime: string;
  createdAt: Date;
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function uploadFile(
  deps: FilesDeps,
  actor: Actor & { actorId: string },
  input: { content: Readable; fileName: string; allowed?: readonly FileKind[] },
): Promise<StoredFile> {
  const hostile = hostileFileName(input.fileName);
  if (hostile) {
    input.content.resume(); // let the request body finish so the refusal is answered at once
    throw filesErrors.hostileName(hostile);
  }
  const name = safeFileName(input.fileName);
  let quarantined: StoredBlob;
  try {
    quarantined = await deps.quarantine.put(input.content, { maxBytes: deps.uploadLimit });
  } catch (error) {
    if (
      error instanceof BlobTooLargeError ||
      (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE'
    ) {
      throw filesErrors.tooLarge(deps.uploadLimit);
    }
    throw error;
  }
  const quarantineKey = quarantined.key;
  const dropQuarantine = () => deps.quarantine.delete(quarantineKey);
  const source = await deps.quarantine.open(quarantineKey);
  const raw = source ? await readAll(source) : Buffer.alloc(0);

  const inspection = inspectUpload(raw, name, input.allowed ?? FILE_KINDS);
  if (!inspection.ok) {
    await dropQuarantine();
    throw filesErrors.refused(inspection.reason);
  }
  let verdict: Awaited<ReturnType<VirusScanner['scan']>>;
  try {
    verdict = await deps.scanner.scan(raw);
  } catch {
    await dropQuarantine();
    throw filesErrors.scanUnavailable();
  }
  const id = randomUUID();
  if (!verdict.clean) {
    await deps.db.transaction().execute(async (trx) => {
      await insertFile(trx, {
        id,
        ownerId: actor.actorId,
        name,
        kind: inspection.kind,
        mime: inspection.mime,
        size: raw.length,
        sha256: quarantined.sha256,
        blobKey: quarantineKey,
        status: 'quarantined',
        scanner: deps.scanner.name,
        scanSignature: verdict.signature,
      });
      await appendAudit(trx, {
        ...actor,
        action: 'file.quarantined',
        resourceType: 'file',
        resourceId: id,
        details: { name, signature: verdict.signature },
      });
    });
    throw filesErrors.infected();
  }
  const stored = await deps.blobs.put(inspection.content, { maxBytes: deps.uploadLimit });
  await dropQuarantine();
  const file: StoredFile = {
    id,
    name,
    size: stored.size,
    sha256: stored.sha256,
    kind: inspection.kind,
    mime: inspection.mime,
    createdAt: new Date(),
  };
  try {
    await deps.db.transaction().execute(async (trx) => {
      await insertFile(trx, {
        id,
        ownerId: actor.actorId,
        name,
        kind: file.kind,
        mime: file.mime,
        size: file.size,
        sha256: file.sha256,
        blobKey: stored.key,
        status: 'clean',
        scanner: deps.scanner.name,
        scanSignature: null,
        width: inspection.width ?? null,
        height: inspection.height ?? null,
        createdAt: file.createdAt,
      });
      await appendAudit(trx, {
        ...actor,
        action: 'file.upload',
        resourceType: 'file',
        resourceId: id,
        details: { name, kind: file.kind, size: file.size, sha256: file.sha256 },
      });
    });
  } catch (error) {
    await deps.blobs.delete(stored.key);
    throw error;
  }
  return file;
}

/** Who may read a file besides its owner: modules add rules (e.g. officers handling its dossier). */
export type FileAccessRule = (db: Db, userId: string, fileId: string) => Promise<boolean>;
const accessRules = new Map<string, FileAccessRule>();

/** Registers (or replaces) a named rule; modules call it when their routes are registered. */
export function addFileAccessRule(name: string, rule: FileAccessRule): void {
  accessRules.set(name, rule);
}

export async function findReadableFile(db: Db, userId: string, fileId: string) {
  const file = await findFile(db, fileId);
  if (file?.status !== 'clean') {
    return undefined;
  }
  if (file.ownerId === userId) {
    return file;
  }
  for (const rule of accessRules.values()) {
    if (await rule(db, userId, fileId)) {
      return file;
    }
  }
  return undefined;
}
