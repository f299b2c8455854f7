// The invariant checker of the crash harness (security goal 29, security-goals.md §4.1), run on the
// database after every crash and restart, against the client's ledger of acknowledged requests.
import type pg from 'pg';
import type { Ledger } from './traffic.ts';

export interface Violations {
  /** Acknowledged submissions (201) whose dossier is missing or carries another code. */
  missingSubmissions: number;
  /** Acknowledged actions (200) with no history row of that action and resulting status. */
  missingActions: number;
  /** Dossiers whose status or sub-status differs from their last history row, or without history. */
  statusMismatch: number;
  /** Dossiers whose history sequence has a gap or a duplicate. */
  historyGaps: number;
  /** History rows (status changes) without their national-portal sync outbox row (R26). */
  changesWithoutSyncOutbox: number;
  /** History rows that notify the applicant (R37) but have no queued notification. */
  changesWithoutNotification: number;
  /** History rows without their audit record. */
  changesWithoutAudit: number;
  /** Unit-days whose dossier codes are not exactly 1…n with n = the counter (duplicates or gaps). */
  codeGapsOrDuplicates: number;
  /** Tracking-book volumes whose lines are not exactly 1…n with n = the counter (migration 0018), and
   * slip series (per agency, kind, year) whose numbers are not 1…n. */
  bookOrSlipNumberGaps: number;
}

export interface CheckResult {
  violations: Violations;
  dossiers: number;
  historyRows: number;
  examples: string[];
}

const count = async (pool: pg.Pool, text: string, values: unknown[] = []) =>
  Number((await pool.query<{ n: string }>(text, values)).rows[0]?.n ?? 0);

/**
 * `seeded`: the demo dossiers present before the traffic started. The demo seed writes their history
 * directly (no audit, sync or notification rows: nothing happened to real people), so the outbox and
 * audit checks skip them; status, history and code checks cover every dossier.
 */
export async function checkInvariants(pool: pg.Pool, ledger: Ledger, seeded: string[]): Promise<CheckResult> {
  const examples: string[] = [];
  const acked = [...ledger.submissions.values()];
  const { rows: found } = await pool.query<{ id: string; code: string }>(
    'select id, code from dossiers where id = any($1::uuid[])',
    [acked.map((s) => s.id)],
  );
  const codeOf = new Map(found.map((r) => [r.id, r.code]));
  const missing = acked.filter((s) => codeOf.get(s.id) !== s.code);
  examples.push(...missing.slice(0, 3).map((s) => `missing submission ${s.id} ${s.code} (key ${s.key})`));

  const { rows: history } = await pool.query<{ dossier_id: string; action: string; status_after: number }>(
    'select dossier_id, action, status_after from dossier_history where dossier_id = any($1::uuid[])',
    [[...new Set(ledger.actions.map((a) => a.dossierId))]],
  );
  const seen = new Set(history.map((h) => `${h.dossier_id}/${h.action}/${h.status_after}`));
  const lostActions = ledger.actions.filter((a) => !seen.has(`${a.dossierId}/${a.action}/${a.status}`));
  examples.push(...lostActions.slice(0, 3).map((a) => `lost action ${a.action} on ${a.dossierId}`));

  const violations: Violations = {
    missingSubmissions: missing.length,
    missingActions: lostActions.length,
    statusMismatch: await count(
      pool,
      `select count(*) as n from dossiers d
       left join lateral (select status_after, sub_status_after from dossier_history h
                          where h.dossier_id = d.id order by seq desc limit 1) last on true
       where last.status_after is distinct from d.status or last.sub_status_after is distinct from d.sub_status`,
    ),
    historyGaps: await count(
      pool,
      `select count(*) as n from (select dossier_id from dossier_history group by dossier_id
       having max(seq) <> count(*) or count(distinct seq) <> count(*) or min(seq) <> 1) g`,
    ),
    changesWithoutSyncOutbox: await count(
      pool,
      `select count(*) as n from dossier_history h
       where not (h.dossier_id = any($1::uuid[]))
         and not exists (select 1 from national_sync_outbox o where o.history_id = h.id)`,
      [seeded],
    ),
    // dossier-events.ts NOTIFY_ON: the actions this harness drives and the event each queues.
    changesWithoutNotification: await count(
      pool,
      `select count(*) as n from (
         select h.dossier_id, e.event, count(*) as changes from dossier_history h
         join (values ('receive','received'),('accept','received'),('refuse','refused'),
                      ('request_completion','completion_requested')) e(action, event) on e.action = h.action
         join dossiers d on d.id = h.dossier_id and jsonb_array_length(d.notify) > 0
         where not (h.dossier_id = any($1::uuid[]))
         group by h.dossier_id, e.event) c
       where c.changes > (select count(*) from notifications n
                          where n.dossier_id = c.dossier_id and n.event = c.event)`,
      [seeded],
    ),
    changesWithoutAudit: await count(
      pool,
      `select count(*) as n from dossier_history h
       where not (h.dossier_id = any($1::uuid[]))
         and not exists (select 1 from audit_log a where a.resource_type = 'dossier'
                         and a.resource_id = h.dossier_id::text and a.action = 'dossier.' || h.action
                         and (a.details->>'historySeq')::int = h.seq)`,
      [seeded],
    ),
    codeGapsOrDuplicates: await count(
      pool,
      `select count(*) as n from (
         select c.last_value, count(d.id) as issued, count(distinct d.code) as distinct_codes,
                coalesce(max(right(d.code, 4)::int), 0) as highest
         from dossier_code_counters c
         left join dossiers d on d.code like c.agency_code || '-' || to_char(c.day::date, 'YYMMDD') || '-%'
         group by c.agency_code, c.day, c.last_value) u
       where issued <> last_value or distinct_codes <> last_value or highest <> last_value`,
    ),
    bookOrSlipNumberGaps: await count(
      pool,
      `select count(*) as n from (
         select c.last_value, count(d.id) as issued, count(distinct d.book_line) as distinct_lines,
                coalesce(max(d.book_line), 0) as highest
           from document_number_counters c
           left join dossiers d on d.receiving_agency_id = c.agency_id and d.book_volume = c.period
          where c.series = 'tracking_book'
          group by c.agency_id, c.period, c.last_value
         union all
         select c.last_value, count(n.history_id), count(distinct n.seq), coalesce(max(n.seq), 0)
           from document_number_counters c
           left join dossier_document_numbers n
             on n.agency_id = c.agency_id and n.kind = c.series and n.period = c.period
          where c.series not in ('tracking_book')
          group by c.agency_id, c.series, c.period, c.last_value) u
       where issued <> last_value or distinct_lines <> last_value or highest <> last_value`,
    ),
  };
  return {
    violations,
    dossiers: await count(pool, 'select count(*) as n from dossiers'),
    historyRows: await count(pool, 'select count(*) as n from dossier_history'),
    examples,
  };
}

export const totalViolations = (v: Violations): number => Object.values(v).reduce((a, b) => a + b, 0);
