// The agency tree on the client: order for display (parents before children, indented) and the
// agencies inside a user's administration scope (the server decides; this only trims choices).

import { compareVietnamese } from '../../../src/domain/text/vietnamese.ts';
import type { Agency, LoginResponse } from '../../api/accounts.ts';

export interface TreeRow {
  agency: Agency;
  depth: number;
}

export function treeRows(agencies: Agency[]): TreeRow[] {
  const children = new Map<string | null, Agency[]>();
  const ids = new Set(agencies.map((a) => a.id));
  for (const agency of agencies) {
    const parent = agency.parentId && ids.has(agency.parentId) ? agency.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), agency]);
  }
  const rows: TreeRow[] = [];
  const walk = (parent: string | null, depth: number) => {
    // The server's order (sort order, then code) is kept within one parent.
    for (const agency of children.get(parent) ?? []) {
      rows.push({ agency, depth });
      walk(agency.id, depth + 1);
    }
  };
  walk(null, 0);
  return rows;
}

export function pathOf(byId: Map<string, Agency>, id: string): string[] {
  const path: string[] = [];
  for (let at: string | null = id; at && path.length < 20; at = byId.get(at)?.parentId ?? null) {
    path.push(at);
  }
  return path;
}

const ADMIN_ROLES = ['system_admin', 'unit_admin'];

/** Agencies where the user may manage accounts (system administrators: all). */
export function manageableAgencies(session: LoginResponse, agencies: Agency[]): Agency[] {
  const grants = session.user.grants.filter((g) => ADMIN_ROLES.includes(g.role));
  if (grants.some((g) => g.role === 'system_admin' || g.scopeId === null)) {
    return agencies;
  }
  const byId = new Map(agencies.map((a) => [a.id, a]));
  return agencies.filter((a) => pathOf(byId, a.id).some((id) => grants.some((g) => g.scopeId === id)));
}

export function indentedLabel(row: TreeRow): string {
  return `${'\u00a0\u00a0'.repeat(row.depth)}${row.agency.name}`;
}

export const byVietnameseName = (a: { name: string }, b: { name: string }) =>
  compareVietnamese(a.name, b.name);
