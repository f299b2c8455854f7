// Keeping the catalogue exact (R4): create a procedure, edit its draft, publish it with the
// chairman's decision number and effective date, abolish it. One transaction per change, the
// procedure row locked, the audit record written in the same transaction.
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { type DiffEntry, diffVersions } from '../../domain/catalogue/diff.ts';
import { planAbolition, planPublication } from '../../domain/catalogue/versions.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import { errors } from '../../platform/http/errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import { catalogueErrors } from './catalogue.errors.ts';
import {
  closeVersion,
  deleteDraftVersion,
  findProcedure,
  findVersion,
  insertDraftVersion,
  insertProcedure,
  listVersionRows,
  listVersions,
  lockProcedure,
  markProcedureAbolished,
  publishDraftVersion,
  touchProcedure,
  updateDraftVersion,
} from './catalogue.repository.ts';
import { checkContent } from './procedure-content.check.ts';
import type { ProcedureContent } from './procedure-content.schemas.ts';

export interface Decision {
  decisionNumber: string;
  decisionDate: string;
  effectiveFrom: string;
}

function isUniqueViolation(error: unknown, column: string): boolean {
  const e = error as { code?: string; message?: string; detail?: string; constraint?: string };
  return e?.code === '23505' && `${e.constraint ?? ''} ${e.detail ?? ''} ${e.message ?? ''}`.includes(column);
}

async function locked(trx: Transaction<Database>, procedureId: string) {
  const procedure = await lockProcedure(trx, procedureId);
  if (!procedure) {
    throw errors.notFound();
  }
  return procedure;
}

export async function createProcedure(
  db: Db,
  actor: Actor,
  input: { nationalCode: string | null; localCode: string; content: ProcedureContent },
): Promise<{ id: string; versionId: string }> {
  const content = await checkContent(db, null, input.content);
  const id = randomUUID();
  const versionId = randomUUID();
  try {
    await db.transaction().execute(async (trx) => {
      await insertProcedure(trx, { id, nationalCode: input.nationalCode, localCode: input.localCode });
      await insertDraftVersion(trx, {
        id: versionId,
        procedureId: id,
        number: 1,
        createdBy: actor.actorId,
        content,
      });
      await appendAudit(trx, {
        ...actor,
        action: 'procedure.create',
        resourceType: 'procedure',
        resourceId: id,
        details: {
          nationalCode: input.nationalCode,
          localCode: input.localCode,
          versionId,
          name: content.name,
        },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error, 'national_code')) {
      throw catalogueErrors.codeTaken('nationalCode');
    }
    if (isUniqueViolation(error, 'local_code')) {
      throw catalogueErrors.codeTaken('localCode');
    }
    throw error;
  }
  return { id, versionId };
}

/** Starts a new draft from the latest version (amendment following a new decision). */
export async function startDraft(db: Db, actor: Actor, procedureId: string): Promise<{ versionId: string }> {
  return db.transaction().execute(async (trx) => {
    const procedure = await locked(trx, procedureId);
    if (procedure.abolishedFrom) {
      throw catalogueErrors.abolishedNoChange();
    }
    const versions = await listVersions(trx, procedureId);
    if (versions.some((v) => v.status === 'draft')) {
      throw catalogueErrors.draftExists();
    }
    const latest = versions.at(-1);
    if (!latest) {
      throw errors.notFound();
    }
    const versionId = randomUUID();
    const {
      id: _id,
      number,
      status: _s,
      decisionNumber: _d,
      decisionDate: _dd,
      effectiveFrom: _e,
      effectiveTo: _t,
      publishedAt: _p,
      ...content
    } = latest;
    await insertDraftVersion(trx, {
      id: versionId,
      procedureId,
      number: number + 1,
      createdBy: actor.actorId,
      content,
    });
    await touchProcedure(trx, procedureId);
    await appendAudit(trx, {
      ...actor,
      action: 'procedure.draft.start',
      resourceType: 'procedure',
      resourceId: procedureId,
      details: { versionId, number: number + 1, from: latest.id },
    });
    return { versionId };
  });
}

export async function saveDraft(
  db: Db,
  actor: Actor,
  procedureId: string,
  input: ProcedureContent,
): Promise<{ versionId: string; changes: DiffEntry[] }> {
  const content = await checkContent(db, procedureId, input);
  return db.transaction().execute(async (trx) => {
    const procedure = await locked(trx, procedureId);
    if (procedure.abolishedFrom) {
      throw catalogueErrors.abolishedNoChange();
    }
    const draft = (await listVersions(trx, procedureId)).find((v) => v.status === 'draft');
    if (!draft) {
      throw catalogueErrors.noDraft();
    }
    const {
      id: _i,
      number: _n,
      status: _s,
      decisionNumber: _d,
      decisionDate: _dd,
      effectiveFrom: _e,
      effectiveTo: _t,
      publishedAt: _p,
      ...before
    } = draft;
    if (!(await updateDraftVersion(trx, draft.id, content))) {
      throw catalogueErrors.noDraft();
    }
    const changes = diffVersions(before, content);
    await touchProcedure(trx, procedureId);
    await appendAudit(trx, {
      ...actor,
      action: 'procedure.draft.update',
      resourceType: 'procedure',
      resourceId: procedureId,
      details: { versionId: draft.id, changed: changes.map((c) => c.path).slice(0, 200) },
    });
    return { versionId: draft.id, changes };
  });
}

export async function discardDraft(db: Db, actor: Actor, procedureId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await locked(trx, procedureId);
    const rows = await listVersionRows(trx, procedureId);
    const draft = rows.find((v) => v.status === 'draft');
    if (!draft) {
      throw catalogueErrors.noDraft();
    }
    if (rows.length === 1) {
      throw errors.conflict({
        vi: 'Không thể xóa bản duy nhất của thủ tục chưa công bố.',
        en: 'The only version of an unpublished procedure cannot be deleted.',
      });
    }
    await deleteDraftVersion(trx, draft.id);
    await appendAudit(trx, {
      ...actor,
      action: 'procedure.draft.discard',
      resourceType: 'procedure',
      resourceId: procedureId,
      details: { versionId: draft.id, number: draft.number },
    });
  });
}

