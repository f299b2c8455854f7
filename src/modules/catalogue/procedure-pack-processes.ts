// Processes travel with their procedure in a pack (issue 7: processes are imported and exported with
// procedure packs). Export maps agencies to identifier codes and leaves named officers behind (they
// are local). Import creates a process this deployment lacks with all its versions; where a local
// process exists and differs, the pack's steps arrive as a new draft for the focal point to review and
// publish under a local decision — a published process is never overwritten.
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { StepUnit } from '../../domain/processing/process-definition.ts';
import { canonicalJson } from '../../platform/canonical-json.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { Executor } from './catalogue.repository.ts';
import type { ImportPlan, PackProcess, PackStep } from './procedure-pack.schemas.ts';

interface Problem {
  path: string;
  message: { vi: string; en: string };
}

/** The stored form of a step (processes.steps JSON), as the processing module reads it. */
interface StoredStep extends Omit<PackStep, 'unit'> {
  unit: StepUnit;
  officerIds?: string[];
}

export interface PlannedProcess {
  agencyCode: string | null;
  agencyId: string | null;
  action: ImportPlan['processes'][number]['action'];
  versions: Array<Omit<PackProcess['versions'][number], 'steps'> & { steps: StoredStep[] }>;
}

const portable = (steps: StoredStep[], agencyCode: Map<string, string>): PackStep[] =>
  steps.map(({ officerIds: _local, unit, ...step }) => ({
    ...step,
    unit: unit.kind === 'agency' ? { kind: 'agency', agencyCode: agencyCode.get(unit.agencyId) ?? '' } : unit,
  }));

export async function exportProcesses(
  db: Executor,
  procedureId: string,
  agencyCode: Map<string, string>,
): Promise<PackProcess[]> {
  const processes = await db
    .selectFrom('processes')
    .select(['id', 'agencyId'])
    .where('procedureId', '=', procedureId)
    .orderBy('createdAt')
    .execute();
  const result: PackProcess[] = [];
  for (const process of processes) {
    const versions = await db
      .selectFrom('processVersions')
      .select(['versionNo', 'status', 'decisionRef', 'decisionDate', 'steps'])
      .where('processId', '=', process.id)
      .orderBy('versionNo')
      .execute();
    if (versions.length === 0) {
      continue;
    }
    result.push({
      agencyCode: process.agencyId ? (agencyCode.get(process.agencyId) ?? null) : null,
      versions: versions.map((v) => ({
        versionNo: v.versionNo,
        status: v.status,
        decisionRef: v.decisionRef,
        decisionDate: v.decisionDate,
        steps: portable(v.steps as StoredStep[], agencyCode),
      })),
    });
  }
  return result;
}

/** Maps the pack's processes to this deployment and decides, for each, what importing would do. */
export async function planProcesses(
  db: Executor,
  procedureId: string | null,
  processes: PackProcess[],
  agencyId: Map<string, string>,
  problems: Problem[],
): Promise<PlannedProcess[]> {
  const unknown = (path: string, code: string) =>
    problems.push({
      path,
      message: {
        vi: `Không có cơ quan mã ${code} trong hệ thống này.`,
        en: `No agency with code ${code} in this deployment.`,
      },
    });
  const planned: PlannedProcess[] = [];
  for (const [i, process] of processes.entries()) {
    const owner = process.agencyCode ? (agencyId.get(process.agencyCode) ?? null) : null;
    if (process.agencyCode && !owner) {
      unknown(`processes[${i}].agencyCode`, process.agencyCode);
      continue;
    }
    if (process.versions.filter((v) => v.status === 'published').length > 1) {
      problems.push({
        path: `processes[${i}].versions`,
        message: {
          vi: 'Một quy trình chỉ có một phiên bản đang áp dụng.',
          en: 'A process has at most one published version.',
        },
      });
      continue;
    }
    const versions = process.versions.map((v, j) => ({
      ...v,
      steps: v.steps.map((step, k): StoredStep => {
        if (step.unit.kind !== 'agency') {
          return { ...step, unit: step.unit };
        }
        const id = agencyId.get(step.unit.agencyCode);
        if (!id) {
          unknown(`processes[${i}].versions[${j}].steps[${k}].unit.agencyCode`, step.unit.agencyCode);
        }
        return { ...step, unit: { kind: 'agency', agencyId: id ?? '' } };
      }),
    }));
    const local = procedureId ? await localPublishedSteps(db, procedureId, owner) : undefined;
    const incoming = versions.find((v) => v.status === 'published') ?? versions[versions.length - 1];
    planned.push({
      agencyCode: process.agencyCode,
      agencyId: owner,
      versions,
      action:
        local === undefined
          ? 'create'
          : canonicalJson(withoutOfficers(local)) === canonicalJson(withoutOfficers(incoming?.steps ?? []))
            ? 'unchanged'
            : 'draft_added',
    });
  }
  return planned;
}

