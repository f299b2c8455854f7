// The write path of every dossier state change (architecture: "one transaction"): the history row,
// the slip's number, the audit record, the national-portal sync row and the applicant's notifications,
// all inside the caller's transaction — nothing is sent or synced unless the change commits.
import type { Transaction } from 'kysely';
import type { Relation } from '../../domain/dossier/actions.ts';
import { type DossierStatus, STATUS_NAMES } from '../../domain/dossier/status.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import { numberEvent } from '../documents/document-numbers.ts';
import type { NotificationEvent } from '../notifications/notification-defaults.ts';
import { type NotifyDeps, queueNotification } from '../notifications/notifications.service.ts';
import { appendHistory, type DossierRow, type HistoryRow } from './dossier.repository.ts';

/** Which applicant notification each action sends (R37); absent: none. */
const NOTIFY_ON: Partial<Record<string, NotificationEvent>> = {
  receive: 'received',
  accept: 'received',
  request_completion: 'completion_requested',
  refuse: 'refused',
  request_supplement: 'supplement_requested',
  apologize: 'apology',
  request_financial_obligation: 'financial_obligation',
  stop: 'stopped',
  confirm_withdrawal: 'stopped',
  confirm_result: 'result_ready',
  return_result: 'result_returned',
};

export interface ChangeContext {
  jobs: JobQueue;
  notify: NotifyDeps;
  actor: Actor;
  /** The officer's unit, for the history (null for citizens and the system). */
  unitId: string | null;
}

export interface Change {
  action: string;
  relation: Relation;
  before: DossierRow | null;
  after: DossierRow;
  /** The real time of the action (differs from now only for back-entry, R16). */
  at: Date;
  note?: string | null;
  reasons?: string[];
  items?: unknown[];
  attachments?: string[];
  outageId?: string | null;
  /** Names for the notification texts. */
  procedureName: string;
  agencyName: string;
}

/** yyyyMMddHHmmss in Vietnam time: the national portal's timestamp format (legal digest §8.2). */
export function portalTimestamp(date: Date | null): string | null {
  if (!date) {
    return null;
  }
  return new Date(date.getTime() + 7 * 3600 * 1000).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

function recipientsOf(dossier: DossierRow): Array<{ channel: 'email' | 'sms' | 'chat'; address: string }> {
  const applicant = dossier.applicant as { email?: string; phone?: string };
  const chosen = dossier.notify as Array<'email' | 'sms' | 'chat'>;
  const recipients: Array<{ channel: 'email' | 'sms' | 'chat'; address: string }> = [];
  for (const channel of chosen) {
    const address = channel === 'email' ? applicant.email : applicant.phone;
    if (address) {
      recipients.push({ channel, address });
    }
  }
  return recipients;
}

export async function recordChange(
  trx: Transaction<Database>,
  context: ChangeContext,
  change: Change,
): Promise<HistoryRow> {
  const { before, after } = change;
  const history = await appendHistory(trx, {
    dossierId: after.id,
    action: change.action,
    actorId: context.actor.actorId,
    actorLabel: context.actor.actorLabel,
    relation: change.relation,
    unitId: context.unitId,
    at: change.at,
    statusBefore: before?.status ?? null,
    statusAfter: after.status,
    subStatusBefore: before?.subStatus ?? null,
    subStatusAfter: after.subStatus,
    stepKey: after.currentStepKey,
    dueBefore: before?.dueAt ?? null,
    dueAfter: after.dueAt,
    note: change.note ?? null,
    reasons: JSON.stringify(change.reasons ?? []),
    items: JSON.stringify(change.items ?? []),
    attachments: JSON.stringify(change.attachments ?? []),
    outageId: change.outageId ?? null,
  });
  // Issue 8: the tracking-book entry of a reception, the number of the slip an event issues.
  await numberEvent(trx, after, history);
  await appendAudit(trx, {
    ...context.actor,
    at: new Date(),
    action: `dossier.${change.action}`,
    resourceType: 'dossier',
    resourceId: after.id,
    reason: change.reasons?.join('; ').slice(0, 1000) || change.note?.slice(0, 1000) || null,
    details: {
      code: after.code,
      statusBefore: before?.status ?? null,
      statusAfter: after.status,
      historySeq: history.seq,
      ...(change.outageId ? { backEntry: true, realTime: change.at.toISOString() } : {}),
    },
  });
  // R26: one sync row per history row, in order; the integration worker pushes them (legal digest §8.2).
  await trx
    .insertInto('nationalSyncOutbox')
    .values({
      dossierId: after.id,
      historyId: history.id,
      payload: JSON.stringify({
        MaHoSo: after.code,
        TrangThaiHoSo: after.status,
        NgayNopHoSo: portalTimestamp(after.submittedAt),
        NgayTiepNhan: portalTimestamp(after.receivedAt),
        NgayHenTra: portalTimestamp(after.dueAt),
        NgayKetThucXuLy: portalTimestamp(after.resultAt),
        NgayTra: portalTimestamp(after.returnedAt),
        KenhThucHien:
          after.channel === 'online' || after.channel === 'assisted' ? 2 : after.channel === 'postal' ? 3 : 1,
        QuaTrinhXuLy: {
          NguoiXuLy: context.actor.actorLabel.slice(0, 50),
          ThoiDiemXuLy: portalTimestamp(change.at),
          NoiDungXuLy: [change.action, change.note].filter(Boolean).join(': ').slice(0, 1000),
          TrangThai: after.status,
          NgayKetThucTheoQuyDinh: portalTimestamp(after.stepDueAt ?? after.dueAt),
        },
      }),
    })
    .execute();
  const event = NOTIFY_ON[change.action];
  if (event) {
    const recipients = recipientsOf(after);
    if (recipients.length > 0) {
      await queueNotification(trx, context.jobs, context.notify, {
        event,
        eventKey: `history-${history.id}`,
        dossierId: after.id,
        lang: after.lang,
        recipients,
        params: {
          code: after.code,
          procedureName: change.procedureName,
          agencyName: change.agencyName,
          statusName: STATUS_NAMES[after.status as DossierStatus].vi,
          ...(after.dueAt ? { dueAt: after.dueAt } : {}),
          ...(change.action === 'apologize' && after.dueAt ? { newDueAt: after.dueAt } : {}),
          ...(change.reasons?.length ? { reason: change.reasons.join('; ') } : {}),
        },
      });
    }
  }
  return history;
}
