// Form templates (mẫu đơn, tờ khai; TT 32/2017 Đ7: downloadable, e.g. .doc/.docx/.pdf). Stored in
// the blob store under a random key; the type is decided by the extension AND the file's first
// bytes (a .pdf that is not a PDF is refused); downloads are attachments with nosniff.
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { BlobStore } from '../../platform/blobs/blob-store.ts';
import { safeFileName } from '../../platform/blobs/safe-file-name.ts';
import type { Db } from '../../platform/db/database.ts';
import { errors } from '../../platform/http/errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import { catalogueErrors } from './catalogue.errors.ts';
import type { Executor } from './catalogue.repository.ts';
import type { FileRef } from './catalogue.schemas.ts';
import { fileUrl } from './catalogue-read.service.ts';

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

const TYPES: Record<string, { mediaType: string; magic: number[] }> = {
  pdf: { mediaType: 'application/pdf', magic: PDF },
  doc: { mediaType: 'application/msword', magic: OLE },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: ZIP },
  xls: { mediaType: 'application/vnd.ms-excel', magic: OLE },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: ZIP },
  odt: { mediaType: 'application/vnd.oasis.opendocument.text', magic: ZIP },
};

/** The media type of a form template, or undefined when name and content disagree or are not allowed. */
export function formTemplateType(fileName: string, content: Buffer): string | undefined {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  const type = TYPES[ext];
  if (!type || content.length < type.magic.length) {
    return undefined;
  }
  return type.magic.every((byte, i) => content[i] === byte) ? type.mediaType : undefined;
}

export async function storeFormTemplate(
  db: Db,
  blobs: BlobStore,
  actor: Actor,
  input: { procedureId: string; fileName: string; content: Buffer; maxBytes: number },
): Promise<FileRef> {
  const procedure = await db
    .selectFrom('procedures')
    .select('id')
    .where('id', '=', input.procedureId)
    .executeTakeFirst();
  if (!procedure) {
    throw errors.notFound();
  }
  const fileName = safeFileName(input.fileName, 'mau-don');
  const mediaType = formTemplateType(fileName, input.content);
  if (!mediaType || input.content.length === 0) {
    throw catalogueErrors.fileType();
  }
  const stored = await blobs.put(input.content, { maxBytes: input.maxBytes });
  const id = randomUUID();
  try {
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('procedureFiles')
        .values({
          id,
          procedureId: input.procedureId,
          blobKey: stored.key,
          sha256: stored.sha256,
          size: stored.size,
          fileName,
          mediaType,
          uploadedBy: actor.actorId,
        })
        .execute();
      await appendAudit(trx, {
        ...actor,
        action: 'procedure.file.upload',
        resourceType: 'procedure',
        resourceId: input.procedureId,
        details: { fileId: id, fileName, size: stored.size, sha256: stored.sha256 },
      });
    });
  } catch (error) {
    await blobs.delete(stored.key);
    throw error;
  }
  return { id, fileName, size: stored.size, mediaType, url: fileUrl(id) };
}

export async function openFormTemplate(
  db: Executor,
  blobs: BlobStore,
  fileId: string,
  canSeeUnpublished: boolean,
): Promise<{ stream: Readable; fileName: string; mediaType: string; size: number }> {
  const file = await db.selectFrom('procedureFiles').selectAll().where('id', '=', fileId).executeTakeFirst();
  if (!file || (!file.published && !canSeeUnpublished)) {
    throw errors.notFound();
  }
  const stream = await blobs.open(file.blobKey);
  if (!stream) {
    throw errors.notFound();
  }
  return { stream, fileName: file.fileName, mediaType: file.mediaType, size: Number(file.size) };
}
