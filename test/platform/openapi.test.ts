// The API contract: every route is declared with its schemas (goal 12), and the committed
// docs/openapi.json is exactly what the code declares (CI fails on drift; fix with npm run openapi).
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from '../helpers/test-system.ts';

interface Operation {
  tags?: string[];
  summary?: string;
  responses?: Record<string, unknown>;
  requestBody?: unknown;
}

let system: TestSystem;
let document: { openapi: string; paths: Record<string, Record<string, Operation>> };

beforeAll(async () => {
  system = await startTestSystem();
  const response = await system.app.inject({ url: '/api/openapi.json' });
  expect(response.statusCode).toBe(200);
  document = JSON.parse(response.body);
});
afterAll(async () => system?.close());

describe('OpenAPI document', () => {
  it('is OpenAPI 3 and matches the committed docs/openapi.json', () => {
    expect(document.openapi).toMatch(/^3\./);
    const committed = JSON.parse(
      fs.readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8'),
    );
    expect(document, 'docs/openapi.json is stale: run `npm run openapi` and commit it').toEqual(committed);
  });

  it('[goal 12] every operation has a tag, a bilingual summary and declared responses', () => {
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
    );
    expect(operations.length).toBeGreaterThan(3);
    for (const { path, method, operation } of operations) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(operation.tags?.length, `${where} has no tag`).toBeGreaterThan(0);
      expect(operation.summary, `${where} has no summary`).toMatch(/ \/ /);
      expect(Object.keys(operation.responses ?? {}), `${where} declares no response`).not.toHaveLength(0);
      if (path.startsWith('/api/') && ['post', 'put', 'patch'].includes(method)) {
        expect(Object.keys(operation.responses ?? {}), `${where} must declare its 400 answer`).toContain(
          '400',
        );
      }
    }
  });
});
