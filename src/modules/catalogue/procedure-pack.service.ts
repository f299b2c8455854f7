// Import of procedure packs (R4: "the catalogue can be synchronised"; issue 5; export is in
// procedure-pack-export.ts): maps portable references back to this deployment's sectors and
// agencies, reports a dry-run plan (versions added, unchanged, conflicting — a published version is
// never overwritten), and applies it in one audited transaction.
import { createHash, randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { type DiffEntry, diffVersions } from '../../domain/catalogue/diff.ts';
import { planAbolition, planPublication } from '../../domain/catalogue/versions.ts';
import type { BlobStore } from '../../platform/blobs/blob-store.ts';
import { safeFileName } from '../../platform/blobs/safe-file-name.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import { errors } from '../../platform/http/errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import {
  closeVersion,
  findProcedure,
  insertDraftVersion,
  insertProcedure,
  listVersionRows,
  listVersions,
  markProcedureAbolished,
  publishDraftVersion,
} from './catalogue.repository.ts';
import type { Version } from './catalogue.schemas.ts';
import { checkContent } from './procedure-content.check.ts';
import type { ProcedureContent } from './procedure-content.schemas.ts';
import { formTemplateType } from './procedure-files.service.ts';
import type { ImportPlan, PackContent, ProcedurePack } from './procedure-pack.schemas.ts';
import { type Lookups, lookups } from './procedure-pack-export.ts';
import { applyProcesses, planProcesses } from './procedure-pack-processes.ts';

type Problem = ImportPlan['problems'][number];

function fromPackContent(
  content: PackContent,
  l: Lookups,
  fileIds: Map<string, string>,
  path: string,
  problems: Problem[],
): ProcedureContent {
  const { sectorCode, performingAgencyCodes, deskAgencyCode, decidingAgencyCode, components, ...rest } =
    content;
  const agency = (code: string | null, field: string) => {
    if (!code) {
      return null;
    }
    const id = l.agencyId.get(code);
    if (!id) {
      problems.push({
        path: `${path}.${field}`,
        message: { vi: `Không có cơ quan mã ${code}.`, en: `No agency with code ${code}.` },
      });
    }
    return id ?? null;
  };
  const sectorId = l.sectorId.get(sectorCode);
  if (!sectorId) {
    problems.push({
      path: `${path}.sectorCode`,
      message: { vi: `Không có lĩnh vực mã ${sectorCode}.`, en: `No sector with code ${sectorCode}.` },
    });
  }
  return {
    ...rest,
    sectorId: sectorId ?? '00000000-0000-0000-0000-000000000000',
    performingAgencyIds: performingAgencyCodes.flatMap((c) => agency(c, 'performingAgencyCodes') ?? []),
    deskAgencyId: agency(deskAgencyCode, 'deskAgencyCode'),
    decidingAgencyId: agency(decidingAgencyCode, 'decidingAgencyCode'),
    components: components.map(({ formFiles, ...c }, index) => ({
      ...c,
      formFileIds: formFiles.flatMap((hash) => {
        const id = fileIds.get(hash);
        if (!id) {
          problems.push({
            path: `${path}.components[${index}].formFiles`,
            message: { vi: 'Thiếu tệp mẫu đơn trong gói.', en: 'A form file is missing from the pack.' },
          });
        }
        return id ?? [];
      }),
    })),
  };
}

const contentOnly = (v: Version) => {
  const { id: _i, number: _n, status: _s, publishedAt: _p, effectiveTo: _t, ...rest } = v;
  return rest;
};

/** Plans (and unless dryRun, applies) the import of one pack. */
export async function importPack(
  db: Db,
  blobs: BlobStore,
  actor: Actor,
  pack: ProcedurePack,
  dryRun: boolean,
  maxFileBytes: number,
): Promise<ImportPlan> {
  const l = await lookups(db);
  const problems: Problem[] = [];
  // Files: checked by hash and type; matched to existing ones of the procedure by hash.
  const decoded = pack.files.map((f, index) => {
    const content = Buffer.from(f.contentBase64, 'base64');
    const hash = createHash('sha256').update(content).digest('hex');
    const fileName = safeFileName(f.fileName, 'mau-don');
    const mediaType = formTemplateType(fileName, content);
    if (hash !== f.sha256 || !mediaType || content.length === 0 || content.length > maxFileBytes) {
      problems.push({
        path: `files[${index}]`,
        message: {
          vi: 'Tệp trong gói bị hỏng hoặc không đúng loại.',
          en: 'A file in the pack is damaged or of a refused type.',
        },
      });
    }
    return { ...f, content, fileName, mediaType: mediaType ?? 'application/pdf' };
  });
  const existing =
    (await findProcedure(db, pack.procedure.nationalCode ?? pack.procedure.localCode)) ??
    (await findProcedure(db, pack.procedure.localCode));
  const existingFiles = existing
    ? await db
        .selectFrom('procedureFiles')
        .select(['id', 'sha256'])
        .where('procedureId', '=', existing.id)
        .execute()
    : [];
  const fileIds = new Map(existingFiles.map((f) => [f.sha256, f.id]));
  const newFiles = decoded.filter((f) => !fileIds.has(f.sha256));
  for (const f of newFiles) {
    fileIds.set(f.sha256, randomUUID());
  }
  const sorted = [...pack.versions].sort((a, b) => a.number - b.number);
  const incoming = sorted.map((v, i) => ({
    ...v,
    mapped: fromPackContent(v.content, l, fileIds, `versions[${i}].content`, problems),
  }));
  const current = existing ? await listVersions(db, existing.id) : [];
  const conflicts: Array<{ number: number; changes: DiffEntry[] }> = [];
  const unchanged: number[] = [];
  const added: typeof incoming = [];
  for (const v of incoming) {
    const mine = current.find((c) => c.number === v.number);
    if (!mine) {
      added.push(v);
      continue;
    }
    const theirs = {
      ...v.mapped,
      decisionNumber: v.decisionNumber,
      decisionDate: v.decisionDate,
      effectiveFrom: v.effectiveFrom,
    };
    const changes = diffVersions(contentOnly(mine), theirs);
    if (changes.length === 0) {
      unchanged.push(v.number);
    } else {
      conflicts.push({ number: v.number, changes });
    }
  }
  const processes = await planProcesses(db, existing?.id ?? null, pack.processes ?? [], l.agencyId, problems);
  const processChanges = processes.some((p) => p.action !== 'unchanged');
  const plan: ImportPlan = {
    action:
      problems.length > 0 || conflicts.length > 0
        ? 'refused'
        : !existing
          ? 'create'
          : added.length > 0 || processChanges
            ? 'update'
            : 'unchanged',
    procedureId: existing?.id ?? null,
    localCode: pack.procedure.localCode,
    nationalCode: pack.procedure.nationalCode,
    addedVersions: added.map((v) => v.number),
    unchangedVersions: unchanged,
    conflicts,
    problems,
    newFiles: newFiles.length,
    processes: processes.map((p) => ({ agencyCode: p.agencyCode, action: p.action })),
    applied: false,
  };
  if (dryRun || plan.action === 'refused' || plan.action === 'unchanged') {
    return plan;
  }
  // Content rules apply to imported versions too (online level vs ways, conditions, e-forms).
  const procedureId = existing?.id ?? randomUUID();
  const stored: string[] = [];
  try {
    await db.transaction().execute(async (trx) => {
      if (!existing) {
        await insertProcedure(trx, {
          id: procedureId,
          nationalCode: pack.procedure.nationalCode,
          localCode: pack.procedure.localCode,
        });
      }
      for (const f of newFiles) {
        const put = await blobs.put(f.content, { maxBytes: maxFileBytes });
        stored.push(put.key);
        await trx
          .insertInto('procedureFiles')
          .values({
            id: fileIds.get(f.sha256) as string,
            procedureId,
            blobKey: put.key,
            sha256: put.sha256,
            size: put.size,
            fileName: f.fileName,
            mediaType: f.mediaType,
            uploadedBy: actor.actorId,
          })
          .execute();
      }
      for (const v of added) {
        await applyVersion(
          trx,
          procedureId,
          actor,
          v.number,
          await checkContent(trx, procedureId, v.mapped),
          v,
        );
      }
      await applyProcesses(trx, procedureId, processes, actor.actorId);
      if (pack.procedure.abolition) {
        const timeline = await listVersionRows(trx, procedureId);
        const procedure = await trx
          .selectFrom('procedures')
          .select('abolishedFrom')
          .where('id', '=', procedureId)
          .executeTakeFirst();
        const abolition = planAbolition(timeline, pack.procedure.abolition, procedure?.abolishedFrom != null);
        if (abolition.ok) {
          for (const change of abolition.changes) {
            if (change.effectiveTo) {
              await closeVersion(trx, change.id, 'abolished', change.effectiveTo);
            }
          }
          await markProcedureAbolished(trx, procedureId, pack.procedure.abolition);
        }
      }
      await appendAudit(trx, {
        ...actor,
        action: 'procedure.import',
        resourceType: 'procedure',
        resourceId: procedureId,
        details: {
          localCode: pack.procedure.localCode,
          nationalCode: pack.procedure.nationalCode,
          addedVersions: plan.addedVersions,
          newFiles: newFiles.length,
          processes: plan.processes,
          exportedAt: pack.exportedAt,
        },
      });
    });
  } catch (error) {
    for (const key of stored) {
      await blobs.delete(key);
    }
    throw error;
  }
  return { ...plan, procedureId, applied: true };
}

async function applyVersion(
  trx: Transaction<Database>,
  procedureId: string,
  actor: Actor,
  number: number,
  content: ProcedureContent,
  v: {
    status: string;
    decisionNumber: string | null;
    decisionDate: string | null;
    effectiveFrom: string | null;
  },
): Promise<void> {
  const versionId = randomUUID();
  const timeline = await listVersionRows(trx, procedureId);
  if (v.status === 'draft') {
    if (timeline.some((t) => t.status === 'draft')) {
      return;
    }
    await insertDraftVersion(trx, { id: versionId, procedureId, number, createdBy: actor.actorId, content });
    return;
  }
  if (timeline.some((t) => t.status === 'draft')) {
    throw errors.conflict({
      vi: 'Thủ tục đang có bản dự thảo; hãy xử lý trước khi nhập.',
      en: 'The procedure has a draft; deal with it before importing.',
    });
  }
  await insertDraftVersion(trx, { id: versionId, procedureId, number, createdBy: actor.actorId, content });
  const decision = {
    decisionNumber: v.decisionNumber ?? '',
    decisionDate: v.decisionDate ?? '',
    effectiveFrom: v.effectiveFrom ?? '',
  };
  const plan = planPublication(
    [...timeline, { id: versionId, number, status: 'draft', effectiveFrom: null, effectiveTo: null }],
    decision,
    false,
  );
  if (!plan.ok) {
    throw errors.validation(`versions/${number}`, {
      vi: `Phiên bản ${number} trong gói không nối tiếp được các phiên bản hiện có (${plan.reason}).`,
      en: `Version ${number} of the pack does not follow the existing versions (${plan.reason}).`,
    });
  }
  await publishDraftVersion(trx, versionId, decision);
  for (const change of plan.changes) {
    if (change.id !== versionId && change.effectiveTo) {
      await closeVersion(trx, change.id, 'superseded', change.effectiveTo);
    }
  }
  const fileIds = content.components.flatMap((c) => c.formFileIds);
  if (fileIds.length > 0) {
    await trx.updateTable('procedureFiles').set({ published: true }).where('id', 'in', fileIds).execute();
  }
}
