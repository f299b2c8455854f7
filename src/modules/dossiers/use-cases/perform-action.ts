// One action on one dossier (issue 6/7 contract POST /api/v1/dossiers/{id}/actions): decided by the
// pure table, guarded inside the write (status, sub-status and version must be unchanged, else 409),
// recorded in the history, audited, synced and notified — all in one transaction (goals 21, 29, 30).
import type { Transaction } from 'kysely';
import {
  type ActionRule,
  availableActions,
  decideAction,
  type Relation,
  type Requirement,
} from '../../../domain/dossier/actions.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { errors } from '../../../platform/http/errors.ts';
import type { Actor, CurrentUser } from '../../auth/actor.ts';
import { dossierErrors } from '../dossier.errors.ts';
import { type DossierRow, findDossier, updateDossierGuarded } from '../dossier.repository.ts';
import type { ActionBody } from '../dossier.schemas.ts';
import { canReadDossier, relationsOf } from '../dossier-access.ts';
import { agencyNames, type DossierDeps, versionOf } from '../dossier-context.ts';
import { recordChange } from '../dossier-events.ts';
import { ACTION_HANDLERS } from './action-handlers.ts';
import { findOutage } from './outages.ts';

const REQUIREMENT_FIELDS: Record<Requirement, { field: keyof ActionBody; vi: string; en: string }> = {
  note: { field: 'note', vi: 'Vui lòng ghi nội dung.', en: 'Please write a note.' },
  reasons: { field: 'reasons', vi: 'Vui lòng nêu lý do.', en: 'Please give the reasons.' },
  items: {
    field: 'items',
    vi: 'Vui lòng liệt kê các nội dung cần bổ sung.',
    en: 'Please list what is needed.',
  },
  newDueAt: {
    field: 'newDueAt',
    vi: 'Vui lòng chọn ngày hẹn mới.',
    en: 'Please choose the new appointment.',
  },
  resultFile: {
    field: 'resultFileId',
    vi: 'Vui lòng đính kèm tệp kết quả.',
    en: 'Please attach the result file.',
  },
  handoverTo: {
    field: 'handoverTo',
    vi: 'Vui lòng chọn người nhận bàn giao.',
    en: 'Please choose who takes over.',
  },
  deliveredHow: {
    field: 'deliveredHow',
    vi: 'Vui lòng chọn hình thức trả kết quả.',
    en: 'Please choose how it was handed over.',
  },
};

function checkRequirements(rule: ActionRule, body: ActionBody): void {
  for (const need of rule.needs) {
    const { field, vi, en } = REQUIREMENT_FIELDS[need];
    const value = body[field];
    const missing =
      value === undefined ||
      value === null ||
      (typeof value === 'string' && value.trim() === '') ||
      (Array.isArray(value) && value.length === 0);
    if (missing) {
      throw dossierErrors.needs(field, vi, en);
    }
  }
}

/** Loads the dossier for an officer or its applicant; others learn nothing (404) or are refused (403). */
export async function loadForUser(
  trx: Transaction<Database> | DossierDeps['db'],
  user: CurrentUser,
  id: string,
): Promise<DossierRow> {
  const dossier = await findDossier(trx, id);
  if (!dossier) {
    throw dossierErrors.notFound();
  }
  if (!(await canReadDossier(trx, user, dossier))) {
    // A citizen probing ids learns nothing (goal 9); an officer outside scope is refused (R10).
    throw user.kind === 'officer' ? errors.forbidden() : dossierErrors.notFound();
  }
  return dossier;
}

/** The actions the caller may take now, those with an implementation (what the UI shows as buttons). */
export async function actionsFor(
  db: DossierDeps['db'],
  user: CurrentUser,
  dossier: DossierRow,
): Promise<ActionRule[]> {
  const relations = await relationsOf(db, user, dossier);
  const version = await versionOf(db, dossier);
  return availableActions(
    { status: dossier.status as never, subStatus: dossier.subStatus as never },
    { relations, immediateResult: version.immediateResult },
  ).filter((rule) => ACTION_HANDLERS[rule.action] !== undefined);
}

export async function performAction(
  deps: DossierDeps,
  trx: Transaction<Database>,
  user: CurrentUser,
  actor: Actor,
  dossierId: string,
  body: ActionBody,
): Promise<DossierRow> {
  const dossier = await loadForUser(trx, user, dossierId);
  if (body.expectedVersion !== undefined && body.expectedVersion !== dossier.version) {
    throw dossierErrors.versionConflict();
  }
  const relations = await relationsOf(trx, user, dossier);
  const version = await versionOf(trx, dossier);
  const decision = decideAction(
    { status: dossier.status as never, subStatus: dossier.subStatus as never },
    body.action,
    { relations, immediateResult: version.immediateResult },
  );
  const handler = ACTION_HANDLERS[body.action];
  if (!decision.ok || !handler) {
    if (decision.ok || decision.reason === 'not_allowed_now' || !handler) {
      throw dossierErrors.notAllowedNow();
    }
    throw errors.forbidden();
  }
  checkRequirements(decision.rule, body);
  if (body.at && (body.note ?? '').trim().length < 5) {
    // Goal 33: every back-entered event carries its reason (kept as the history note).
    throw errors.validation('note', {
      vi: 'Thao tác nhập bù phải nêu lý do (ít nhất 5 ký tự).',
      en: 'A back-entered action needs its reason (at least 5 characters).',
    });
  }
  const outage = body.at
    ? await findOutage(trx, { receivedAt: body.at, outageReference: body.outageReference ?? '' }, user)
    : null;
  const at = outage && body.at ? new Date(body.at) : deps.now();
  const result = await handler({ deps, trx, dossier, body, rule: decision.rule, at, userId: user.id });
  const subStatus =
    decision.next.subStatus === 'from_step' ? (result.subStatus ?? 'processing') : decision.next.subStatus;
  const updated = await updateDossierGuarded(trx, dossier, {
    ...result.changes,
    status: decision.next.status,
    subStatus,
    ...(outage ? { backEntered: true } : {}),
  });
  if (!updated) {
    throw dossierErrors.notAllowedNow();
  }
  const relation: Relation = decision.rule.by.find((r) => relations.has(r)) ?? 'system';
  const names = await agencyNames(trx, [dossier.handlingAgencyId]);
  const history = await recordChange(
    trx,
    { jobs: deps.jobs, notify: deps.notify, actor, unitId: user.kind === 'officer' ? user.unitId : null },
    {
      action: body.action,
      relation,
      before: dossier,
      after: updated,
      at,
      note: body.note ?? null,
      reasons: body.reasons ?? [],
      items: body.items ?? [],
      attachments: [
        ...(body.components ?? []).flatMap((c) => c.fileIds),
        ...(body.resultFileId ? [body.resultFileId] : []),
      ],
      outageId: outage?.id ?? null,
      procedureName: version.name,
      agencyName: names.get(dossier.handlingAgencyId)?.name ?? '',
    },
  );
  await result.after?.(history, updated);
  return updated;
}
