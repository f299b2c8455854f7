// Which version of a procedure is in force on a day, and what publishing or abolishing does to the
// timeline (R4; legal digest §0 "rules are versioned with effective dates"). A version is in force on
// day D when it has been published and effectiveFrom <= D < effectiveTo (open-ended when null).
// Publishing a version with a future effective date leaves the current one in force until that day;
// abolishing closes the timeline (no new dossiers), while dossiers already received keep their version.

export type VersionStatus = 'draft' | 'published' | 'superseded' | 'abolished';

export interface VersionTimelineEntry {
  id: string;
  number: number;
  status: VersionStatus;
  /** 'yyyy-mm-dd'; null while a draft. */
  effectiveFrom: string | null;
  /** 'yyyy-mm-dd', exclusive; null while open-ended. */
  effectiveTo: string | null;
}

const CIVIL_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function isCivilDate(value: string): boolean {
  if (!CIVIL_DATE.test(value)) {
    return false;
  }
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function isPublished<T extends VersionTimelineEntry>(v: T): v is T & { effectiveFrom: string } {
  return v.status !== 'draft' && v.effectiveFrom !== null;
}

/** The version in force on `onDate` ('yyyy-mm-dd'), or undefined (not yet published, or abolished). */
export function versionInForce<T extends VersionTimelineEntry>(
  versions: readonly T[],
  onDate: string,
): T | undefined {
  let best: (T & { effectiveFrom: string }) | undefined;
  for (const version of versions) {
    if (!isPublished(version)) {
      continue;
    }
    if (version.effectiveFrom > onDate || (version.effectiveTo !== null && version.effectiveTo <= onDate)) {
      continue;
    }
    // The timeline never overlaps when built by planPublication; if data did overlap, the latest
    // effective date (then the highest number) wins, which is what a later decision means.
    if (
      !best ||
      version.effectiveFrom > best.effectiveFrom ||
      (version.effectiveFrom === best.effectiveFrom && version.number > best.number)
    ) {
      best = version;
    }
  }
  return best;
}

/** The published version that will come into force after `onDate`, if one is scheduled. */
export function upcomingVersion<T extends VersionTimelineEntry>(
  versions: readonly T[],
  onDate: string,
): T | undefined {
  return versions
    .filter(isPublished)
    .filter((v) => v.effectiveFrom > onDate)
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1))[0];
}

export interface TimelineChange {
  id: string;
  status: VersionStatus;
  effectiveTo: string | null;
}

export type PublicationPlan =
  | { ok: true; changes: TimelineChange[] }
  | {
      ok: false;
      reason: 'NO_DRAFT' | 'ABOLISHED' | 'NOT_AFTER_LATEST' | 'DECISION_AFTER_EFFECTIVE' | 'INVALID_DATE';
    };

export interface PublicationInput {
  decisionDate: string;
  effectiveFrom: string;
}

/**
 * Publishing the draft: it takes effect on `effectiveFrom`, which must come after the latest
 * published version's start; that version (and any other open-ended one) ends the day before, i.e.
 * its exclusive end is `effectiveFrom`. Versions already closed keep their dates.
 */
export function planPublication(
  versions: readonly VersionTimelineEntry[],
  input: PublicationInput,
  abolished: boolean,
): PublicationPlan {
  if (!isCivilDate(input.decisionDate) || !isCivilDate(input.effectiveFrom)) {
    return { ok: false, reason: 'INVALID_DATE' };
  }
  if (abolished) {
    return { ok: false, reason: 'ABOLISHED' };
  }
  const draft = versions.find((v) => v.status === 'draft');
  if (!draft) {
    return { ok: false, reason: 'NO_DRAFT' };
  }
  if (input.decisionDate > input.effectiveFrom) {
    return { ok: false, reason: 'DECISION_AFTER_EFFECTIVE' };
  }
  const published = versions.filter(isPublished);
  if (published.some((v) => v.effectiveFrom >= input.effectiveFrom)) {
    return { ok: false, reason: 'NOT_AFTER_LATEST' };
  }
  const changes: TimelineChange[] = published
    .filter((v) => v.effectiveTo === null || v.effectiveTo > input.effectiveFrom)
    .map((v) => ({ id: v.id, status: 'superseded', effectiveTo: input.effectiveFrom }));
  changes.push({ id: draft.id, status: 'published', effectiveTo: null });
  return { ok: true, changes };
}

export type AbolitionPlan =
  | { ok: true; changes: TimelineChange[] }
  | {
      ok: false;
      reason:
        | 'NOT_PUBLISHED'
        | 'ABOLISHED'
        | 'NOT_AFTER_LATEST'
        | 'DECISION_AFTER_EFFECTIVE'
        | 'INVALID_DATE';
    };

/**
 * Abolishing from `effectiveFrom`: no version is in force from that day (new dossiers are refused),
 * while dossiers received earlier keep their version id and finish under it.
 */
export function planAbolition(
  versions: readonly VersionTimelineEntry[],
  input: PublicationInput,
  abolished: boolean,
): AbolitionPlan {
  if (!isCivilDate(input.decisionDate) || !isCivilDate(input.effectiveFrom)) {
    return { ok: false, reason: 'INVALID_DATE' };
  }
  if (abolished) {
    return { ok: false, reason: 'ABOLISHED' };
  }
  if (input.decisionDate > input.effectiveFrom) {
    return { ok: false, reason: 'DECISION_AFTER_EFFECTIVE' };
  }
  const published = versions.filter(isPublished);
  if (published.length === 0) {
    return { ok: false, reason: 'NOT_PUBLISHED' };
  }
  if (published.some((v) => v.effectiveFrom >= input.effectiveFrom)) {
    return { ok: false, reason: 'NOT_AFTER_LATEST' };
  }
  const changes: TimelineChange[] = published
    .filter((v) => v.effectiveTo === null || v.effectiveTo > input.effectiveFrom)
    .map((v) => ({ id: v.id, status: 'abolished', effectiveTo: input.effectiveFrom }));
  return { ok: true, changes };
}

/** Applies a plan to a timeline (used by tests and by the pack import's dry run). */
export function applyChanges<T extends VersionTimelineEntry>(
  versions: readonly T[],
  changes: readonly TimelineChange[],
  effectiveFrom?: string,
): T[] {
  return versions.map((v) => {
    const change = changes.find((c) => c.id === v.id);
    if (!change) {
      return v;
    }
    const becomesPublished = v.status === 'draft' && change.status === 'published';
    return {
      ...v,
      status: change.status,
      effectiveTo: change.effectiveTo,
      effectiveFrom: becomesPublished ? (effectiveFrom ?? v.effectiveFrom) : v.effectiveFrom,
    };
  });
}
