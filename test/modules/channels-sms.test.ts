// R38 lookup by SMS: the webhook contract POST /api/v1/channels/sms/inbound { from, text } → { reply },
// signed calls from the local SMS gateway over real HTTP, rate limits per number (goals 10, 36), and
// signed delivery receipts.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signatureHeaders } from '../../src/adapters/sms/sms-signature.ts';
import { channelsRoutes } from '../../src/modules/channels/channels.routes.ts';
import { buildApp } from '../../src/platform/http/app.ts';
import { startTestSystem, type TestSystem } from '../helpers/test-system.ts';

let system: TestSystem;
const CODE = '000.00.06.H99-260505-0001';

beforeAll(async () => {
  system = await startTestSystem({
    PORT: '0',
    MOTCUA_SMS_QUIET_HOURS: 'off',
    MOTCUA_LOOKUPS_PER_NUMBER_PER_HOUR: '10',
  });
});
afterAll(async () => system?.close());

const inbound = (payload: unknown, headers: Record<string, string> = {}) =>
  system.app.inject({
    method: 'POST',
    url: '/api/v1/channels/sms/inbound',
    headers: { 'content-type': 'application/json', ...headers },
    payload: JSON.stringify(payload),
  });

describe('[R38] SMS lookup webhook', () => {
  it('[R38] "TC <code>" is answered; until dossiers exist every code is honestly "not found"', async () => {
    const res = await inbound({ from: '0912345678', text: `tc ${CODE.toLowerCase()}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().reply).toContain(`Không tìm thấy hồ sơ mã ${CODE}`);
  });

  it('[R38] garbage and a missing code get the syntax', async () => {
    for (const text of ['xin chào', 'TC', 'TC 123']) {
      const res = await inbound({ from: '0912345679', text });
      expect(res.statusCode).toBe(200);
      expect(res.json().reply).toContain('Soạn TC <mã hồ sơ>');
    }
  });

  it("[R38] with the dossier module's lookup plugged in, the reply carries the code and the status name", async () => {
    const app = await buildApp(system.app.deps, {
      routes: async (a) => {
        await a.register(channelsRoutes, {
          lookup: {
            async lookup(code: string) {
              return code === CODE
                ? { code, statusName: 'Đang xử lý', dueAt: new Date('2026-05-12T09:30:00Z') }
                : null;
            },
          },
        });
      },
    });
    try {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/channels/sms/inbound',
        headers: { 'content-type': 'application/json' },
        payload: { from: '0912000001', text: `TRA CỨU ${CODE}` },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().reply).toContain(CODE);
      expect(res.json().reply).toContain('Đang xử lý');
      expect(res.json().reply).toContain('16:30 ngày 12/05/2026');
    } finally {
      await app.close();
    }
  });

  it('[goal 12] refuses bodies that break the contract', async () => {
    expect((await inbound({ from: '0912345678' })).statusCode).toBe(400);
    expect((await inbound({ from: 'abc', text: 'TC' })).statusCode).toBe(400);
    expect((await inbound({ from: '0912345678', text: 'TC', extra: 1 })).statusCode).toBe(400);
  });

  it('[goal 36] a number sending more than its hourly allowance gets one notice, then silence', async () => {
    const from = '0933333333';
    for (let i = 0; i < 10; i++) {
      expect((await inbound({ from, text: `TC ${CODE}` })).json().reply).toContain('Không tìm thấy');
    }
    expect((await inbound({ from, text: `TC ${CODE}` })).json().reply).toContain('quá nhiều lần');
    expect((await inbound({ from, text: `TC ${CODE}` })).json().reply).toBe('');
    // Another number is not affected.
    expect((await inbound({ from: '0933333334', text: `TC ${CODE}` })).json().reply).toContain(
      'Không tìm thấy',
    );
    expect(
      system.rawLogs.some((l) => l.includes('SMS lookup rate limit exceeded') && l.includes('0933***333')),
    ).toBe(true);
    expect(system.rawLogs.some((l) => l.includes('0933333333'))).toBe(false);
  });

  it('[R38] a signature, when sent, must hold; a bad one is refused', async () => {
    const body = JSON.stringify({ from: '0912345678', text: `TC ${CODE}` });
    const bad = await inbound(JSON.parse(body), {
      'x-timestamp': String(Math.floor(Date.now() / 1000)),
      'x-signature': 'a'.repeat(64),
    });
    expect(bad.statusCode).toBe(401);
    const secret = system.notifications.smsSecret as string;
    const stale = signatureHeaders(secret, body, Date.now() - 10 * 60_000);
    expect((await inbound(JSON.parse(body), stale)).statusCode).toBe(401);
  });

  it('[R38] end to end over HTTP: a phone texts the local gateway, which posts signed to MotCua and sends the reply back', async () => {
    await system.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (system.app.server.address() as AddressInfo).port;
    const gateway = system.notifications.local.sms;
    if (!gateway) {
      throw new Error('local gateway expected');
    }
    gateway.options.inboundUrl = `http://127.0.0.1:${port}/api/v1/channels/sms/inbound`;
    const reply = await gateway.receiveFromPhone('0977777777', `TC${CODE}`);
    expect(reply).toContain(CODE);
    const sentBack = gateway.messages.list().find((m) => m.to === '0977777777');
    expect(sentBack?.text).toBe(reply);
  });

  it('[R37] signed delivery receipts update the message; unsigned ones are refused', async () => {
    await system.database.db
      .insertInto('notifications')
      .values({
        id: '00000000-0000-4000-8000-000000000001',
        dedupKey: 'receipt-test',
        channel: 'sms',
        recipient: '0912345678',
        lang: 'vi',
        event: 'received',
        params: '{}',
        body: 'x',
        maxAttempts: 3,
        nextAttemptAt: new Date(),
        providerMessageId: 'sms-abc',
      })
      .execute();
    const body = JSON.stringify({ messageId: 'sms-abc', status: 'delivered', at: '2026-05-05T01:00:00Z' });
    const send = (headers: Record<string, string>) =>
      system.app.inject({
        method: 'POST',
        url: '/api/v1/channels/sms/receipts',
        headers: { 'content-type': 'application/json', ...headers },
        payload: body,
      });
    expect((await send({})).statusCode).toBe(401);
    expect((await send(signatureHeaders(system.notifications.smsSecret as string, body))).statusCode).toBe(
      204,
    );
    const row = await system.database.db
      .selectFrom('notifications')
      .select(['deliveryStatus', 'deliveredAt'])
      .where('providerMessageId', '=', 'sms-abc')
      .executeTakeFirstOrThrow();
    expect(row.deliveryStatus).toBe('delivered');
    expect(new Date(row.deliveredAt as string).toISOString()).toBe('2026-05-05T01:00:00.000Z');
  });
});
