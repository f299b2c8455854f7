// Legal rule sets are data (legal digest §0): the national ones exist on every deployment, are
// readable by anyone, and the one in force is chosen by the reception date.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureNationalRuleSets, findRuleSetInForce } from '../../src/modules/rules/rule-sets.repository.ts';
import { startTestSystem, type TestSystem } from '../helpers/test-system.ts';

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem({ MOTCUA_DEMO: 'false' });
});
afterAll(async () => system?.close());

describe('[legal digest §9.1] rule sets', () => {
  it('are present without demo data and listed publicly in date order', async () => {
    const response = await system.app.inject({ url: '/api/v1/rule-sets' });
    expect(response.statusCode).toBe(200);
    const { items } = JSON.parse(response.body);
    expect(items.map((r: { code: string }) => r.code)).toEqual(['nd61-tt01', 'nd118-tt03']);
    expect(items[1]).toMatchObject({
      effectiveFrom: '2025-07-01',
      effectiveTo: null,
      settings: { formSet: 'tt03_2025' },
    });
  });

  it('picks the rule set by the reception date', async () => {
    expect((await findRuleSetInForce(system.database.db, '2025-06-30'))?.code).toBe('nd61-tt01');
    expect((await findRuleSetInForce(system.database.db, '2026-11-22'))?.code).toBe('nd118-tt03');
  });

  it('ensuring again adds nothing and keeps an administrator’s edit', async () => {
    await system.database.db
      .updateTable('ruleSets')
      .set({ settings: JSON.stringify({ formSet: 'tt03_2025', transferCutoff: '16:00' }) })
      .where('code', '=', 'nd118-tt03')
      .execute();
    expect(await ensureNationalRuleSets(system.database.db)).toEqual([]);
    const row = await system.database.db
      .selectFrom('ruleSets')
      .select('settings')
      .where('code', '=', 'nd118-tt03')
      .executeTakeFirstOrThrow();
    expect(row.settings).toMatchObject({ transferCutoff: '16:00' });
  });
});
