// The warnings job (R36, HP Đ14): recomputes the stored colour of each open dossier (appointment)
// and of its current step, and writes one reminder per step and level when a step becomes due soon
// (under one working day left) or overdue: shown in the officer's worklist and, in the same
// transaction, an e-mail in the outbox (notifications) to the officer's work address.
import { sql } from 'kysely';
import { todayInVietnam } from '../../domain/time/vietnam-date.ts';
import { type WorkingCalendar, warningLevel } from '../../domain/working-time/index.ts';
import type { Db } from '../../platform/db/database.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import { calendarFor } from '../dossiers/dossier-context.ts';
import { type NotifyDeps, queueNotification } from '../notifications/notifications.service.ts';

/** Where reminder e-mails go; without it (seeding, tests of colours only) reminders stay in-app. */
export interface ReminderMail {
  jobs: JobQueue;
  notify: NotifyDeps;
}

type Level = 'normal' | 'due_soon' | 'overdue';

function levelOf(calendar: WorkingCalendar, now: Date, due: Date | null): Level {
  if (!due) {
    return 'normal';
  }
  const w = warningLevel(calendar, now.getTime(), new Date(due).getTime());
  if (!w.ok) {
    return 'normal';
  }
  return w.value.level === 'dueSoon' ? 'due_soon' : w.value.level;
}

export async function recomputeWarnings(
  db: Db,
  now = new Date(),
  mail?: ReminderMail,
): Promise<{ checked: number; changed: number; reminders: number; emails: number }> {
  const horizon = new Date(now.getTime() + 5 * 86_400_000);
  const rows = await db
    .selectFrom('dossiers as d')
    .leftJoin('dossierSteps as s', (join) =>
      join.onRef('s.dossierId', '=', 'd.id').on('s.completedAt', 'is', null),
    )
    .select([
      'd.id',
      'd.code',
      'd.handlingAgencyId',
      'd.dueAt',
      'd.stepDueAt',
      'd.warning',
      'd.stepWarning',
      'd.currentAssigneeId',
      'd.procedureVersionId',
      's.id as stepId',
    ])
    .where('d.status', 'in', [2, 4, 6])
    .where((eb) =>
      eb.or([
        eb('d.dueAt', '<', horizon),
        eb('d.stepDueAt', '<', horizon),
        eb('d.warning', '<>', 'normal'),
        eb('d.stepWarning', '<>', 'normal'),
      ]),
    )
    .execute();
  const today = todayInVietnam(now);
  const calendars = new Map<string, WorkingCalendar | null>();
  let changed = 0;
  let reminders = 0;
  let emails = 0;
  for (const row of rows) {
    if (!calendars.has(row.handlingAgencyId)) {
      calendars.set(
        row.handlingAgencyId,
        (await calendarFor(db, row.handlingAgencyId, today).catch(() => null))?.calendar ?? null,
      );
    }
    const calendar = calendars.get(row.handlingAgencyId);
    if (!calendar) {
      continue;
    }
    const warning = levelOf(calendar, now, row.dueAt);
    const stepWarning = levelOf(calendar, now, row.stepDueAt);
    if (warning !== row.warning || stepWarning !== row.stepWarning) {
      changed += 1;
      await db.updateTable('dossiers').set({ warning, stepWarning }).where('id', '=', row.id).execute();
      if (row.stepId !== null) {
        await db
          .updateTable('dossierSteps')
          .set({ warning: stepWarning })
          .where('id', '=', row.stepId)
          .execute();
      }
    }
    if (stepWarning !== 'normal' && row.stepId !== null && row.currentAssigneeId) {
      const sent = await remind(db, mail, {
        officerId: row.currentAssigneeId,
        dossierId: row.id,
        code: row.code,
        procedureVersionId: row.procedureVersionId,
        stepId: row.stepId,
        stepDueAt: row.stepDueAt,
        level: stepWarning,
      });
      reminders += sent.created ? 1 : 0;
      emails += sent.emails;
    }
  }
  return { checked: rows.length, changed, reminders, emails };
}

/** One reminder per step and level (unique), with its e-mail queued in the same transaction. */
async function remind(
  db: Db,
  mail: ReminderMail | undefined,
  r: {
    officerId: string;
    dossierId: string;
    code: string;
    procedureVersionId: string;
    stepId: number;
    stepDueAt: Date | null;
    level: 'due_soon' | 'overdue';
  },
): Promise<{ created: boolean; emails: number }> {
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('officerReminders')
      .values({
        id: crypto.randomUUID(),
        officerId: r.officerId,
        dossierId: r.dossierId,
        stepId: r.stepId,
        level: r.level,
        message:
          r.level === 'overdue'
            ? `Hồ sơ ${r.code} đã quá hạn xử lý ở bước của bạn.`
            : `Hồ sơ ${r.code} còn dưới một ngày làm việc ở bước của bạn.`,
      })
      .onConflict((oc) => oc.columns(['stepId', 'level']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted || !mail) {
      return { created: inserted !== undefined, emails: 0 };
    }
    const officer = await trx
      .selectFrom('users')
      .select(['email', 'status'])
      .where('id', '=', r.officerId)
      .executeTakeFirst();
    const version = await trx
      .selectFrom('procedureVersions')
      .select('name')
      .where('id', '=', r.procedureVersionId)
      .executeTakeFirst();
    if (!officer?.email || officer.status !== 'active') {
      return { created: true, emails: 0 };
    }
    const queued = await queueNotification(trx, mail.jobs, mail.notify, {
      event: r.level === 'overdue' ? 'step_overdue' : 'step_due_soon',
      eventKey: `reminder-${inserted.id}`,
      dossierId: r.dossierId,
      lang: 'vi',
      recipients: [{ channel: 'email', address: officer.email }],
      params: {
        code: r.code,
        procedureName: version?.name ?? '',
        agencyName: '',
        dossierId: r.dossierId,
        ...(r.stepDueAt ? { dueAt: new Date(r.stepDueAt) } : {}),
      },
    });
    return { created: true, emails: queued.queued.length };
  });
}

/** Unread reminders of an officer (newest first). */
export async function remindersOf(db: Db, officerId: string) {
  return db
    .selectFrom('officerReminders')
    .selectAll()
    .where('officerId', '=', officerId)
    .where('readAt', 'is', null)
    .orderBy(sql`created_at desc`)
    .limit(50)
    .execute();
}
