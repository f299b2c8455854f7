// R24, security goal 27: results issued at full-online level arrive digitally signed. When the leader
// approves a dossier with a result PDF uploaded by an officer (issued by the agency), the leader's
// personal key and then the agency key sign it (NĐ 30/2020 Phụ lục I; PAdES B-T, both certificates and
// CRLs checked first) in the approval's own transaction: a refused signature (no personal key; expired,
// revoked, untrusted certificate) refuses the approval with a structured error.
// The result is archived from that moment (the stored copy is what the applicant gets and what is
// kept), so the DSS (certificates + current CRLs, PAdES B-LT) and then a document timestamp over it
// (PAdES B-LTA) are added right after signing, in the same step: no later archiving pass has to find
// CRLs that are current then for a past signature.
// The signed copy is kept as a file of the dossier (component "signed-result", linked to the approval
// in the history) and is what the applicant downloads. Approvals recorded before signing at approval
// existed are signed on first download, by the agency only. Verification re-checks the stored copy.
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Transaction } from 'kysely';
import { vietnamIso } from '../../adapters/signing/appearance.ts';
import type { PersonalSigner } from '../../adapters/signing/personal-keys.ts';
import { SigningError } from '../../adapters/signing/signer.ts';
import { TimestampError } from '../../adapters/signing/tsa.ts';
import type { BlobStore } from '../../platform/blobs/blob-store.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/http/errors.ts';
import { tinosFonts } from '../documents/pdf/fonts.ts';
import type { DossierRow } from '../dossiers/dossier.repository.ts';
import { findFile, insertFile } from '../files/files.repository.ts';
import { NoSignerError, type SignatureStep, type SigningService } from './signing-service.ts';

interface Leader extends PersonalSigner {
  fullName: string;
}

export const SIGNED_RESULT_COMPONENT = 'signed-result';
// Where the two appearances go on page 1 (A4, points): the document is the officer's PDF, so
// its signature block's position is unknown; both sit in the margins, clear of the text.
// The leader's (title, name, time): bottom right, under where the signature block usually ends.
const LEADER_SIGNATURE_RECT: [number, number, number, number] = [330, 12, 572, 56];
// The agency's without a seal image (name, e-mail, time): top left, in the 20 mm top margin
// (NĐ 30/2020 Phụ lục II: 20–25 mm) above the header's first line.
const AGENCY_SIGNATURE_RECT: [number, number, number, number] = [18, 790, 262, 836];
/** Statuses in which the applicant may download the result: result ready (9) and returned (10). */
const APPLICANT_STATUSES = new Set([9, 10]);

/** The agency's wording, rephrased for the leader's personal certificate. */
const personal = (text: { vi: string; en: string }) => ({
  vi: text.vi.replace('của cơ quan', 'cá nhân của người ký (lãnh đạo)'),
  en: text.en.replace('The agency certificate', "The signing leader's personal certificate"),
});

