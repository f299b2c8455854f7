// Goals 7–8 (R10): the policy is enforced over HTTP. A fast-check property generates officers with
// random working and unit-administrator roles in one agency and shows that no account
// administration action on another agency's officers succeeds: the cross-agency matrix is empty.
// Runs on PGlite and on the PostgreSQL server (npm run test:pg).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFICER_ROLES } from '../../src/domain/access/roles.ts';
import { agencyIdsByCode, createTestOfficer, loginWithTotp } from '../helpers/accounts.ts';
import { JSON_HEADERS, startTestSystem, type TestSystem } from '../helpers/test-system.ts';

let system: TestSystem;
let agencies: Map<string, string>;
/** Top-level agency code → the codes in its subtree (itself and its units). */
const TREES: Record<string, string[]> = {
  '000.00.06.H99': ['000.00.06.H99'],
  '000.00.11.H99': ['000.00.11.H99', '000.01.11.H99', '000.02.11.H99', '000.03.11.H99'],
  '000.00.12.H99': ['000.00.12.H99', '000.01.12.H99', '000.02.12.H99'],
  '000.00.13.H99': ['000.00.13.H99', '000.01.13.H99', '000.02.13.H99'],
  '000.00.51.H99': ['000.00.51.H99'],
  '000.00.52.H99': ['000.00.52.H99'],
};
const TOP = Object.keys(TREES);
const LOCAL_ROLES = OFFICER_ROLES.filter((r) => r !== 'system_admin' && r !== 'provincial_monitor');

interface Actor {
  top: string;
  cookie: string;
}
const actors: Actor[] = [];
const targets: Array<{ id: string; top: string; unitId: string }> = [];

const id = (code: string) => agencies.get(code) as string;

beforeAll(async () => {
  system = await startTestSystem();
  agencies = await agencyIdsByCode(system);
  // One target officer in every unit of every agency.
  for (const top of TOP) {
    for (const [n, code] of (TREES[top] ?? []).entries()) {
      const userId = await createTestOfficer(system, {
        username: `muctieu${TOP.indexOf(top)}x${n}`,
        unitId: id(code),
        roles: [{ role: 'specialist', scopeId: id(code) }],
        totp: false,
      });
      targets.push({ id: userId, top, unitId: id(code) });
    }
  }
  // Generated actors: random local roles, each granted on their agency or one of its units.
  const generated = fc.sample(
    fc.record({
      top: fc.constantFrom(...TOP),
      grants: fc.array(fc.record({ role: fc.constantFrom(...LOCAL_ROLES), unit: fc.nat() }), {
        minLength: 1,
        maxLength: 4,
      }),
    }),
    { numRuns: 12, seed: 2026 },
  );
  for (const [n, spec] of generated.entries()) {
    const subtree = TREES[spec.top] ?? [];
    // Most actors also administer their own agency, so refusals come from the scope, not the role.
    const roles = [
      ...(n % 3 === 0 ? [] : [{ role: 'unit_admin', scopeId: id(spec.top) }]),
      ...spec.grants.map((g) => ({ role: g.role, scopeId: id(subtree[g.unit % subtree.length] as string) })),
    ];
    const unique = [...new Map(roles.map((r) => [`${r.role}@${r.scopeId}`, r])).values()];
    await createTestOfficer(system, { username: `tacnhan${n}`, unitId: id(spec.top), roles: unique });
    actors.push({ top: spec.top, cookie: await loginWithTotp(system, `tacnhan${n}`) });
  }
});
afterAll(async () => system?.close());

const call = (cookie: string, method: string, url: string, payload?: unknown) =>
  system.app.inject({
    method: method as 'GET',
    url,
    headers: { ...JSON_HEADERS, cookie },
    ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
  });

