// Display helpers for catalogue data: VND, dd/mm/yyyy, time limits — one place for both apps.
import type { Messages } from '../i18n/vi.ts';

const vnd = new Intl.NumberFormat('vi-VN');

export function formatVnd(amount: number): string {
  return `${vnd.format(amount)} đ`;
}

/** 'yyyy-mm-dd' → 'dd/mm/yyyy' (a civil date: never through Date, no time zone can shift it). */
export function formatDate(date: string | null | undefined): string {
  if (!date) {
    return '';
  }
  const [y, m, d] = date.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

export function timeLimitText(
  c: Messages['catalogue'],
  time: {
    value: number;
    unit: 'working_days' | 'working_hours' | 'calendar_days' | 'immediate';
    onlineValue: number | null;
  },
): string {
  const main = c.units[time.unit](time.value);
  if (time.onlineValue === null || time.onlineValue === time.value || time.unit === 'immediate') {
    return main;
  }
  return `${main} (${c.onlineTime(c.units[time.unit](time.onlineValue))})`;
}

export function feeText(c: Messages['catalogue'], amount: number | null): string {
  if (amount === null) {
    return c.feeByTable;
  }
  return amount === 0 ? c.free : formatVnd(amount);
}
