// Reading dossiers: work lists scoped by the one policy (goal 8), the detail view, the paged history
// (detail payloads stay small whatever the history length, goal 39), and the transactional entry
// points for creation and actions (idempotent with a client key, goal 28).

import { type Expression, type SqlBool, sql } from 'kysely';
import { scopeFor } from '../../domain/access/policy.ts';
import { foldVietnamese } from '../../domain/text/vietnamese.ts';
import { todayInVietnam } from '../../domain/time/vietnam-date.ts';
import { dataProtection } from '../../platform/crypto/data-protection.ts';
import { runIdempotent } from '../../platform/idempotency/idempotency.ts';
import type { Actor, CurrentUser } from '../auth/actor.ts';
import { calendarRevisionsOf } from '../calendar/calendar.repository.ts';
import { inAgencyScope } from '../organisation/agency-scope.ts';
import { actionLabel } from './action-labels.ts';
import {
  countHistory,
  type DossierRow,
  findOpenRequest,
  listDossierFiles,
  listHistory,
} from './dossier.repository.ts';
import type { ActionBody, CreateDossierBody, DossierDetail } from './dossier.schemas.ts';
import { calendarOf, calendarsOfRows, type DossierDeps, versionOf } from './dossier-context.ts';
import { looksLikeIdNumber, revealDossier } from './dossier-protection.ts';
import { iso, SUMMARY_COLUMNS, statusNameOf, toSummary } from './dossier-view.ts';
import { createDossier } from './use-cases/create-dossier.ts';
import { loadForUser, performAction } from './use-cases/perform-action.ts';

export type Queue =
  | 'mine'
  | 'online_new'
  | 'completion_pending'
  | 'to_process'
  | 'withdrawal'
  | 'processing'
  | 'all';

export async function dossierDetail(deps: DossierDeps, dossier: DossierRow): Promise<DossierDetail> {
  const version = await versionOf(deps.db, dossier);
  const [agency, ruleSet, files, open, historyCount] = await Promise.all([
    deps.db
      .selectFrom('agencies')
      .select('code')
      .where('id', '=', dossier.receivingAgencyId)
      .executeTakeFirstOrThrow(),
    deps.db
      .selectFrom('ruleSets')
      .select(['code', 'settings'])
      .where('id', '=', dossier.ruleSetId)
      .executeTakeFirstOrThrow(),
    listDossierFiles(deps.db, dossier.id),
    findOpenRequest(deps.db, dossier.id),
    countHistory(deps.db, dossier.id),
  ]);
  const calendar = await calendarOf(deps.db, dossier).catch(() => null);
  return {
    ...toSummary(dossier, {
      procedureName: version.name,
      receivingAgencyCode: agency.code,
      calendar,
      now: deps.now(),
    }),
    procedureVersionId: dossier.procedureVersionId,
    ruleSetCode: ruleSet.code,
    formSet: ruleSet.settings.formSet === 'tt01_2018' ? ('tt01_2018' as const) : ('tt03_2025' as const),
    handlingAgencyId: dossier.handlingAgencyId,
    receivingAgencyId: dossier.receivingAgencyId,
    ...(await revealDossier(deps.db, {
      applicant: dossier.applicant,
      owner: dossier.owner,
      formData: dossier.formData,
    })),
    delivery: dossier.delivery,
    notify: dossier.notify as Array<'email' | 'sms' | 'chat'>,
    fees: dossier.fees,
    files: files.map((f) => ({
      componentKey: f.componentKey,
      fileId: f.fileId,
      name: f.name,
      size: Number(f.size),
      sha256: f.sha256,
      superseded: f.supersededByHistoryId !== null,
    })),
    openRequest: open
      ? {
          id: open.id,
          kind: open.kind,
          items: open.items as Array<{ name: string }>,
          note: open.note,
          requestedAt: new Date(open.requestedAt).toISOString(),
          status: open.status,
          clockPolicy: open.clockPolicy,
        }
      : null,
    clockStartedAt: iso(dossier.clockStartedAt),
    resultAt: iso(dossier.resultAt),
    returnedAt: iso(dossier.returnedAt),
    apologyCount: dossier.apologyCount,
    currentStepKey: dossier.currentStepKey,
    currentAssigneeId: dossier.currentAssigneeId,
    stepDueAt: iso(dossier.stepDueAt),
    backEntered: dossier.backEntered,
    historyCount,
  };
}

function queueFilter(queue: Queue, user: CurrentUser): Expression<SqlBool> {
  const receive = scopeFor(user.roles, 'dossier.receive');
  switch (queue) {
    case 'online_new':
      return sql<SqlBool>`(d.status = 1 and ${inAgencyScope('d.receiving_agency_id', receive)})`;
    case 'completion_pending':
      return sql<SqlBool>`(d.status = 5 and d.sub_status = 'completion_requested')`;
    case 'to_process':
      return sql<SqlBool>`d.status = 2`;
    case 'withdrawal':
      return sql<SqlBool>`d.status = 7`;
    case 'processing':
      return sql<SqlBool>`d.status in (4, 5, 6)`;
    default:
      return sql<SqlBool>`true`;
  }
}

