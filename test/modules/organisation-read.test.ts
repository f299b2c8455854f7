// The public organisation reads (R1): the demo province's agencies with their identifier codes,
// filters, one agency by code, and agencies that are no longer valid (merged in 2025) hidden by default.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENCY_CODE_PATTERN } from '../../src/domain/dossier/dossier-code.ts';
import { startTestSystem, type TestSystem } from '../helpers/test-system.ts';

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(async () => system?.close());

const get = async (url: string) => {
  const response = await system.app.inject({ url });
  return { status: response.statusCode, body: JSON.parse(response.body) };
};

describe('[R1] agencies directory', () => {
  it('lists the demo province: centre, departments, six communes, all with valid H99 codes', async () => {
    const { status, body } = await get('/api/v1/agencies');
    expect(status).toBe(200);
    const codes = body.items.map((a: { code: string }) => a.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        '000.00.00.H99',
        '000.00.06.H99',
        '000.00.11.H99',
        '000.00.12.H99',
        '000.00.13.H99',
      ]),
    );
    for (const code of codes) {
      expect(code).toMatch(AGENCY_CODE_PATTERN);
      expect(code.endsWith('.H99')).toBe(true);
    }
    const communes = (await get('/api/v1/agencies?level=commune')).body.items;
    expect(communes).toHaveLength(6);
    const stp = body.items.find((a: { shortName: string }) => a.shortName === 'stp');
    const centre = body.items.find((a: { kind: string }) => a.kind === 'service_centre');
    expect(stp.deskAgencyId).toBe(centre.id);
  });

  it('answers one agency by code, 404 for an unknown one, 400 for a malformed one', async () => {
    expect((await get('/api/v1/agencies/000.00.11.H99')).body).toMatchObject({
      name: 'Sở Tư pháp',
      level: 'province',
    });
    expect((await get('/api/v1/agencies/000.00.99.H99')).status).toBe(404);
    const bad = await get('/api/v1/agencies/STP');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION', field: 'code' });
  });

  it('hides agencies no longer valid unless asked, and refuses unknown filters', async () => {
    await system.database.db
      .updateTable('agencies')
      .set({ validTo: '2025-06-30', validFrom: '2020-01-01' })
      .where('code', '=', '000.00.56.H99')
      .execute();
    expect((await get('/api/v1/agencies?level=commune')).body.items).toHaveLength(5);
    expect((await get('/api/v1/agencies?level=commune&includeFormer=true')).body.items).toHaveLength(6);
    expect((await get('/api/v1/agencies?level=hamlet')).status).toBe(400);
    expect((await get('/api/v1/agencies?sort=name;drop')).status).toBe(400);
  });
});
