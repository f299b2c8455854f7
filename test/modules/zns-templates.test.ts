// R37: ZNS template ids are data. Administrators map each event to the template id Zalo approved and
// its named parameters (validated, audited); the chat channel then sends exactly that, which the local
// Zalo, told which templates exist, accepts and otherwise refuses with Zalo's codes. With
// MOTCUA_CHAT=zalo an event without a mapping is dead-lettered with the reason instead of being sent.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalChatServer } from '../../src/adapters/chat/local-chat-server.ts';
import { getJson, postDossier } from '../helpers/dossiers.ts';
import { JSON_HEADERS, loginAs, startTestSystem, type TestSystem } from '../helpers/test-system.ts';
import { waitFor } from '../helpers/wait-for.ts';

const APPROVED = { '285436': ['ma_ho_so', 'trang_thai', 'han_tra'] };
const MAPPING = {
  templateId: '285436',
  params: { ma_ho_so: '{code}', trang_thai: '{statusName}', han_tra: '{dueAt}' },
};
const URL = '/api/v1/admin/notifications/zns-templates';

async function call(
  system: TestSystem,
  cookie: string,
  method: 'PUT' | 'DELETE',
  url: string,
  body?: unknown,
) {
  const response = await system.app.inject({
    method,
    url,
    headers: body === undefined ? { cookie, 'x-requested-with': 'motcua' } : { ...JSON_HEADERS, cookie },
    ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
  });
  return { status: response.statusCode, body: JSON.parse(response.body) };
}

/** A walk-in applicant who chose Zalo only; returns the chat notification once it is settled. */
async function zaloWalkIn(system: TestSystem, phone: string) {
  const desk = await loginAs(system, 'tiepnhan', 'Demo@2026');
  const procedure = (await getJson(system, '', '/api/v1/procedures/AH-LLTP-01')).body;
  const { status, body } = await postDossier(system, desk, {
    procedureId: procedure.id,
    channel: 'desk',
    applicant: { fullName: 'Phan Văn Zalo', phone },
    delivery: { method: 'desk' },
    notify: ['chat'],
  });
  expect(status).toBe(201);
  const row = () =>
    system.database.db
      .selectFrom('notifications')
      .select(['id', 'status', 'lastError', 'providerMessageId'])
      .where('dossierId', '=', body.id)
      .where('channel', '=', 'chat')
      .executeTakeFirstOrThrow();
  await waitFor(async () => ['sent', 'dead'].includes((await row()).status));
  return { dossier: body as { id: string; code: string }, notification: await row() };
}

