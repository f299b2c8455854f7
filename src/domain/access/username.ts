// R9 (PT Đ4.2): an officer's username is "hovaten.tendonvi": the full name without diacritics or
// spaces, a dot, the unit's short name (e.g. Nguyễn Thị Ánh at Sở Tư pháp → nguyenthianh.stp).
// When it is taken, a number is added to the name part (nguyenthianh2.stp).
import { foldVietnamese } from '../text/vietnamese.ts';

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;

export function usernameBase(fullName: string, unitShortName: string | null): string {
  const folded = foldVietnamese(fullName)
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 40);
  // Very short names (or none at all) still give a valid username.
  const name = folded.length >= 3 ? folded : `canbo${folded}`;
  const unit = unitShortName
    ? foldVietnamese(unitShortName)
        .replace(/[^a-z0-9]/g, '')
        .slice(0, 20)
    : '';
  return unit ? `${name}.${unit}` : name;
}

/** The first free username for this person and unit, given the names already taken (lower case). */
export function suggestUsername(
  fullName: string,
  unitShortName: string | null,
  isTaken: (candidate: string) => boolean,
): string {
  const base = usernameBase(fullName, unitShortName);
  const [name, unit] = base.includes('.') ? (base.split('.') as [string, string]) : [base, ''];
  for (let n = 1; ; n++) {
    const candidate = `${name}${n === 1 ? '' : n}${unit ? `.${unit}` : ''}`;
    if (!isTaken(candidate)) {
      return candidate;
    }
  }
}
