import { ensureDefaultCalendar } from '../../modules/calendar/calendar.seed.ts';
import type { Config } from '../../platform/config/config.ts';
import { migrateToLatest } from '../../platform/db/migrate.ts';
import { withDatabase } from './with-database.ts';

export async function runMigrate(config: Config, out: (line: string) => void): Promise<number> {
  const { applied, calendar } = await withDatabase(config, async (handle) => ({
    applied: await migrateToLatest(handle.db),
    // Every deployment needs its working calendar (issue 3); the server also does this at start.
    calendar: await ensureDefaultCalendar(handle.db),
  }));
  out(
    applied.length > 0
      ? `Đã áp dụng / applied: ${applied.join(', ')}`
      : 'Không có migration mới / nothing to apply',
  );
  if (calendar.created || calendar.proposedYears.length > 0) {
    out(
      `Lịch làm việc mặc định / default working calendar: ${calendar.created ? 'đã tạo / created; ' : ''}đề xuất ngày nghỉ lễ (cần quản trị xác nhận) / holiday proposal to confirm: ${calendar.proposedYears.join(', ')}`,
    );
  }
  return 0;
}
