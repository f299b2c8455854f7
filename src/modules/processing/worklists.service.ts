// Worklists per role (R36, HP Đ14): my dossiers to process, my unit's, waiting for my signature,
// due soon, overdue, waiting for the applicant, waiting to return — scoped by the one policy
// (goal 8), with the colour of the appointment and of the step, and counts per queue in one query.
import { type Expression, type SqlBool, sql } from 'kysely';
import { scopeFor } from '../../domain/access/policy.ts';
import { foldVietnamese } from '../../domain/text/vietnamese.ts';
import { todayInVietnam } from '../../domain/time/vietnam-date.ts';
import { warningLevel } from '../../domain/working-time/index.ts';
import type { CurrentUser } from '../auth/actor.ts';
import { calendarRevisionsOf } from '../calendar/calendar.repository.ts';
import type { DossierRow } from '../dossiers/dossier.repository.ts';
import { calendarsOfRows, type DossierDeps } from '../dossiers/dossier-context.ts';
import { iso, SUMMARY_COLUMNS, toSummary } from '../dossiers/dossier-view.ts';
import { inAgencyScope } from '../organisation/agency-scope.ts';

export const WORKLISTS = [
  'mine',
  'unit',
  'signature',
  'due_soon',
  'overdue',
  'waiting_applicant',
  'to_return',
] as const;
export type Worklist = (typeof WORKLISTS)[number];

const OPEN = sql`d.status in (2, 4, 6)`;
export const COUNT_CAP = 10_000;

function scoped(user: CurrentUser): Expression<SqlBool> {
  const read = scopeFor(user.roles, 'dossier.read');
  return sql<SqlBool>`(${inAgencyScope('d.receiving_agency_id', read)} or ${inAgencyScope('d.handling_agency_id', read)} or ${inAgencyScope('d.current_unit_id', read)} or d.current_assignee_id = ${user.id}
    or exists (select 1 from dossier_steps s where s.dossier_id = d.id and s.holder_id = ${user.id}))`;
}

/**
 * Lists of the user's own assignments: scoped() always admits them (its last clauses), so these
 * lists skip it. Its three agency subtrees cost more to plan than the list costs to run (goal 36).
 */
const OWN_ASSIGNMENTS: ReadonlySet<Worklist> = new Set(['mine', 'signature']);

function mineOrUnit(user: CurrentUser): Expression<SqlBool> {
  const unit = user.unitId
    ? sql`d.current_unit_id in (
        with recursive subtree(id) as (
          select id from agencies where id = ${user.unitId}
          union select child.id from agencies child join subtree on child.parent_id = subtree.id
        ) select id from subtree)`
    : sql`false`;
  return sql<SqlBool>`(d.current_assignee_id = ${user.id} or ${unit})`;
}

export function worklistFilter(list: Worklist, user: CurrentUser, now: Date): Expression<SqlBool> {
  switch (list) {
    case 'mine':
      return sql<SqlBool>`(d.current_assignee_id = ${user.id} and ${OPEN})`;
    case 'unit':
      return sql<SqlBool>`(${mineOrUnit(user)} and d.status in (2, 4, 5, 6))`;
    case 'signature':
      return sql<SqlBool>`(d.current_assignee_id = ${user.id} and d.status = 4 and d.sub_status = 'awaiting_signature')`;
    case 'due_soon':
      return sql<SqlBool>`(${mineOrUnit(user)} and ${OPEN} and (d.warning = 'due_soon' or d.step_warning = 'due_soon'))`;
    case 'overdue':
      return sql<SqlBool>`(${mineOrUnit(user)} and ${OPEN} and (d.due_at < ${now} or d.step_due_at < ${now}))`;
    case 'waiting_applicant':
      return sql<SqlBool>`(d.status = 5 and d.sub_status = 'supplement_requested' or d.status = 6)`;
    case 'to_return':
      return sql<SqlBool>`(d.status = 9 or (d.status = 4 and d.sub_status = 'result_approved'))`;
  }
}

/**
 * Counts per list, each capped like the lists' totals: COUNT_CAP + 1 means "more than COUNT_CAP".
 * A unit holding hundreds of thousands of open dossiers then costs at most COUNT_CAP + 1 rows per
 * list instead of a scan of all of them (bench/worklist).
 */