export async function publishDraft(
  db: Db,
  actor: Actor,
  procedureId: string,
  decision: Decision,
): Promise<{ versionId: string }> {
  return db.transaction().execute(async (trx) => {
    const procedure = await locked(trx, procedureId);
    const rows = await listVersionRows(trx, procedureId);
    const plan = planPublication(rows, decision, procedure.abolishedFrom !== null);
    if (!plan.ok) {
      throw plan.reason === 'NO_DRAFT'
        ? catalogueErrors.noDraft()
        : plan.reason === 'ABOLISHED'
          ? catalogueErrors.abolishedNoChange()
          : catalogueErrors.timeline(plan.reason);
    }
    const draft = rows.find((v) => v.status === 'draft');
    if (!draft || !(await publishDraftVersion(trx, draft.id, decision))) {
      throw catalogueErrors.noDraft();
    }
    const superseded: string[] = [];
    for (const change of plan.changes) {
      if (change.id !== draft.id && change.effectiveTo) {
        await closeVersion(trx, change.id, 'superseded', change.effectiveTo);
        superseded.push(change.id);
      }
    }
    // Form templates of a published version are public from now on.
    const version = await findVersion(trx, draft.id);
    const fileIds = version?.components.flatMap((c) => c.formFileIds) ?? [];
    if (fileIds.length > 0) {
      await trx.updateTable('procedureFiles').set({ published: true }).where('id', 'in', fileIds).execute();
    }
    await touchProcedure(trx, procedureId);
    await appendAudit(trx, {
      ...actor,
      action: 'procedure.publish',
      resourceType: 'procedure',
      resourceId: procedureId,
      details: { versionId: draft.id, number: draft.number, ...decision, superseded },
    });
    return { versionId: draft.id };
  });
}

export async function abolishProcedure(
  db: Db,
  actor: Actor,
  procedureId: string,
  decision: Decision & { reason: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const procedure = await locked(trx, procedureId);
    const rows = await listVersionRows(trx, procedureId);
    const plan = planAbolition(rows, decision, procedure.abolishedFrom !== null);
    if (!plan.ok) {
      throw plan.reason === 'ABOLISHED'
        ? catalogueErrors.abolishedNoChange()
        : catalogueErrors.timeline(plan.reason);
    }
    for (const change of plan.changes) {
      if (change.effectiveTo) {
        await closeVersion(trx, change.id, 'abolished', change.effectiveTo);
      }
    }
    // A pending amendment has nothing left to amend.
    const draft = rows.find((v) => v.status === 'draft');
    if (draft) {
      await deleteDraftVersion(trx, draft.id);
    }
    await markProcedureAbolished(trx, procedureId, decision);
    await appendAudit(trx, {
      ...actor,
      action: 'procedure.abolish',
      resourceType: 'procedure',
      resourceId: procedureId,
      reason: decision.reason,
      details: {
        decisionNumber: decision.decisionNumber,
        decisionDate: decision.decisionDate,
        effectiveFrom: decision.effectiveFrom,
        closedVersions: plan.changes.map((c) => c.id),
        discardedDraft: draft?.id ?? null,
      },
    });
  });
}

/** The differences between two versions of one procedure (R4). */
export async function diffProcedureVersions(
  db: Db,
  procedureId: string,
  fromId: string,
  toId: string,
): Promise<DiffEntry[]> {
  const procedure = await findProcedure(db, procedureId);
  const [from, to] = await Promise.all([findVersion(db, fromId), findVersion(db, toId)]);
  if (!procedure || !from || !to || from.id === to.id) {
    throw errors.notFound();
  }
  const rows = await listVersionRows(db, procedure.id);
  if (!rows.some((r) => r.id === from.id) || !rows.some((r) => r.id === to.id)) {
    throw errors.notFound();
  }
  const strip = ({
    id: _i,
    number: _n,
    status: _s,
    publishedAt: _p,
    effectiveTo: _t,
    ...rest
  }: typeof from) => rest;
  return diffVersions(strip(from), strip(to));
}
