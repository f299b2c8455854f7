// Vietnam civil time is UTC+7 with no daylight saving (Asia/Ho_Chi_Minh since 1975); a civil date
// is computed from the instant itself, never from the server process's time zone (goal 37).
import { formatIsoDate, localDayOf } from '../working-time/civil-time.ts';

export function todayInVietnam(now: Date = new Date()): string {
  return formatIsoDate(localDayOf(now.getTime()));
}
