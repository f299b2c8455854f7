// Export of a procedure pack (R4, issue 5): every version with portable references (sector and
// agency codes instead of ids, form files by SHA-256 with their bytes) and the procedure's processes.
import type { BlobStore } from '../../platform/blobs/blob-store.ts';
import type { Db } from '../../platform/db/database.ts';
import { errors } from '../../platform/http/errors.ts';
import { type Executor, findProcedure, listVersions } from './catalogue.repository.ts';
import type { Version } from './catalogue.schemas.ts';
import type { PackContent, ProcedurePack } from './procedure-pack.schemas.ts';
import { exportProcesses } from './procedure-pack-processes.ts';

export interface Lookups {
  sectorCode: Map<string, string>;
  sectorId: Map<string, string>;
  agencyCode: Map<string, string>;
  agencyId: Map<string, string>;
}

export async function lookups(db: Executor): Promise<Lookups> {
  const [sectors, agencies] = await Promise.all([
    db.selectFrom('sectors').select(['id', 'code']).execute(),
    db.selectFrom('agencies').select(['id', 'code']).execute(),
  ]);
  return {
    sectorCode: new Map(sectors.map((s) => [s.id, s.code])),
    sectorId: new Map(sectors.map((s) => [s.code, s.id])),
    agencyCode: new Map(agencies.map((a) => [a.id, a.code])),
    agencyId: new Map(agencies.map((a) => [a.code, a.id])),
  };
}

function toPackContent(version: Version, l: Lookups, fileHash: Map<string, string>): PackContent {
  const {
    id: _i,
    number: _n,
    status: _s,
    decisionNumber: _d,
    decisionDate: _dd,
    effectiveFrom: _e,
    effectiveTo: _t,
    publishedAt: _p,
    sectorId,
    performingAgencyIds,
    deskAgencyId,
    decidingAgencyId,
    components,
    ...rest
  } = version;
  const code = (id: string | null) => (id ? (l.agencyCode.get(id) ?? null) : null);
  return {
    ...rest,
    sectorCode: l.sectorCode.get(sectorId) ?? '',
    performingAgencyCodes: performingAgencyIds.flatMap((id) => code(id) ?? []),
    deskAgencyCode: code(deskAgencyId),
    decidingAgencyCode: code(decidingAgencyId),
    components: components.map(({ formFileIds, ...c }) => ({
      ...c,
      formFiles: formFileIds.flatMap((id) => fileHash.get(id) ?? []),
    })),
  };
}

async function streamToBuffer(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

export async function exportPack(db: Db, blobs: BlobStore, procedureId: string): Promise<ProcedurePack> {
  const procedure = await findProcedure(db, procedureId);
  if (!procedure) {
    throw errors.notFound();
  }
  const [versions, files, l] = await Promise.all([
    listVersions(db, procedure.id),
    db.selectFrom('procedureFiles').selectAll().where('procedureId', '=', procedure.id).execute(),
    lookups(db),
  ]);
  const processes = await exportProcesses(db, procedure.id, l.agencyCode);
  const used = new Set(versions.flatMap((v) => v.components.flatMap((c) => c.formFileIds)));
  const fileHash = new Map(files.map((f) => [f.id, f.sha256]));
  const packFiles: ProcedurePack['files'] = [];
  for (const file of files.filter((f) => used.has(f.id))) {
    const stream = await blobs.open(file.blobKey);
    if (stream && !packFiles.some((p) => p.sha256 === file.sha256)) {
      packFiles.push({
        sha256: file.sha256,
        fileName: file.fileName,
        contentBase64: (await streamToBuffer(stream)).toString('base64'),
      });
    }
  }
  return {
    format: 'motcua.procedure-pack',
    formatVersion: 1,
    exportedAt: new Date().toISOString(),
    procedure: {
      nationalCode: procedure.nationalCode,
      localCode: procedure.localCode,
      abolition:
        procedure.abolishedFrom && procedure.abolitionDecisionNumber && procedure.abolitionDecisionDate
          ? {
              decisionNumber: procedure.abolitionDecisionNumber,
              decisionDate: procedure.abolitionDecisionDate,
              effectiveFrom: procedure.abolishedFrom,
            }
          : null,
    },
    versions: versions.map((v) => ({
      number: v.number,
      status: v.status,
      decisionNumber: v.decisionNumber,
      decisionDate: v.decisionDate,
      effectiveFrom: v.effectiveFrom,
      effectiveTo: v.effectiveTo,
      content: toPackContent(v, l, fileHash),
    })),
    files: packFiles,
    ...(processes.length ? { processes } : {}),
  };
}
