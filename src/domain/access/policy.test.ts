import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  allowedActions,
  can,
  canAny,
  canGrantRole,
  type Grant,
  PROVINCIAL_ROLES,
  ROLE_PERMISSIONS,
  scopeFor,
} from './policy.ts';
import { OFFICER_ROLES } from './roles.ts';

// A random agency forest: node i's parent is a random earlier node (or none).
const forest = fc
  .array(fc.nat(), { minLength: 2, maxLength: 25 })
  .map((picks) => picks.map((pick, index) => (index === 0 || pick % 4 === 0 ? null : pick % index)));

function pathOf(parents: Array<number | null>, node: number): string[] {
  const path: string[] = [];
  for (let at: number | null = node; at !== null; at = parents[at] ?? null) {
    path.push(`a${at}`);
  }
  return path;
}

const grantArb = (size: number) =>
  fc.record({
    role: fc.constantFrom(...OFFICER_ROLES, 'citizen', 'unknown_role'),
    scopeId: fc.option(
      fc.nat({ max: size - 1 }).map((n) => `a${n}`),
      { nil: null, freq: 5 },
    ),
  });

describe('[R10, goal 7] authorisation policy: role × action × scope, deny by default', () => {
  it('no grants, no permission: every action is denied everywhere', () => {
    for (const action of ACTIONS) {
      expect(canAny([], action)).toBe(false);
      expect(can([], action, { agencyPath: ['x'] })).toBe(false);
      expect(scopeFor([], action)).toEqual({ kind: 'none' });
    }
  });

  it('a grant on an agency covers its units, not its parent nor its siblings', () => {
    const grants: Grant[] = [{ role: 'specialist', scopeId: 'stp' }];
    expect(can(grants, 'dossier.process', { agencyPath: ['stp'] })).toBe(true);
    expect(can(grants, 'dossier.process', { agencyPath: ['stp.p1', 'stp', 'province'] })).toBe(true);
    expect(can(grants, 'dossier.process', { agencyPath: ['province'] })).toBe(false);
    expect(can(grants, 'dossier.process', { agencyPath: ['sxd', 'province'] })).toBe(false);
    expect(can(grants, 'user.manage', { agencyPath: ['stp'] })).toBe(false);
  });

  it('provincial roles cover the whole province whatever scope they were granted on', () => {
    for (const role of PROVINCIAL_ROLES) {
      const grants: Grant[] = [{ role, scopeId: 'somewhere' }];
      for (const action of ROLE_PERMISSIONS[role]) {
        expect(can(grants, action, { agencyPath: ['elsewhere'] })).toBe(true);
        expect(scopeFor(grants, action)).toEqual({ kind: 'all' });
      }
    }
  });

  it('property: an action is allowed exactly when some grant holds it on an ancestor (or everywhere)', () => {
    fc.assert(
      fc.property(
        forest.chain((parents) =>
          fc.tuple(
            fc.constant(parents),
            fc.array(grantArb(parents.length), { maxLength: 5 }),
            fc.nat({ max: parents.length - 1 }),
            fc.constantFrom(...ACTIONS),
          ),
        ),
        ([parents, grants, node, action]) => {
          const path = pathOf(parents, node);
          const expected = grants.some((g) => {
            const perms = (ROLE_PERMISSIONS as Record<string, readonly string[] | undefined>)[g.role];
            if (!perms?.includes(action)) {
              return false;
            }
            return (
              g.scopeId === null ||
              (PROVINCIAL_ROLES as readonly string[]).includes(g.role) ||
              path.includes(g.scopeId)
            );
          });
          expect(can(grants, action, { agencyPath: path })).toBe(expected);
          // The query scope agrees with the object-level check.
          const scope = scopeFor(grants, action);
          const inScope =
            scope.kind === 'all' || (scope.kind === 'subtrees' && scope.roots.some((r) => path.includes(r)));
          expect(inScope).toBe(expected);
          // Function level is implied by object level.
          if (expected) {
            expect(canAny(grants, action)).toBe(true);
            expect(allowedActions(grants)).toContain(action);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('[R9] a unit administrator grants working roles inside its unit only, never administrator roles', () => {
    const unitAdmin: Grant[] = [{ role: 'unit_admin', scopeId: 'stp' }];
    expect(canGrantRole(unitAdmin, 'specialist', { agencyPath: ['stp.p1', 'stp'] })).toBe(true);
    expect(canGrantRole(unitAdmin, 'specialist', { agencyPath: ['sxd'] })).toBe(false);
    expect(canGrantRole(unitAdmin, 'specialist', null)).toBe(false);
    expect(canGrantRole(unitAdmin, 'unit_admin', { agencyPath: ['stp'] })).toBe(false);
    expect(canGrantRole(unitAdmin, 'system_admin', { agencyPath: ['stp'] })).toBe(false);
    expect(canGrantRole(unitAdmin, 'provincial_monitor', { agencyPath: ['stp'] })).toBe(false);
    const systemAdmin: Grant[] = [{ role: 'system_admin', scopeId: null }];
    expect(canGrantRole(systemAdmin, 'unit_admin', { agencyPath: ['sxd'] })).toBe(true);
    expect(canGrantRole(systemAdmin, 'not_a_role', null)).toBe(false);
    expect(canGrantRole([{ role: 'specialist', scopeId: null }], 'specialist', null)).toBe(false);
  });
});
