// [R38, goal 10] Public lookup: status by code, masked name, no personal data, rate-limited per IP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskName } from '../../src/modules/lookup/lookup.service.ts';
import { onlineSubmission, postDossier } from '../helpers/dossiers.ts';
import { loginAs, startTestSystem, type TestSystem } from '../helpers/test-system.ts';

let system: TestSystem;
let code: string;

beforeAll(async () => {
  system = await startTestSystem();
  const citizen = await loginAs(system, '0912345678', 'Demo@2026');
  const created = await postDossier(system, citizen, await onlineSubmission(system, citizen, 'AH-LLTP-01'));
  code = created.body.code;
});
afterAll(async () => system?.close());

const lookup = (value: string, ip = '203.0.113.7') =>
  system.app.inject({ url: `/api/v1/lookup/${encodeURIComponent(value)}`, remoteAddress: ip });

describe('[R38, goal 10] public lookup', () => {
  it('answers status, procedure and a masked name, and nothing personal', async () => {
    const response = await lookup(code);
    expect(response.statusCode).toBe(200);
    const body = JSON.parse(response.body);
    expect(body).toMatchObject({
      code,
      status: 1,
      statusName: { vi: 'Mới đăng ký' },
      procedureName: expect.stringContaining('lý lịch tư pháp'),
    });
    expect(body.applicantName).toMatch(/^\S\*+( \S\*+)*$/);
    expect(response.body).not.toMatch(/0912345678|001090012345|@/);
    expect(body.steps.map((s: { action: string }) => s.action)).toEqual(['submit']);
  });

  it('tolerates spaces and lower case; unknown and malformed codes get the same 404', async () => {
    expect((await lookup(` ${code.toLowerCase()} `, '203.0.113.8')).statusCode).toBe(200);
    const unknown = await lookup('000.00.06.H99-260101-9999', '203.0.113.8');
    const garbage = await lookup("' OR 1=1 --", '203.0.113.8');
    expect(unknown.statusCode).toBe(404);
    expect(garbage.statusCode).toBe(404);
    expect(JSON.parse(unknown.body).code).toBe('LOOKUP_NOT_FOUND');
  });

  it('refuses more than 30 lookups a minute from one address with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++) {
      statuses.push(
        (await lookup(`000.00.06.H99-260101-${String(i + 1).padStart(4, '0')}`, '198.51.100.9')).statusCode,
      );
    }
    expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
    const limited = await lookup(code, '198.51.100.9');
    expect(limited.headers['retry-after']).toBeDefined();
    expect((await lookup(code, '198.51.100.10')).statusCode).toBe(200);
  });

  it('masks each word to its first letter', () => {
    expect(maskName('Nguyễn Văn An')).toBe('N***** V** A*');
    expect(maskName('  Đỗ  B ')).toBe('Đ* B*');
  });
});
