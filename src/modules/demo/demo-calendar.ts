// Demo data for the working calendar (tỉnh An Hòa, fictional): the province's Public Administration
// Service Centre also receives dossiers on Saturday mornings, so it has its own calendar (hours only;
// public holidays stay the province's). Shows an agency calendar at work in the due-date tool.
import type { Transaction } from 'kysely';
import { DEFAULT_WEEKLY_SCHEDULE } from '../../domain/working-time/index.ts';
import type { Database } from '../../platform/db/schema.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { SYSTEM_ACTOR } from '../auth/actor.ts';
import { insertCalendar, insertVersion } from '../calendar/calendar-changes.repository.ts';

const CENTRE = '000.00.06.H99';

export async function seedDemoCalendar(
  trx: Transaction<Database>,
  agencyIds: Map<string, string>,
): Promise<void> {
  const centre = agencyIds.get(CENTRE);
  if (!centre) {
    return;
  }
  const calendarId = await insertCalendar(trx, centre);
  const versionId = await insertVersion(trx, {
    calendarId,
    effectiveFrom: '2025-07-01',
    dailyWorkingMinutes: 480,
    note: 'Dữ liệu trình diễn: Trung tâm tiếp nhận hồ sơ cả sáng thứ Bảy, 07:00–11:30',
    weekly: { ...DEFAULT_WEEKLY_SCHEDULE, sat: [{ start: 7 * 60, end: 11 * 60 + 30 }] },
    createdBy: null,
  });
  await appendAudit(trx, {
    ...SYSTEM_ACTOR,
    action: 'calendar.create',
    resourceType: 'working_calendar',
    resourceId: calendarId,
    details: { agency: CENTRE, versionId, demo: true },
  });
}
