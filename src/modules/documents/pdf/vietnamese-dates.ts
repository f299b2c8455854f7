// Dates and times as Vietnamese administrative documents print them, always in Vietnam time
// (goal 37). NĐ 30/2020 Phụ lục I: days below 10 and months 1 and 2 take a leading zero.
import { civilOf, formatDateVn, localDayOf, msOfLocalDay } from '../../../domain/working-time/civil-time.ts';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** "ngày 05 tháng 5 năm 2026" (place-and-date line). */
export function formatPlaceDate(at: Date): string {
  const c = civilOf(localDayOf(at.getTime()));
  const month = c.month <= 2 ? pad2(c.month) : String(c.month);
  return `ngày ${pad2(c.day)} tháng ${month} năm ${c.year}`;
}

/** "08 giờ 30 phút, ngày 05/05/2026" (reception and appointment times on the slips). */
export function formatTimeAndDate(at: Date): string {
  const ms = msOfLocalDay(at.getTime());
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor(ms / 60_000) % 60;
  return `${pad2(hours)} giờ ${pad2(minutes)} phút, ngày ${formatDateVn(localDayOf(at.getTime()))}`;
}

/** "05/05/2026". */
export function formatDate(at: Date): string {
  return formatDateVn(localDayOf(at.getTime()));
}

/** "05/05/2026 08:30" (compact, for table cells). */
export function formatDateTimeShort(at: Date): string {
  const ms = msOfLocalDay(at.getTime());
  return `${formatDate(at)} ${pad2(Math.floor(ms / 3_600_000))}:${pad2(Math.floor(ms / 60_000) % 60)}`;
}