const REFUSALS: Record<string, { vi: string; en: string }> = {
  NO_PERSONAL_KEY: {
    vi: 'Lãnh đạo phê duyệt chưa được cấp chứng thư số cá nhân nên không thể ký kết quả. Đề nghị quản trị viên cấp chứng thư số (khai báo khóa ký cá nhân) cho tài khoản này rồi phê duyệt lại.',
    en: 'The approving leader has no personal signing certificate, so the result cannot be signed. Ask the administrator to issue one (declare the personal signing key) for this account, then approve again.',
  },
  CERTIFICATE_REVOKED: {
    vi: 'Chứng thư số của cơ quan đã bị thu hồi; không thể ký kết quả.',
    en: 'The agency certificate has been revoked; the result cannot be signed.',
  },
  CERTIFICATE_NOT_VALID_NOW: {
    vi: 'Chứng thư số của cơ quan đã hết hạn hoặc chưa có hiệu lực; không thể ký kết quả.',
    en: 'The agency certificate has expired or is not yet valid; the result cannot be signed.',
  },
  CERTIFICATE_UNTRUSTED: {
    vi: 'Chứng thư số không thuộc tổ chức chứng thực được tin cậy; không thể ký kết quả.',
    en: 'The agency certificate is not from a trusted certification authority.',
  },
  REVOCATION_UNKNOWN: {
    vi: 'Không kiểm tra được tình trạng thu hồi của chứng thư số (không có CRL hiện hành); chưa ký.',
    en: 'The revocation status of the certificate cannot be checked (no current CRL); not signed.',
  },
  TIMESTAMP_FAILED: {
    vi: 'Không lấy được dấu thời gian từ máy chủ cấp dấu thời gian (TSA); chưa ký.',
    en: 'No timestamp could be obtained from the time-stamping authority (TSA); not signed.',
  },
};

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
  /** Signing refused before anything was signed: code SIGNING_<reason>; field names whose key. */
  refused: (code: string, detail: string, who?: 'person' | 'organisation') => {
    const text = REFUSALS[code] ?? {
      vi: `Không ký được kết quả (${code}).`,
      en: `The result cannot be signed: ${detail}`,
    };
    const field = who === 'person' ? 'personalCertificate' : who ? 'agencyCertificate' : undefined;
    return new AppError(`SIGNING_${code}`, 409, who === 'person' ? personal(text) : text, field);
  },
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

type Executor = Db | Transaction<Database>;

/** The officer-issued, clean PDF of `fileId`, or null when it is not to be signed automatically. */
async function signableOriginal(db: Executor, fileId: string) {
  const original = await findFile(db, fileId);
  const issuer = original
    ? await db.selectFrom('users').select('kind').where('id', '=', original.ownerId).executeTakeFirst()
    : undefined;
  return original?.kind === 'pdf' && original.status === 'clean' && issuer?.kind === 'officer'
    ? original
    : null;
}

/** Signs the original and stores the copy linked to the approval; the caller owns the transaction. */
async function signAndStore(
  trx: Executor,
  deps: Omit<SignedResultDeps, 'db'>,
  dossier: DossierRow,
  historyId: number,
  original: NonNullable<Awaited<ReturnType<typeof signableOriginal>>>,
  leader: Leader | null,
): Promise<{ pdf: Buffer; fileId: string; name: string; blobKey: string }> {
  const stream = await deps.blobs.open(original.blobKey);
  if (!stream) {
    throw signedResultErrors.noResult();
  }
  const agency = await trx
    .selectFrom('agencies')
    .select(['name', 'email'])
    .where('id', '=', dossier.handlingAgencyId)
    .executeTakeFirstOrThrow();
  let signed: Buffer;
  const at = new Date();
  const reason = `Ket qua giai quyet ho so ${dossier.code}`;
  const font = tinosFonts().regular;
  // NĐ 30/2020 Phụ lục I: the competent person first (title, name, time), then the agency, whose
  // signature without a seal image shows the agency, its e-mail and the time.
  const steps: SignatureStep[] = [
    ...(leader
      ? [
          {
            who: 'person' as const,
            signer: leader.signer,
            name: leader.fullName,
            reason,
            location: agency.name,
            signingTime: at,
            appearance: {
              kind: 'person' as const,
              rect: LEADER_SIGNATURE_RECT,
              font,
              lines: [
                ...(leader.title ? [leader.title] : []),
                leader.fullName,
                `Thời gian ký: ${vietnamIso(at)}`,
              ],
            },
          },
        ]
      : []),
    {
      who: 'organisation',
      name: agency.name,
      reason,
      location: agency.name,
      signingTime: at,
      appearance: {
        kind: 'organisation',
        rect: AGENCY_SIGNATURE_RECT,
        font,
        lineHeight: 12,
        lines: [
          `Cơ quan: ${agency.name}`,
          ...(agency.email ? [`Email: ${agency.email}`] : []),
          `Thời gian ký: ${vietnamIso(at)}`,
        ],
      },
    },
  ];
  try {
    signed = await deps.signing.signInOrder(await readAll(stream), steps, { longTerm: true });
  } catch (error) {
    if (error instanceof SigningError) {
      throw signedResultErrors.refused(error.code, error.message, error.who);
    }
    if (error instanceof TimestampError) {
      throw signedResultErrors.refused(error.code, error.message);
    }
    throw error;
  }
  const blob = await deps.blobs.put(signed, { maxBytes: signed.length + 1 });
  const id = randomUUID();
  const name = `ket-qua-${dossier.code}-da-ky.pdf`;
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
      historyId,
    })
    .execute();
  return { pdf: signed, fileId: id, name, blobKey: blob.key };
}

