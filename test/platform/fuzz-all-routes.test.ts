// Security goal 12 across the whole API: every route, fed hostile bodies, query strings and path
// parameters by a signed-in administrator and by an anonymous caller, answers 4xx or 2xx — never a
// 5xx and never a stack trace. Routes are read from the live route inventory, so new routes are
// fuzzed without editing this file.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JSON_HEADERS, loginAs, startTestSystem, type TestSystem } from '../helpers/test-system.ts';

let system: TestSystem;
let admin: string;

beforeAll(async () => {
  system = await startTestSystem({ MOTCUA_RATE_LIMIT: '10000000', MOTCUA_LOGIN_RATE_LIMIT: '10000000' });
  admin = await loginAs(system, 'quantri', 'Demo@2026');
});
afterAll(async () => system?.close());

const SKIP = new Set([
  // Signs the caller out: would end the administrator's session half-way through the run.
  'POST /api/v1/auth/logout',
]);

const hostile = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\r\nX: y',
    "' OR 1=1 --",
    '<script>alert(1)</script>',
    '../../etc/passwd',
    'Nguyễn Văn A',
    '%00',
    '{{7*7}}',
    '9'.repeat(400),
  ),
  fc.string({ maxLength: 60 }),
  fc.uuid(),
);
const value = fc.oneof(
  hostile,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostile, { maxLength: 3 }),
);
const body = fc.oneof(
  fc.json({ maxDepth: 3 }),
  hostile,
  fc.dictionary(
    fc.constantFrom(
      'username',
      'password',
      'name',
      'code',
      'action',
      'items',
      'procedureId',
      'fileIds',
      'date',
      'year',
      'from',
      'to',
      'reason',
      'note',
      '__proto__',
      'constructor',
    ),
    value,
    { maxKeys: 6 },
  ),
);

function fill(url: string, pick: string): string {
  return url.replace(/:[A-Za-z]+/g, () => encodeURIComponent(pick));
}

describe('[goal 12] every route refuses hostile input without a 5xx', () => {
  it('fuzzes every API route with hostile bodies, queries and path parameters', async () => {
    const routes = system.app.routeInventory.filter((r) => !SKIP.has(`${r.method} ${r.url}`));
    expect(routes.length).toBeGreaterThan(50);
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        body,
        fc.oneof(fc.uuid(), hostile),
        fc.dictionary(fc.string({ maxLength: 10 }), hostile, { maxKeys: 3 }),
        fc.boolean(),
        async (route, payload, param, query, signedIn) => {
          const qs = new URLSearchParams(query as Record<string, string>).toString();
          const response = await system.app.inject({
            method: route.method as 'GET',
            url: `${fill(route.url, String(param))}${qs ? `?${qs}` : ''}`,
            headers: { ...JSON_HEADERS, ...(signedIn ? { cookie: admin } : {}) },
            ...(route.method === 'GET' || route.method === 'DELETE'
              ? {}
              : { payload: typeof payload === 'string' ? payload : JSON.stringify(payload) }),
          });
          if (response.statusCode >= 500 || /at .*\.ts:\d+|node_modules/.test(response.body)) {
            failures.push(
              `${route.method} ${route.url} → ${response.statusCode} ${response.body.slice(0, 200)}`,
            );
          }
          return true;
        },
      ),
      { numRuns: 10_000 },
    );
    expect(failures.slice(0, 10)).toEqual([]);
  }, 600_000);
});