type Target = (typeof targets)[number];
const OPERATIONS: Array<{ name: string; run: (cookie: string, t: Target) => ReturnType<typeof call> }> = [
  { name: 'read', run: (c, t) => call(c, 'GET', `/api/v1/admin/users/${t.id}`) },
  { name: 'update', run: (c, t) => call(c, 'PATCH', `/api/v1/admin/users/${t.id}`, { fullName: 'Đổi tên' }) },
  {
    name: 'grant',
    run: (c, t) =>
      call(c, 'PUT', `/api/v1/admin/users/${t.id}/roles`, {
        roles: [{ role: 'unit_head', scopeId: t.unitId }],
      }),
  },
  { name: 'lock', run: (c, t) => call(c, 'POST', `/api/v1/admin/users/${t.id}/lock`, {}) },
  { name: 'unlock', run: (c, t) => call(c, 'POST', `/api/v1/admin/users/${t.id}/unlock`, {}) },
  { name: 'reset-password', run: (c, t) => call(c, 'POST', `/api/v1/admin/users/${t.id}/reset-password`) },
  { name: 'reset-totp', run: (c, t) => call(c, 'POST', `/api/v1/admin/users/${t.id}/reset-totp`) },
  {
    name: 'create-in',
    run: (c, t) =>
      call(c, 'POST', '/api/v1/admin/users', {
        fullName: 'Người Lạ',
        email: null,
        phone: null,
        unitId: t.unitId,
        roles: [],
      }),
  },
  {
    name: 'suggest-in',
    run: (c, t) => call(c, 'GET', `/api/v1/admin/users/username-suggestion?fullName=An&unitId=${t.unitId}`),
  },
  { name: 'list-unit', run: (c, t) => call(c, 'GET', `/api/v1/admin/users?unitId=${t.unitId}`) },
];

async function snapshot() {
  const db = system.database.db;
  const users = await db
    .selectFrom('users')
    .select([
      'id',
      'username',
      'fullName',
      'unitId',
      'status',
      'passwordHash',
      'totpSecret',
      'mustChangePassword',
    ])
    .orderBy('id')
    .execute();
  const roles = await db
    .selectFrom('userRoles')
    .select(['userId', 'role', 'scopeId'])
    .orderBy('userId')
    .execute();
  return JSON.stringify({ users, roles: roles.map((r) => `${r.userId}/${r.role}/${r.scopeId}`).sort() });
}

describe('[goal 7, goal 8, R10] cross-agency matrix (property over generated officers)', () => {
  it('no account-administration action on another agency’s officer succeeds, and nothing changes', async () => {
    const before = await snapshot();
    const matrix: Record<string, number> = {};
    let attempts = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: actors.length - 1 }),
        fc.nat({ max: 1000 }),
        fc.constantFrom(...OPERATIONS),
        async (a, pick, operation) => {
          const actor = actors[a] as Actor;
          const foreign = targets.filter((t) => t.top !== actor.top);
          const target = foreign[pick % foreign.length] as Target;
          const response = await operation.run(actor.cookie, target);
          attempts++;
          if (operation.name === 'list-unit' && response.statusCode === 200) {
            // A filter on a foreign unit is answered, but with nobody in it.
            expect(JSON.parse(response.body).items).toEqual([]);
            return;
          }
          if (response.statusCode < 400) {
            matrix[operation.name] = (matrix[operation.name] ?? 0) + 1;
          }
          expect([403, 404], `${operation.name} → ${response.statusCode} ${response.body}`).toContain(
            response.statusCode,
          );
        },
      ),
      { numRuns: 300, seed: 42 },
    );
    expect(matrix).toEqual({});
    expect(attempts).toBe(300);
    expect(await snapshot()).toBe(before);
  });

  it('every listing holds only officers of the caller’s own agency subtree', async () => {
    const topOf = new Map(targets.map((t) => [t.id, t.top]));
    for (const actor of actors) {
      const response = await call(actor.cookie, 'GET', '/api/v1/admin/users?pageSize=200');
      if (response.statusCode === 403) {
        continue; // no role granting user.read: nothing to list at all
      }
      expect(response.statusCode).toBe(200);
      const items = JSON.parse(response.body).items as Array<{ id: string; unitId: string | null }>;
      const allowed = new Set((TREES[actor.top] ?? []).map(id));
      const foreign = items.filter((u) => !u.unitId || !allowed.has(u.unitId));
      expect(foreign).toEqual([]);
      expect(items.filter((u) => topOf.get(u.id) === actor.top).length).toBe((TREES[actor.top] ?? []).length);
    }
  });
});
