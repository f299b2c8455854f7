// Security goal 12: every route validates its input with a schema and answers bad input with a
// structured 4xx (code, message {vi, en}, field), never a 5xx and never internals.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JSON_HEADERS, loginAs, startTestSystem, type TestSystem } from '../helpers/test-system.ts';

let system: TestSystem;
let adminCookie: string;

beforeAll(async () => {
  system = await startTestSystem();
  adminCookie = await loginAs(system, 'quantri', 'Demo@2026');
});
afterAll(async () => system?.close());

function expectStructuredError(body: string, status: number) {
  const parsed = JSON.parse(body) as { code: string; message: { vi: string; en: string } };
  expect(status).toBeGreaterThanOrEqual(400);
  expect(status).toBeLessThan(500);
  expect(parsed.code).toMatch(/^[A-Z_]+$/);
  expect(parsed.message.vi.length).toBeGreaterThan(0);
  expect(parsed.message.en.length).toBeGreaterThan(0);
  expect(body).not.toMatch(/at .*\.ts:\d+|node_modules|stack/i);
  return parsed;
}

describe('bad input gets a clear 4xx', () => {
  it('malformed JSON → 400 MALFORMED_JSON', async () => {
    const response = await system.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: JSON_HEADERS,
      payload: '{"username": "a",',
    });
    expect(response.statusCode).toBe(400);
    expect(expectStructuredError(response.body, response.statusCode).code).toBe('MALFORMED_JSON');
  });

  it('wrong types → 400 VALIDATION naming the field', async () => {
    const response = await system.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: JSON_HEADERS,
      payload: { username: 'quantri', password: 12345678 },
    });
    const error = expectStructuredError(response.body, response.statusCode) as {
      code: string;
      field?: string;
    };
    expect(response.statusCode).toBe(400);
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'password' });
  });

  it('missing and unknown fields → 400 VALIDATION', async () => {
    const missing = await system.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: JSON_HEADERS,
      payload: { username: 'quantri' },
    });
    expect(JSON.parse(missing.body)).toMatchObject({ code: 'VALIDATION', field: 'password' });
    const unknown = await system.app.inject({
      method: 'PUT',
      url: '/api/v1/admin/site',
      headers: { ...JSON_HEADERS, cookie: adminCookie },
      payload: {
        name: { vi: 'A', en: 'A' },
        provinceName: { vi: 'B', en: 'B' },
        hotline: null,
        email: null,
        isAdmin: true,
      },
    });
    expect(unknown.statusCode).toBe(400);
    expect(JSON.parse(unknown.body)).toMatchObject({ code: 'VALIDATION', field: 'isAdmin' });
  });

  it('oversize body → 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await system.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: JSON_HEADERS,
      payload: JSON.stringify({ username: 'x', password: 'y'.repeat(2 * 1024 * 1024) }),
    });
    expect(response.statusCode).toBe(413);
    expect(expectStructuredError(response.body, response.statusCode).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('unsupported content types (XML, plain text) → 415', async () => {
    const text = await system.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'text/plain', 'x-requested-with': 'motcua' },
      payload: '{"username":"quantri","password":"Demo@2026"}',
    });
    expect(text.statusCode).toBe(415);
    const response = await system.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/xml', 'x-requested-with': 'motcua' },
      payload: '<login><username>quantri</username></login>',
    });
    expect(response.statusCode).toBe(415);
    expectStructuredError(response.body, response.statusCode);
  });

  it('prototype pollution payloads are refused', async () => {
    const response = await system.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: JSON_HEADERS,
      payload: '{"username":"a","password":"b","__proto__":{"isAdmin":true}}',
    });
    expect(response.statusCode).toBe(400);
    expectStructuredError(response.body, response.statusCode);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('unknown API paths → JSON 404, unknown methods too', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/khong-co'],
      ['DELETE', '/api/v1/site'],
      ['GET', '/api/v1/site/..%2f..%2fetc%2fpasswd'],
    ] as const) {
      const response = await system.app.inject({ method, url, headers: { 'x-requested-with': 'motcua' } });
      expect(response.statusCode).toBe(404);
      expect(expectStructuredError(response.body, response.statusCode).code).toBe('NOT_FOUND');
    }
  });

  it('fuzz: 2,000 hostile bodies to every body route → 0 responses ≥ 500', async () => {
    const routes = [
      { method: 'POST' as const, url: '/api/v1/auth/login', cookie: '' },
      { method: 'PUT' as const, url: '/api/v1/admin/site', cookie: adminCookie },
    ];
    const hostileString = fc.oneof(
      fc.string(),
      fc.constantFrom(
        '',
        ' ',
        '\u0000',
        '\r\nSet-Cookie: x=1',
        "' OR 1=1 --",
        '<script>alert(1)</script>',
        'Nguyễn Văn A',
      ),
      fc.string({ unit: 'grapheme', maxLength: 300 }),
    );
    const body = fc.oneof(
      fc.json(),
      hostileString,
      fc.record({ username: fc.anything(), password: fc.anything() }),
      fc.record({
        name: fc.anything(),
        provinceName: fc.anything(),
        hotline: fc.anything(),
        email: fc.anything(),
      }),
    );
    let serverErrors = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), body, async (route, payload) => {
        const response = await system.app.inject({
          method: route.method,
          url: route.url,
          headers: { ...JSON_HEADERS, ...(route.cookie ? { cookie: route.cookie } : {}) },
          payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
        });
        if (response.statusCode >= 500) {
          serverErrors++;
        }
        return response.statusCode < 500;
      }),
      { numRuns: 2000 },
    );
    expect(serverErrors).toBe(0);
  });
});
