// The difference between two versions of a procedure, field by field (R4: "a diff between
// versions is shown"). Works on plain JSON values: objects are compared key by key, arrays of
// objects with a `key` are matched by key (a dossier component moved is not "everything changed"),
// other arrays position by position.

export type DiffKind = 'added' | 'removed' | 'changed';

export interface DiffEntry {
  /** Dotted path, e.g. "fees[0].amountVnd" or "components[giay-chung-sinh].quantity". */
  path: string;
  kind: DiffKind;
  before?: unknown;
  after?: unknown;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function keyOf(value: unknown): string | undefined {
  return isObject(value) && typeof value.key === 'string' ? value.key : undefined;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) {
    return true;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      if (!deepEqual(a[key], b[key])) {
        return false;
      }
    }
    return true;
  }
  return false;
}

function walk(before: unknown, after: unknown, path: string, out: DiffEntry[]): void {
  if (deepEqual(before, after)) {
    return;
  }
  if (before === undefined) {
    out.push({ path, kind: 'added', after });
    return;
  }
  if (after === undefined) {
    out.push({ path, kind: 'removed', before });
    return;
  }
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const key of keys) {
      walk(before[key], after[key], path ? `${path}.${key}` : key, out);
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const keyed = [...before, ...after].every((item) => keyOf(item) !== undefined);
    if (keyed) {
      const beforeByKey = new Map(before.map((item) => [keyOf(item) as string, item]));
      const afterByKey = new Map(after.map((item) => [keyOf(item) as string, item]));
      const keys = [...new Set([...beforeByKey.keys(), ...afterByKey.keys()])];
      for (const key of keys) {
        walk(beforeByKey.get(key), afterByKey.get(key), `${path}[${key}]`, out);
      }
      return;
    }
    const length = Math.max(before.length, after.length);
    for (let i = 0; i < length; i++) {
      walk(before[i], after[i], `${path}[${i}]`, out);
    }
    return;
  }
  out.push({ path, kind: 'changed', before, after });
}

/** Every difference from `before` to `after`; empty exactly when the two are equal as JSON. */
export function diffVersions(before: unknown, after: unknown): DiffEntry[] {
  const out: DiffEntry[] = [];
  walk(before, after, '', out);
  return out;
}

export type { Json };
