// R24: results issued at full-online level arrive digitally signed. When the result file approved for a
// dossier is a PDF uploaded by an officer (issued by the agency), the agency key signs it (PAdES) once;
// the signed copy is kept as a file of the dossier (component "signed-result", linked to the approval
// in the history) and is what the applicant downloads. Verification re-checks the stored copy.
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { BlobStore } from '../../platform/blobs/blob-store.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { DossierRow } from '../dossiers/dossier.repository.ts';
import { findFile, insertFile } from '../files/files.repository.ts';
import type { SigningService } from './signing-service.ts';

export const SIGNED_RESULT_COMPONENT = 'signed-result';
/** Statuses in which the applicant may download the result: result ready (9) and returned (10). */
const APPLICANT_STATUSES = new Set([9, 10]);

export const signedResultErrors = {
  noResult: () =>
    new AppError('DOSSIER_RESULT_NOT_AVAILABLE', 409, {
      vi: 'Hồ sơ chưa có kết quả điện tử.',
      en: 'The dossier has no electronic result yet.',
    }),
  notPdf: () =>
    new AppError('DOSSIER_RESULT_NOT_SIGNABLE', 409, {
      vi: 'Kết quả không phải tệp PDF do cơ quan ban hành nên không được ký số tự động.',
      en: 'The result is not a PDF issued by the agency, so it is not signed automatically.',
    }),
};

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

export interface SignedResultDeps {
  db: Db;
  blobs: BlobStore;
  signing: SigningService;
}

/** The approval that carries the result file, with the file id (the last attachment). */
async function approvalOf(db: Db, dossierId: string) {
  const row = await db
    .selectFrom('dossierHistory')
    .select(['id', 'actorId', 'attachments'])
    .where('dossierId', '=', dossierId)
    .where('action', '=', 'approve')
    .orderBy('seq', 'desc')
    .executeTakeFirst();
  const attachments = (row?.attachments ?? []) as string[];
  const fileId = attachments.at(-1);
  return row && fileId ? { historyId: row.id, actorId: row.actorId, fileId } : null;
}

export function applicantMayDownload(dossier: DossierRow): boolean {
  return APPLICANT_STATUSES.has(dossier.status);
}

/** The signed result PDF: signed now on first issue, the stored copy afterwards. */
export async function signedResult(
  deps: SignedResultDeps,
  dossier: DossierRow,
): Promise<{ pdf: Buffer; fileId: string; name: string }> {
  const approval = await approvalOf(deps.db, dossier.id);
  if (!approval) {
    throw signedResultErrors.noResult();
  }
  const existing = await deps.db
    .selectFrom('dossierFiles as df')
    .innerJoin('files as f', 'f.id', 'df.fileId')
    .select(['f.id', 'f.blobKey', 'f.name'])
    .where('df.dossierId', '=', dossier.id)
    .where('df.componentKey', '=', SIGNED_RESULT_COMPONENT)
    .where('df.historyId', '=', approval.historyId)
    .executeTakeFirst();
  if (existing) {
    const stream = await deps.blobs.open(existing.blobKey);
    if (stream) {
      return { pdf: await readAll(stream), fileId: existing.id, name: existing.name };
    }
  }
  const original = await findFile(deps.db, approval.fileId);
  const issuer = original
    ? await deps.db.selectFrom('users').select('kind').where('id', '=', original.ownerId).executeTakeFirst()
    : undefined;
  if (original?.kind !== 'pdf' || original.status !== 'clean' || issuer?.kind !== 'officer') {
    throw signedResultErrors.notPdf();
  }
  const stream = await deps.blobs.open(original.blobKey);
  if (!stream) {
    throw signedResultErrors.noResult();
  }
  const agency = await deps.db
    .selectFrom('agencies')
    .select('name')
    .where('id', '=', dossier.handlingAgencyId)
    .executeTakeFirstOrThrow();
  const signed = await deps.signing.sign(await readAll(stream), {
    name: agency.name,
    reason: `Ket qua giai quyet ho so ${dossier.code}`,
    location: agency.name,
  });
  const blob = await deps.blobs.put(signed, { maxBytes: signed.length + 1 });
  const id = randomUUID();
  const name = `ket-qua-${dossier.code}-da-ky.pdf`;
  await deps.db.transaction().execute(async (trx) => {
    // Two first downloads at once: the row lock makes the second one see the first one's copy.
    await trx.selectFrom('dossiers').select('id').where('id', '=', dossier.id).forUpdate().execute();
    const raced = await trx
      .selectFrom('dossierFiles')
      .select('fileId')
      .where('dossierId', '=', dossier.id)
      .where('componentKey', '=', SIGNED_RESULT_COMPONENT)
      .where('historyId', '=', approval.historyId)
      .executeTakeFirst();
    if (raced) {
      return;
    }
    await insertFile(trx, {
      id,
      ownerId: original.ownerId,
      name,
      kind: 'pdf',
      mime: 'application/pdf',
      size: signed.length,
      sha256: blob.sha256,
      blobKey: blob.key,
      status: 'clean',
      scanner: 'motcua-signing',
      scanSignature: null,
      width: null,
      height: null,
    });
    await trx
      .insertInto('dossierFiles')
      .values({
        id: randomUUID(),
        dossierId: dossier.id,
        componentKey: SIGNED_RESULT_COMPONENT,
        fileId: id,
        historyId: approval.historyId,
      })
      .execute();
  });
  const stored = await deps.db
    .selectFrom('dossierFiles as df')
    .innerJoin('files as f', 'f.id', 'df.fileId')
    .select(['f.id', 'f.blobKey', 'f.name'])
    .where('df.dossierId', '=', dossier.id)
    .where('df.componentKey', '=', SIGNED_RESULT_COMPONENT)
    .where('df.historyId', '=', approval.historyId)
    .executeTakeFirstOrThrow();
  if (stored.id !== id) {
    await deps.blobs.delete(blob.key);
    const again = await deps.blobs.open(stored.blobKey);
    return { pdf: again ? await readAll(again) : signed, fileId: stored.id, name: stored.name };
  }
  return { pdf: signed, fileId: id, name };
}