// Compared by canonical JSON: jsonb stores keys in its own order.
const withoutOfficers = (steps: StoredStep[]) => steps.map(({ officerIds: _local, ...step }) => step);

/** undefined: no local process for this procedure and agency; otherwise its published (or latest) steps. */
async function localPublishedSteps(
  db: Executor,
  procedureId: string,
  agencyId: string | null,
): Promise<StoredStep[] | undefined> {
  const process = await db
    .selectFrom('processes')
    .select('id')
    .where('procedureId', '=', procedureId)
    .where(agencyId === null ? (eb) => eb('agencyId', 'is', null) : (eb) => eb('agencyId', '=', agencyId))
    .executeTakeFirst();
  if (!process) {
    return undefined;
  }
  const versions = await db
    .selectFrom('processVersions')
    .select(['status', 'steps'])
    .where('processId', '=', process.id)
    .orderBy('versionNo', 'desc')
    .execute();
  const chosen = versions.find((v) => v.status === 'published') ?? versions[0];
  return (chosen?.steps ?? []) as StoredStep[];
}

export async function applyProcesses(
  trx: Transaction<Database>,
  procedureId: string,
  planned: PlannedProcess[],
  userId: string | null,
): Promise<void> {
  for (const p of planned) {
    if (p.action === 'unchanged') {
      continue;
    }
    if (p.action === 'create') {
      const processId = randomUUID();
      await trx
        .insertInto('processes')
        .values({ id: processId, procedureId, agencyId: p.agencyId })
        .execute();
      for (const v of p.versions) {
        await trx
          .insertInto('processVersions')
          .values({
            id: randomUUID(),
            processId,
            versionNo: v.versionNo,
            status: v.status,
            steps: JSON.stringify(v.steps),
            decisionRef: v.decisionRef,
            decisionDate: v.decisionDate,
            createdBy: userId,
            publishedBy: v.status === 'draft' ? null : userId,
            publishedAt: v.status === 'draft' ? null : new Date(),
          })
          .execute();
      }
      continue;
    }
    // draft_added: the pack's published (or latest) steps as the next draft of the local process.
    const incoming = p.versions.find((v) => v.status === 'published') ?? p.versions[p.versions.length - 1];
    const process = await trx
      .selectFrom('processes')
      .select('id')
      .where('procedureId', '=', procedureId)
      .where(
        p.agencyId === null ? (eb) => eb('agencyId', 'is', null) : (eb) => eb('agencyId', '=', p.agencyId),
      )
      .executeTakeFirstOrThrow();
    const max = await trx
      .selectFrom('processVersions')
      .select((eb) => eb.fn.max('versionNo').as('n'))
      .where('processId', '=', process.id)
      .executeTakeFirst();
    await trx
      .insertInto('processVersions')
      .values({
        id: randomUUID(),
        processId: process.id,
        versionNo: Number(max?.n ?? 0) + 1,
        steps: JSON.stringify(incoming?.steps ?? []),
        createdBy: userId,
      })
      .execute();
  }
}
