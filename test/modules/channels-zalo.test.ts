// R38 over Zalo OA (docs/adapters/zalo-oa.md): the local Zalo plays the citizen — it signs
// `user_send_text` events like Zalo (X-ZEvent-Signature) — and our webhook answers through the OA
// customer-service API, which the local Zalo records. Signatures, the replay window, msg_id
// redeliveries, non-text events, the per-user allowance and an OA outage are each checked.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalChatServer, SignedEvent } from '../../src/adapters/chat/local-chat-server.ts';
import { verifyZaloSignature, zaloEventMac } from '../../src/adapters/chat/zalo-signature.ts';
import { DeliveryError } from '../../src/adapters/delivery.ts';
import { STATUS_NAMES } from '../../src/domain/dossier/status.ts';
import { deskDossier } from '../helpers/dossiers.ts';
import { startTestSystem, type TestSystem } from '../helpers/test-system.ts';

let system: TestSystem;
let zalo: LocalChatServer;
let code: string;

const deliver = (signed: SignedEvent, headers: Record<string, string> = {}) =>
  system.app.inject({
    method: 'POST',
    url: '/api/v1/channels/chat/inbound',
    headers: { ...signed.headers, ...headers },
    payload: signed.body,
  });
const repliesTo = (userId: string) => zalo.messages.list().filter((m) => m.to === userId);

beforeAll(async () => {
  system = await startTestSystem({ MOTCUA_SMS_QUIET_HOURS: 'off', MOTCUA_LOOKUPS_PER_NUMBER_PER_HOUR: '5' });
  const local = system.notifications.local.chat;
  if (!local) {
    throw new Error('local Zalo expected');
  }
  zalo = local;
  const { body } = await deskDossier(system);
  code = body.code;
});
afterAll(async () => system?.close());

describe('Zalo event signature', () => {
  it('is SHA-256 of appId + raw body + timestamp + OA secret key, with or without "mac="', () => {
    // Reference value computed independently (Python hashlib) for these inputs.
    const body = '{"event_name":"user_send_text"}';
    const hex = 'e5d3aea77494d8d9294d1de00b5082b8e8643d6c2706ede57dac62cbc6c97c04';
    expect(zaloEventMac('APP1', body, '1700000000000', 'SEC1')).toBe(hex);
    expect(verifyZaloSignature(`mac=${hex}`, 'APP1', body, '1700000000000', 'SEC1')).toBe(true);
    expect(verifyZaloSignature(hex, 'APP1', body, '1700000000000', 'SEC1')).toBe(true);
    expect(verifyZaloSignature(`mac=${hex}`, 'APP1', `${body} `, '1700000000000', 'SEC1')).toBe(false);
    expect(verifyZaloSignature(`mac=${hex}`, 'APP1', body, '1700000000001', 'SEC1')).toBe(false);
    expect(verifyZaloSignature(undefined, 'APP1', body, '1700000000000', 'SEC1')).toBe(false);
  });
});