export async function listDossiers(
  deps: DossierDeps,
  user: CurrentUser,
  query: { queue?: Queue; q?: string; status?: number; page?: number; pageSize?: number },
) {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const queue: Queue = query.queue ?? (user.kind === 'officer' ? 'all' : 'mine');
  let base = deps.db
    .selectFrom('dossiers as d')
    .innerJoin('procedureVersions as v', 'v.id', 'd.procedureVersionId')
    .innerJoin('agencies as a', 'a.id', 'd.receivingAgencyId');
  if (user.kind !== 'officer' || queue === 'mine') {
    base = base.where('d.applicantUserId', '=', user.id);
  } else {
    const read = scopeFor(user.roles, 'dossier.read');
    base = base.where(
      sql<SqlBool>`(${inAgencyScope('d.receiving_agency_id', read)} or ${inAgencyScope('d.handling_agency_id', read)} or d.current_assignee_id = ${user.id})`,
    );
    base = base.where(queueFilter(queue, user));
  }
  if (query.status !== undefined) {
    base = base.where('d.status', '=', query.status);
  }
  if (query.q?.trim()) {
    const needle = foldVietnamese(query.q);
    const idNumber = query.q.replace(/\s/g, '');
    base = base.where((eb) =>
      eb.or([
        eb('d.code', '=', query.q?.trim().toUpperCase() ?? ''),
        eb('d.searchText', 'like', `%${needle.replace(/[%_\\]/g, '\\$&')}%`),
        // ID numbers are stored encrypted: an exact number is found through its blind index.
        ...(looksLikeIdNumber(idNumber)
          ? [
              sql<SqlBool>`d.id_number_bidx @> array[${dataProtection().blindIndex('cccd', idNumber)}]::text[]`,
            ]
          : []),
      ]),
    );
  }
  const order =
    queue === 'online_new'
      ? sql`d.reception_due_at asc nulls last`
      : sql`d.due_at asc nulls last, d.submitted_at desc`;
  // The colour follows the reception clock of the receiving agency while awaiting reception (status 1).
  const clockAgency = sql<string>`case when d.status = 1 then d.receiving_agency_id else d.handling_agency_id end`;
  // The count and the page are independent: on a server they run side by side on two connections.
  const [total, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    base
      .select(SUMMARY_COLUMNS)
      .select(['v.name as procedureName', 'a.code as receivingAgencyCode', clockAgency.as('agencyId')])
      .select(calendarRevisionsOf(clockAgency).as('calendarRevisions'))
      .orderBy(order)
      .orderBy('d.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
  ]);
  const calendars = await calendarsOfRows(deps.db, rows, todayInVietnam(deps.now()));
  return {
    items: rows.map((row) =>
      toSummary(row, {
        procedureName: row.procedureName,
        receivingAgencyCode: row.receivingAgencyCode,
        calendar: calendars.get(row.agencyId) ?? null,
        now: deps.now(),
      }),
    ),
    total: Number(total.n),
    page,
    pageSize,
  };
}

export async function dossierHistory(deps: DossierDeps, dossier: DossierRow, page: number, pageSize: number) {
  const rows = await listHistory(deps.db, dossier.id, page, pageSize);
  const actorIds = [...new Set(rows.map((row) => row.actorId).filter((id) => id !== null))];
  const officers = actorIds.length
    ? await deps.db
        .selectFrom('users')
        .select(['id', 'fullName'])
        .where('id', 'in', actorIds)
        .where('kind', '=', 'officer')
        .execute()
    : [];
  const officerName = new Map(officers.map((o) => [o.id, o.fullName]));
  return {
    items: rows.map((row) => ({
      seq: row.seq,
      action: row.action,
      actionName: actionLabel(row.action),
      actorLabel: row.actorLabel,
      actorName: (row.actorId && officerName.get(row.actorId)) ?? null,
      relation: row.relation,
      at: new Date(row.at).toISOString(),
      statusBefore: row.statusBefore,
      statusAfter: row.statusAfter,
      subStatusAfter: row.subStatusAfter,
      note: row.note,
      reasons: row.reasons as string[],
      items: row.items,
      dueAfter: iso(row.dueAfter),
      backEntered: row.outageId !== null,
    })),
    total: await countHistory(deps.db, dossier.id),
    page,
    pageSize,
  };
}

export async function submitDossier(
  deps: DossierDeps,
  user: CurrentUser,
  actor: Actor,
  body: CreateDossierBody,
  key: string | undefined,
) {
  return runIdempotent(deps.db, { scope: `${user.id}:create-dossier`, key, request: body }, async (trx) => {
    const created = await createDossier(deps, trx, user, actor, body);
    return { status: 201, body: { id: created.id } };
  });
}

export async function actOnDossier(
  deps: DossierDeps,
  user: CurrentUser,
  actor: Actor,
  dossierId: string,
  body: ActionBody,
  key: string | undefined,
) {
  return runIdempotent(
    deps.db,
    { scope: `${user.id}:dossier-action:${dossierId}`, key, request: body },
    async (trx) => {
      const updated = await performAction(deps, trx, user, actor, dossierId, body);
      return { status: 200, body: { id: updated.id } };
    },
  );
}

export { loadForUser, statusNameOf };
