// The warnings job (R36, HP Đ14): recomputes the stored colour of each open dossier (appointment)
// and of its current step, and writes one reminder per step and level into the officers' outbox
// when a step becomes due soon (under one working day left) or overdue.
import { sql } from 'kysely';
import { todayInVietnam } from '../../domain/time/vietnam-date.ts';
import { type WorkingCalendar, warningLevel } from '../../domain/working-time/index.ts';
import type { Db } from '../../platform/db/database.ts';
import { calendarFor } from '../dossiers/dossier-context.ts';

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
): Promise<{ checked: number; changed: number; reminders: number }> {
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
      const inserted = await db
        .insertInto('officerReminders')
        .values({
          id: crypto.randomUUID(),
          officerId: row.currentAssigneeId,
          dossierId: row.id,
          stepId: row.stepId,
          level: stepWarning,
          message:
            stepWarning === 'overdue'
              ? `Hồ sơ ${row.code} đã quá hạn xử lý ở bước của bạn.`
              : `Hồ sơ ${row.code} còn dưới một ngày làm việc ở bước của bạn.`,
        })
        .onConflict((oc) => oc.columns(['stepId', 'level']).doNothing())
        .returning('id')
        .executeTakeFirst();
      reminders += inserted ? 1 : 0;
    }
  }
  return { checked: rows.length, changed, reminders };
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