describe('[R38] Zalo OA webhook: TC <mã hồ sơ>', () => {
  it('a signed user_send_text gets the code and status back as an OA cs message, once per msg_id', async () => {
    const signed = zalo.textEvent('8001000000000000001', `TC ${code}`, { msgId: 'zmsg-1' });
    const res = await deliver(signed);
    expect(res.statusCode).toBe(200);
    expect(res.json().handled).toBe('replied');
    const sent = repliesTo('8001000000000000001');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.subject).toBe('oa/message/cs');
    expect(sent[0]?.text).toContain(code);
    expect(sent[0]?.text).toContain(STATUS_NAMES[2].vi);
    expect(sent[0]?.text).not.toContain('Nhung');
    // Zalo redelivers the same event (same msg_id): no second reply.
    const again = await deliver(signed);
    expect(again.statusCode).toBe(200);
    expect(again.json().handled).toBe('duplicate');
    expect(repliesTo('8001000000000000001')).toHaveLength(1);
    expect(system.rawLogs.some((l) => l.includes('CHAT lookup reply sent'))).toBe(true);
  });

  it('garbage text gets the helpful syntax reply', async () => {
    const res = await deliver(zalo.textEvent('8001000000000000002', 'alo alo'));
    expect(res.json().handled).toBe('replied');
    expect(repliesTo('8001000000000000002')[0]?.text).toContain('Soạn TC');
  });

  it('a bad signature, a tampered body or another app id get 401 and no reply', async () => {
    const signed = zalo.textEvent('8001000000000000003', `TC ${code}`);
    const bad = await deliver(signed, { 'x-zevent-signature': `mac=${'b'.repeat(64)}` });
    expect(bad.statusCode).toBe(401);
    expect(bad.json()).toMatchObject({ code: 'CHANNEL_SIGNATURE_INVALID', field: 'X-ZEvent-Signature' });
    expect(bad.json().message.vi).toBeTruthy();
    const missing = await system.app.inject({
      method: 'POST',
      url: '/api/v1/channels/chat/inbound',
      headers: { 'content-type': 'application/json' },
      payload: signed.body,
    });
    expect(missing.statusCode).toBe(401);
    const tampered = { ...signed, body: signed.body.replace(`TC ${code}`, 'TC 000.00.00.H00-000000-0000') };
    expect((await deliver(tampered)).statusCode).toBe(401);
    const otherApp = zalo.sign({ ...signed.event, app_id: '42' });
    expect((await deliver(otherApp)).json()).toMatchObject({
      code: 'CHANNEL_SIGNATURE_INVALID',
      field: 'app_id',
    });
    expect(repliesTo('8001000000000000003')).toHaveLength(0);
  });

  it('a correctly signed but stale event is refused (replay window)', async () => {
    const stale = zalo.textEvent('8001000000000000004', `TC ${code}`, {
      at: new Date(Date.now() - 10 * 60_000),
    });
    const res = await deliver(stale);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'CHANNEL_EVENT_STALE', field: 'timestamp' });
    expect(repliesTo('8001000000000000004')).toHaveLength(0);
  });

  it('non-text events are acknowledged with 200 and ignored; bodies outside the contract get 400', async () => {
    const follow = zalo.sign({
      app_id: zalo.options.appId,
      event_name: 'follow',
      follower: { id: '8001000000000000005' },
      oa_id: zalo.options.oaId,
      timestamp: String(Date.now()),
    });
    const res = await deliver(follow);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ handled: 'ignored', reply: '' });
    const image = zalo.sign({
      ...zalo.textEvent('8001000000000000005', 'x').event,
      event_name: 'user_send_image',
      message: { msg_id: 'img-1', attachments: [{ type: 'image' }] },
    });
    expect((await deliver(image)).json().handled).toBe('ignored');
    expect(repliesTo('8001000000000000005')).toHaveLength(0);
    const noText = zalo.sign({
      ...zalo.textEvent('8001000000000000005', 'x').event,
      message: { msg_id: 'm' },
    });
    expect((await deliver(noText)).statusCode).toBe(400);
    const noAppId = zalo.sign({ event_name: 'user_send_text', timestamp: String(Date.now()) });
    expect((await deliver(noAppId)).statusCode).toBe(400);
  });

  it('a body over 64 KiB is refused with 413 before it is read in full', async () => {
    const huge = zalo.textEvent('8001000000000000007', `TC ${code} ${'x'.repeat(70 * 1024)}`);
    const res = await deliver(huge);
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('PAYLOAD_TOO_LARGE');
    expect(repliesTo('8001000000000000007')).toHaveLength(0);
  });

  it('[goal 36] each Zalo user has an hourly allowance: one notice, then silence', async () => {
    const user = '8001000000000000006';
    for (let i = 0; i < 5; i++) {
      expect((await deliver(zalo.textEvent(user, `TC ${code}`))).json().handled).toBe('replied');
    }
    const notice = await deliver(zalo.textEvent(user, `TC ${code}`));
    expect(notice.json().reply).toContain('quá nhiều lần');
    const silent = await deliver(zalo.textEvent(user, `TC ${code}`));
    expect(silent.json()).toEqual({ handled: 'silent', reply: '' });
    expect(repliesTo(user)).toHaveLength(6);
    expect(system.rawLogs.some((l) => l.includes('CHAT lookup rate limit exceeded'))).toBe(true);
  });

  it('an OA outage or a Zalo error code still answers Zalo 200, logs the failure and sends nothing', async () => {
    zalo.setDown(true);
    const down = await deliver(zalo.textEvent('8001000000000000007', `TC ${code}`));
    zalo.setDown(false);
    expect(down.statusCode).toBe(200);
    expect(down.json().handled).toBe('reply_failed');
    zalo.failWith(-124, 'Access token is invalid');
    const token = await deliver(zalo.textEvent('8001000000000000007', `TC ${code}`));
    zalo.failWith(null);
    expect(token.json().handled).toBe('reply_failed');
    expect(repliesTo('8001000000000000007')).toHaveLength(0);
    expect(system.rawLogs.some((l) => l.includes('CHAT lookup reply not sent'))).toBe(true);
  });

  it('the OA cs API refuses users who never wrote; ZNS errors say whether retrying helps', async () => {
    const chat = system.notifications.chat;
    await expect(chat?.reply({ userId: '8009999999999999999', text: 'x' })).rejects.toThrow(/-230/);
    zalo.failWith(-108, 'Phone number is invalid');
    const phone = await chat
      ?.send({ to: '0912345678', templateId: '123', params: { content: 'x' }, trackingId: 't-1' })
      .catch((e: unknown) => e);
    zalo.failWith(-124, 'Access token is invalid');
    const token = await chat
      ?.send({ to: '0912345678', templateId: '123', params: { content: 'x' }, trackingId: 't-2' })
      .catch((e: unknown) => e);
    zalo.failWith(null);
    expect(phone).toBeInstanceOf(DeliveryError);
    expect((phone as DeliveryError).permanent).toBe(true);
    expect((token as DeliveryError).permanent).toBe(false);
  });

  it('end to end over HTTP: the local Zalo posts the signed event to MotCua and receives the cs reply', async () => {
    await system.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (system.app.server.address() as AddressInfo).port;
    zalo.options.inboundUrl = `http://127.0.0.1:${port}/api/v1/channels/chat/inbound`;
    const res = await zalo.postEvent(zalo.textEvent('8001000000000000008', `tra cuu ${code.toLowerCase()}`));
    expect(res.status).toBe(200);
    expect(repliesTo('8001000000000000008')[0]?.text).toContain(code);
  });
});
