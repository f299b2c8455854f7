// The one authorisation policy of MotCua (R9–R11; goals 7–8; ASVS 8.1.1, 8.2.x): role × action ×
// scope, deny by default. A role is granted on an agency or unit (or on the whole deployment when
// its scope is null); a grant covers that agency and its whole subtree (its units). Provincial
// roles cover everything. Routes declare the action they need; the server enforces it and the UI
// reads the same matrix (GET /api/v1/auth/me) to show only what is allowed.
import { OFFICER_ROLES, type OfficerRole } from './roles.ts';

export const ACTIONS = [
  // Back-office administration
  'user.read',
  'user.manage',
  'role.grant',
  'agency.manage',
  'sector.manage',
  'site.manage',
  'audit.read',
  'outbox.read',
  // Catalogue (issue 5)
  'procedure.manage',
  // Dossiers (issues 6–7) and personal data of applicants
  'dossier.receive',
  'dossier.process',
  'dossier.review',
  'dossier.approve',
  'dossier.read',
  'citizen.read',
  // Statistics (R45)
  'statistics.read',
] as const;

export type Action = (typeof ACTIONS)[number];

/** The permission matrix as shipped: what each role may do, inside the scope it is granted on. */
export const ROLE_PERMISSIONS: Record<OfficerRole, readonly Action[]> = {
  system_admin: [
    'user.read',
    'user.manage',
    'role.grant',
    'agency.manage',
    'sector.manage',
    'site.manage',
    'audit.read',
    'outbox.read',
    'procedure.manage',
    'citizen.read',
  ],
  // R9: creates, locks and revokes accounts of its own unit and grants permissions by function.
  unit_admin: ['user.read', 'user.manage', 'role.grant'],
  desk_officer: ['dossier.receive', 'dossier.read', 'citizen.read'],
  specialist: ['dossier.process', 'dossier.read', 'citizen.read'],
  unit_head: ['dossier.review', 'dossier.read', 'citizen.read', 'statistics.read'],
  agency_leader: ['dossier.approve', 'dossier.read', 'citizen.read', 'statistics.read'],
  // R10: the procedure-control focal point maintains procedures and monitors its agency.
  procedure_control: ['procedure.manage', 'dossier.read', 'statistics.read'],
  // R10: the provincial office monitors the whole province and has a statistics account.
  provincial_monitor: ['dossier.read', 'statistics.read', 'user.read', 'audit.read'],
  statistics_viewer: ['statistics.read'],
};

/** Roles whose grant covers the whole province whatever scope they were granted with. */
export const PROVINCIAL_ROLES: readonly OfficerRole[] = ['system_admin', 'provincial_monitor'];

/** Which roles a role may hand out (no escalation: a unit administrator never makes administrators). */
export const GRANTABLE_ROLES: Partial<Record<OfficerRole, readonly OfficerRole[]>> = {
  system_admin: OFFICER_ROLES,
  unit_admin: [
    'desk_officer',
    'specialist',
    'unit_head',
    'agency_leader',
    'procedure_control',
    'statistics_viewer',
  ],
};

export interface Grant {
  role: string;
  /** agencies.id the role is granted on; null = the whole deployment. */
  scopeId: string | null;
}

/** What the policy needs of a resource: the agency it belongs to, with its ancestors. */
export interface ScopedResource {
  /** The agency itself first, then its parent, … up to the root. Empty: no agency (province-wide). */
  agencyPath: readonly string[];
}

function isOfficerRole(role: string): role is OfficerRole {
  return (OFFICER_ROLES as readonly string[]).includes(role);
}

function grantsAction(grant: Grant, action: Action): boolean {
  return isOfficerRole(grant.role) && ROLE_PERMISSIONS[grant.role].includes(action);
}

function coversEverything(grant: Grant): boolean {
  return grant.scopeId === null || (PROVINCIAL_ROLES as readonly string[]).includes(grant.role);
}

/** Function level: may the user do `action` anywhere at all? (menus, route guards) */
export function canAny(grants: readonly Grant[], action: Action): boolean {
  return grants.some((grant) => grantsAction(grant, action));
}

/** Object level: may the user do `action` on a resource of this agency? Deny by default. */
export function can(grants: readonly Grant[], action: Action, resource: ScopedResource): boolean {
  return grants.some(
    (grant) =>
      grantsAction(grant, action) &&
      (coversEverything(grant) || (grant.scopeId !== null && resource.agencyPath.includes(grant.scopeId))),
  );
}

/**
 * The rows a user may see for `action`, as a filter for queries: everything, the subtrees under
 * some roots, or nothing. The Kysely scope helper turns it into SQL.
 */
export type AgencyScope = { kind: 'all' } | { kind: 'subtrees'; roots: string[] } | { kind: 'none' };

export function scopeFor(grants: readonly Grant[], action: Action): AgencyScope {
  const relevant = grants.filter((grant) => grantsAction(grant, action));
  if (relevant.some(coversEverything)) {
    return { kind: 'all' };
  }
  const roots = [
    ...new Set(relevant.map((grant) => grant.scopeId).filter((id): id is string => id !== null)),
  ];
  return roots.length > 0 ? { kind: 'subtrees', roots: roots.sort() } : { kind: 'none' };
}

/** May a holder of `grants` grant `role` on an agency whose ancestry is `target`? */
export function canGrantRole(grants: readonly Grant[], role: string, target: ScopedResource | null): boolean {
  if (!isOfficerRole(role)) {
    return false;
  }
  return grants.some((grant) => {
    if (!isOfficerRole(grant.role) || !GRANTABLE_ROLES[grant.role]?.includes(role)) {
      return false;
    }
    if (coversEverything(grant)) {
      return true;
    }
    // A scoped granter may only grant inside its own subtree, never province-wide.
    return target !== null && grant.scopeId !== null && target.agencyPath.includes(grant.scopeId);
  });
}

/** Every action the user holds somewhere, for the UI (sorted, no duplicates). */
export function allowedActions(grants: readonly Grant[]): Action[] {
  return ACTIONS.filter((action) => canAny(grants, action));
}