/**
 * At approval, inside the action's transaction: sign the result file when it is an officer-issued
 * PDF and a signer is configured. A refusal throws and so rolls the approval back.
 */
export async function signResultAtApproval(
  trx: Transaction<Database>,
  deps: Omit<SignedResultDeps, 'db'>,
  dossier: DossierRow,
  historyId: number,
  fileId: string,
): Promise<boolean> {
  const original = await signableOriginal(trx, fileId);
  if (!original || !(await deps.signing.hasSigner())) {
    return false;
  }
  // The approving leader is the approval's actor; without their own key the result is not a valid
  // administrative document (NĐ 30/2020), so the approval is refused rather than sealed alone.
  const actor = await trx
    .selectFrom('dossierHistory as h')
    .innerJoin('users as u', 'u.id', 'h.actorId')
    .select(['u.username', 'u.fullName'])
    .where('h.id', '=', historyId)
    .executeTakeFirst();
  const personal = actor ? await deps.signing.personalSigner(actor.username) : null;
  if (!actor || !personal) {
    throw signedResultErrors.refused('NO_PERSONAL_KEY', 'no personal key', 'person');
  }
  await signAndStore(trx, deps, dossier, historyId, original, { ...personal, fullName: actor.fullName });
  return true;
}

const storedCopy = (db: Executor, dossierId: string, historyId: number) =>
  db
    .selectFrom('dossierFiles as df')
    .innerJoin('files as f', 'f.id', 'df.fileId')
    .select(['f.id', 'f.blobKey', 'f.name'])
    .where('df.dossierId', '=', dossierId)
    .where('df.componentKey', '=', SIGNED_RESULT_COMPONENT)
    .where('df.historyId', '=', historyId)
    .executeTakeFirst();

/** The signed result PDF: the copy signed at approval (or, for older approvals, signed now once). */
export async function signedResult(
  deps: SignedResultDeps,
  dossier: DossierRow,
): Promise<{ pdf: Buffer; fileId: string; name: string }> {
  const approval = await approvalOf(deps.db, dossier.id);
  if (!approval) {
    throw signedResultErrors.noResult();
  }
  const existing = await storedCopy(deps.db, dossier.id, approval.historyId);
  if (existing) {
    const stream = await deps.blobs.open(existing.blobKey);
    if (stream) {
      return { pdf: await readAll(stream), fileId: existing.id, name: existing.name };
    }
  }
  const original = await signableOriginal(deps.db, approval.fileId);
  if (!original) {
    throw signedResultErrors.notPdf();
  }
  try {
    return await deps.db.transaction().execute(async (trx) => {
      // Two first downloads at once: the row lock makes the second one see the first one's copy.
      await trx.selectFrom('dossiers').select('id').where('id', '=', dossier.id).forUpdate().execute();
      const raced = await storedCopy(trx, dossier.id, approval.historyId);
      if (raced) {
        const stream = await deps.blobs.open(raced.blobKey);
        return { pdf: stream ? await readAll(stream) : Buffer.alloc(0), fileId: raced.id, name: raced.name };
      }
      // Approved before the leader's signature was made at approval: sealed by the agency only,
      // since a person's signature cannot be made in their absence.
      return signAndStore(trx, deps, dossier, approval.historyId, original, null);
    });
  } catch (error) {
    if (error instanceof NoSignerError) {
      throw signedResultErrors.notPdf();
    }
    throw error;
  }
}