describe('[R37] ZNS template mapping (local Zalo)', () => {
  let system: TestSystem;
  let admin: string;
  beforeAll(async () => {
    system = await startTestSystem({ PORT: '0', MOTCUA_SMS_QUIET_HOURS: 'off' });
    admin = await loginAs(system, 'quantri', 'Demo@2026');
  });
  afterAll(async () => system?.close());

  it('lists every event unmapped, validates, saves with an audit record, and removes', async () => {
    const list = (await getJson(system, admin, URL)).body;
    expect(list.items.map((t: { event: string }) => t.event)).toContain('financial_obligation');
    expect(list.items.every((t: { templateId: null }) => t.templateId === null)).toBe(true);
    expect(list.params).toContain('statusName');
    expect(list.chatKind).toBe('local');
    const audience = Object.fromEntries(
      list.items.map((t: { event: string; audience: string }) => [t.event, t.audience]),
    );
    expect(audience).toMatchObject({ received: 'applicant', step_overdue: 'officer' });
    // Nothing mapped, nothing to remove: a 404 and no audit record.
    const nothing = await call(system, admin, 'DELETE', `${URL}/received`);
    expect(nothing.status).toBe(404);
    expect(nothing.body.code).toBe('ZNS_TEMPLATE_NOT_MAPPED');

    const refused = async (body: unknown, field: string) => {
      const answer = await call(system, admin, 'PUT', `${URL}/received`, body);
      expect(answer.status).toBe(400);
      expect(answer.body.field).toBe(field);
      expect(answer.body.message.vi).toBeTruthy();
    };
    await refused({ ...MAPPING, templateId: 'motcua_received' }, 'templateId');
    await refused({ ...MAPPING, params: { MaHoSo: '{code}' } }, 'params.MaHoSo');
    await refused({ ...MAPPING, params: { ma_ho_so: '{code} {secret}' } }, 'params.ma_ho_so');
    await refused({ ...MAPPING, params: { ma_ho_so: 'hồ sơ' } }, 'params.ma_ho_so');
    await refused({ ...MAPPING, params: {} }, 'params');
    expect((await call(system, admin, 'PUT', `${URL}/no_such_event`, MAPPING)).status).toBe(400);
    const desk = await loginAs(system, 'tiepnhan', 'Demo@2026');
    expect((await call(system, desk, 'PUT', `${URL}/received`, MAPPING)).status).toBe(403);

    const saved = await call(system, admin, 'PUT', `${URL}/received`, MAPPING);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ event: 'received', ...MAPPING });
    expect((await getJson(system, admin, URL)).body.items[0]).toMatchObject(MAPPING);
    const removed = await call(system, admin, 'DELETE', `${URL}/received`);
    expect(removed.body).toMatchObject({ event: 'received', templateId: null, params: {} });
    const audit = await system.database.db
      .selectFrom('auditLog')
      .select(['action', 'details'])
      .where('resourceType', '=', 'zns_template')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['zns_template.update', 'zns_template.remove']);
    expect(audit[0]?.details).toMatchObject({ before: null, after: { templateId: '285436' } });
  });

  it('sends the mapped id with its named parameters; the local Zalo refuses ids it does not know', async () => {
    const zalo = system.notifications.local.chat as LocalChatServer;
    zalo.knowTemplates(APPROVED);
    try {
      // Unmapped: the demo's readable id, which this Zalo does not know (-132, final).
      const before = await zaloWalkIn(system, '0971000001');
      expect(before.notification.status).toBe('dead');
      expect(before.notification.lastError).toMatch(/-132/);

      expect((await call(system, admin, 'PUT', `${URL}/received`, MAPPING)).status).toBe(200);
      const { dossier, notification } = await zaloWalkIn(system, '0971000002');
      expect(notification.status).toBe('sent');
      const sent = zalo.messages.list().filter((m) => m.to === '84971000002');
      expect(sent).toHaveLength(1);
      expect(sent[0]?.subject).toBe('285436');
      expect(sent[0]?.text).toContain(`ma_ho_so: ${dossier.code}`);
      expect(sent[0]?.text).toMatch(/trang_thai: .+; han_tra: \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/);

      // A mapping whose parameter names differ from the approved template: Zalo's -218.
      await call(system, admin, 'PUT', `${URL}/received`, {
        templateId: '285436',
        params: { ma_ho_so: '{code}', trang_thai: '{statusName}' },
      });
      const wrong = await zaloWalkIn(system, '0971000003');
      expect(wrong.notification.status).toBe('dead');
      expect(wrong.notification.lastError).toMatch(/-218/);
    } finally {
      zalo.knowTemplates(null);
      await call(system, admin, 'DELETE', `${URL}/received`);
    }
  }, 60_000);
});

describe('[R37] MOTCUA_CHAT=zalo: no mapping, no send', () => {
  let system: TestSystem;
  let zalo: LocalChatServer;
  let admin: string;
  beforeAll(async () => {
    zalo = new LocalChatServer({ accessToken: randomBytes(8).toString('hex'), appId: '1', oaSecretKey: 'k' });
    await zalo.start();
    zalo.knowTemplates(APPROVED);
    system = await startTestSystem({
      PORT: '0',
      MOTCUA_SMS_QUIET_HOURS: 'off',
      MOTCUA_CHAT: 'zalo',
      MOTCUA_CHAT_URL: zalo.url,
      MOTCUA_CHAT_OA_URL: zalo.url,
      MOTCUA_CHAT_ACCESS_TOKEN: zalo.accessToken,
    });
    admin = await loginAs(system, 'quantri', 'Demo@2026');
  });
  afterAll(async () => {
    await system?.close();
    await zalo?.stop();
  });

  it('dead-letters an unmapped event with the reason, then the retry after mapping sends it', async () => {
    expect((await getJson(system, admin, URL)).body.chatKind).toBe('zalo');
    const { dossier, notification } = await zaloWalkIn(system, '0972000001');
    expect(notification.status).toBe('dead');
    expect(notification.lastError).toMatch(/no ZNS template is mapped for event "received"/);
    expect(zalo.messages.list()).toEqual([]);

    expect((await call(system, admin, 'PUT', `${URL}/received`, MAPPING)).status).toBe(200);
    const retry = await system.app.inject({
      method: 'POST',
      url: `/api/v1/admin/notifications/${notification.id}/retry`,
      headers: { cookie: admin, 'x-requested-with': 'motcua' },
    });
    expect(retry.statusCode).toBe(200);
    await waitFor(async () => zalo.messages.list().length === 1);
    const [sent] = zalo.messages.list();
    expect(sent).toMatchObject({ to: '84972000001', subject: '285436' });
    expect(sent?.text).toContain(`ma_ho_so: ${dossier.code}`);
  }, 60_000);
});