export async function worklistCounts(
  deps: DossierDeps,
  user: CurrentUser,
): Promise<Record<Worklist, number>> {
  const now = deps.now();
  const columns = WORKLISTS.map(
    (list) => sql`(select count(*)::int from (
        select 1 from dossiers d
        where d.status in (2, 4, 5, 6, 9) and ${OWN_ASSIGNMENTS.has(list) ? sql`true` : scoped(user)}
          and ${worklistFilter(list, user, now)}
        limit ${COUNT_CAP + 1}) capped) as ${sql.ref(`n${WORKLISTS.indexOf(list)}`)}`,
  );
  const { rows } = await sql<Record<string, number>>`select ${sql.join(columns)}`.execute(deps.db);
  // Positional aliases (n0…n6): the database plugin camel-cases result names, so due_soon would come back as dueSoon.
  return Object.fromEntries(WORKLISTS.map((l, i) => [l, Number(rows[0]?.[`n${i}`] ?? 0)])) as Record<
    Worklist,
    number
  >;
}

export async function worklist(
  deps: DossierDeps,
  user: CurrentUser,
  query: { list: Worklist; page?: number; pageSize?: number; q?: string },
) {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const now = deps.now();
  let base = deps.db
    .selectFrom('dossiers as d')
    .innerJoin('procedureVersions as v', 'v.id', 'd.procedureVersionId')
    .innerJoin('agencies as a', 'a.id', 'd.receivingAgencyId')
    .leftJoin('users as u', 'u.id', 'd.currentAssigneeId')
    .$if(!OWN_ASSIGNMENTS.has(query.list), (q) => q.where(scoped(user)))
    .where(worklistFilter(query.list, user, now));
  const needle = query.q?.trim();
  if (needle) {
    base = base.where((eb) =>
      eb.or([
        eb('d.code', '=', needle.toUpperCase()),
        eb('d.searchText', 'like', `%${foldVietnamese(needle).replace(/[%_\\]/g, '\\$&')}%`),
      ]),
    );
  }
  // Counted up to a cap: a unit's list can hold hundreds of thousands of dossiers (bench/worklist).
  // The count and the page are independent: on a server they run side by side on two connections.
  const [total, rows] = await Promise.all([
    deps.db
      .selectFrom(
        base
          .select(sql`1`.as('one'))
          .limit(COUNT_CAP + 1)
          .as('capped'),
      )
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    base
      .select(SUMMARY_COLUMNS)
      .select(['d.handlingAgencyId', 'd.currentStepKey', 'd.stepDueAt', 'd.apologyCount'])
      .select(['v.name as procedureName', 'a.code as receivingAgencyCode', 'u.fullName as assigneeName'])
      // Each row's calendar revisions come with it: cached calendars then need no further query.
      .select(calendarRevisionsOf(sql.ref('d.handlingAgencyId')).as('calendarRevisions'))
      .orderBy(sql`coalesce(d.step_due_at, d.due_at) asc nulls last`)
      .orderBy('d.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
  ]);
  const calendars = await calendarsOfRows(
    deps.db,
    rows.map((row) => ({ agencyId: row.handlingAgencyId, calendarRevisions: row.calendarRevisions })),
    todayInVietnam(now),
  );
  return {
    items: rows.map((row) => {
      const calendar = calendars.get(row.handlingAgencyId) ?? null;
      return {
        ...toSummary(row, {
          procedureName: row.procedureName,
          receivingAgencyCode: row.receivingAgencyCode,
          calendar,
          now,
        }),
        currentStepKey: row.currentStepKey,
        assigneeName: row.assigneeName,
        stepDueAt: iso(row.stepDueAt),
        stepWarning: stepWarningOf(row, calendar, now),
        apologyCount: row.apologyCount,
      };
    }),
    total: Number(total.n),
    totalCapped: Number(total.n) > COUNT_CAP,
    page,
    pageSize,
  };
}

export function stepWarningOf(
  row: Pick<DossierRow, 'status' | 'stepDueAt'>,
  calendar: Parameters<typeof warningLevel>[0] | null,
  now: Date,
): 'overdue' | 'dueSoon' | 'normal' | null {
  // Status 9 included: the desk holds the return step until the result is handed over (R36).
  if (!row.stepDueAt || !calendar || ![2, 4, 6, 9].includes(row.status)) {
    return null;
  }
  const w = warningLevel(calendar, now.getTime(), new Date(row.stepDueAt).getTime());
  return w.ok ? w.value.level : null;
}
