// R37, security goals 31 and 32: notifications through the outbox to real protocol servers on
// loopback (SMTP, the SMS gateway's HTTP API, the ZNS-style chat API): delivered once, never twice,
// nothing lost while a provider is down, dead after N attempts, retried by an administrator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/demo/demo-password.ts';
import { deliverNotificationJob } from '../../src/modules/notifications/notifications.jobs.ts';
import { sweepStale } from '../../src/modules/notifications/notifications.repository.ts';
import {
  deliverNotification,
  type NotificationRequest,
  queueNotification,
} from '../../src/modules/notifications/notifications.service.ts';
import { JSON_HEADERS, loginAs, startTestSystem, type TestSystem } from '../helpers/test-system.ts';
import { waitFor } from '../helpers/wait-for.ts';

let system: TestSystem;
let admin: string;

const CODE = '000.00.06.H99-260505-0001';
const request = (
  eventKey: string,
  recipients: NotificationRequest['recipients'],
  event: NotificationRequest['event'] = 'received',
): NotificationRequest => ({
  event,
  eventKey,
  lang: 'vi',
  recipients,
  params: {
    code: CODE,
    procedureName: 'Cấp Phiếu lý lịch tư pháp',
    agencyName: 'Sở Tư pháp tỉnh An Hòa',
    dueAt: new Date('2026-05-12T09:30:00Z'),
  },
});

async function queue(req: NotificationRequest, now?: () => Date) {
  return system.database.db
    .transaction()
    .execute((trx) =>
      queueNotification(
        trx,
        system.jobs,
        { publicUrl: 'http://localhost:3204', config: configOf(), ...(now ? { now } : {}) },
        req,
      ),
    );
}
const configOf = () => system.app.deps.config.notifications;

async function rows(ids: string[]) {
  return system.database.db.selectFrom('notifications').selectAll().where('id', 'in', ids).execute();
}

beforeAll(async () => {
  system = await startTestSystem({
    PORT: '0',
    MOTCUA_SMS_QUIET_HOURS: 'off',
    MOTCUA_NOTIFY_RETRY_BASE_SECONDS: '1',
    MOTCUA_NOTIFY_RETRY_MAX_SECONDS: '2',
    MOTCUA_NOTIFY_MAX_ATTEMPTS: '4',
  });
  admin = await loginAs(system, 'quantri', DEMO_PASSWORD);
});
afterAll(async () => system?.close());

describe('[R37] notifications through the outbox', () => {
  it('[R37] e-mail, SMS and chat each arrive once, with the code and the lookup link', async () => {
    const { queued } = await queue(
      request('dossier-1:history-1', [
        { channel: 'email', address: 'Thuytien@Example.vn' },
        { channel: 'sms', address: '0912 345 670' },
        { channel: 'chat', address: '+84912345670' },
      ]),
    );
    expect(queued).toHaveLength(3);
    await waitFor(async () => (await rows(queued)).every((r) => r.status === 'sent'));
    const local = system.notifications.local;
    const mail = local.smtp?.messages.list().filter((m) => m.to === 'thuytien@example.vn') ?? [];
    expect(mail).toHaveLength(1);
    expect(mail[0]?.subject).toBe(`Hồ sơ ${CODE} đã được tiếp nhận`);
    expect(mail[0]?.text).toContain('Sở Tư pháp tỉnh An Hòa đã tiếp nhận hồ sơ Cấp Phiếu lý lịch tư pháp');
    expect(mail[0]?.text).toContain(`http://localhost:3204/tra-cuu?ma=${CODE}`);
    expect(mail[0]?.text).toContain('16:30 12/05/2026');
    const sms = local.sms?.messages.list().filter((m) => m.to === '0912345670') ?? [];
    expect(sms).toHaveLength(1);
    expect(sms[0]?.text).toContain(CODE);
    const chat = local.chat?.messages.list().filter((m) => m.to === '84912345670') ?? [];
    expect(chat).toHaveLength(1);
    expect(chat[0]?.text).toContain(`Hồ sơ ${CODE} đã được tiếp nhận`);
  });

  it('[goal 31] the same event queued again creates nothing and sends nothing (dedup key)', async () => {
    const again = await queue(
      request('dossier-1:history-1', [{ channel: 'email', address: 'thuytien@example.vn' }]),
    );
    expect(again).toMatchObject({ queued: [], duplicates: 1 });
  });

  it('[goal 31] a rolled-back status change sends nothing', async () => {
    await expect(
      system.database.db.transaction().execute(async (trx) => {
        await queueNotification(
          trx,
          system.jobs,
          { publicUrl: 'http://x', config: configOf() },
          request('rolled-back', [{ channel: 'email', address: 'rb@example.vn' }]),
        );
        throw new Error('the dossier action failed');
      }),
    ).rejects.toThrow('the dossier action failed');
    const left = await system.database.db
      .selectFrom('notifications')
      .select('id')
      .where('recipient', '=', 'rb@example.vn')
      .execute();
    expect(left).toEqual([]);
  });

  it('[goal 15] hostile text in parameters is escaped in HTML mail and cannot inject headers', async () => {
    const req = request('hostile', [{ channel: 'email', address: 'hostile@example.vn' }], 'refused');
    req.params.reason = '<script>alert(1)</script>\r\nBcc: victim@example.vn';
    const { queued } = await queue(req);
    await waitFor(async () => (await rows(queued)).every((r) => r.status === 'sent'));
    const [mail] =
      system.notifications.local.smtp?.messages.list().filter((m) => m.to === 'hostile@example.vn') ?? [];
    expect(mail?.text).toContain('<script>alert(1)</script> Bcc: victim@example.vn');
    expect(system.notifications.local.smtp?.messages.list().some((m) => m.to.includes('victim'))).toBe(false);
  });

  it('[goal 32] SMTP down for a while, then back: nothing lost, nothing duplicated', async () => {
    const smtp = system.notifications.local.smtp;
    if (!smtp) {
      throw new Error('local SMTP expected');
    }
    await smtp.stop();
    const ids: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const { queued } = await queue(
        request(`outage-${i}`, [{ channel: 'email', address: `outage${i}@example.vn` }]),
      );
      ids.push(...queued);
    }
    // Every message fails at least once while the server is down, and is scheduled again.
    await waitFor(async () => (await rows(ids)).every((r) => r.attempts >= 1 && r.status === 'failed'));
    expect((await rows(ids)).every((r) => r.lastError?.includes('SMTP'))).toBe(true);
    await smtp.start();
    await waitFor(async () => (await rows(ids)).every((r) => r.status === 'sent'));
    const received = smtp.messages.list().filter((m) => m.to.startsWith('outage'));
    expect(received.map((m) => m.to).sort()).toEqual([1, 2, 3, 4, 5].map((i) => `outage${i}@example.vn`));
    expect(new Set(received.map((m) => m.idempotencyKey)).size).toBe(5);
  }, 90_000);

  it('[goal 31] a provider answering 451 is retried with the same Message-ID and delivered once', async () => {
    const smtp = system.notifications.local.smtp;
    smtp?.failNext(2);
    const { queued } = await queue(
      request('temp-fail', [{ channel: 'email', address: 'tempfail@example.vn' }]),
    );
    await waitFor(async () => (await rows(queued)).every((r) => r.status === 'sent'));
    const [row] = await rows(queued);
    expect(row?.attempts).toBe(3);
    expect(smtp?.messages.list().filter((m) => m.to === 'tempfail@example.vn')).toHaveLength(1);
  }, 60_000);

  it('[goal 31] a provider down for good: dead after the configured attempts; the retry button sends it', async () => {
    const chat = system.notifications.local.chat;
    chat?.setDown(true);
    const { queued } = await queue(request('chat-down', [{ channel: 'chat', address: '0987654321' }]));
    await waitFor(async () => (await rows(queued)).every((r) => r.status === 'dead'), 60_000);
    const [dead] = await rows(queued);
    expect(dead?.attempts).toBe(4);
    expect(dead?.lastError).toContain('Service unavailable');
    chat?.setDown(false);

    const list = await system.app.inject({
      method: 'GET',
      url: '/api/v1/admin/notifications?status=dead&channel=chat',
      headers: { cookie: admin },
    });
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body.items.map((i: { id: string }) => i.id)).toContain(queued[0]);
    expect(body.items[0].recipient).toBe('0987***321');
    expect(body.providers.chat).toMatchObject({ kind: 'local', simulated: true });

    const retry = await system.app.inject({
      method: 'POST',
      url: `/api/v1/admin/notifications/${queued[0]}/retry`,
      headers: { ...JSON_HEADERS, cookie: admin },
    });
    expect(retry.statusCode).toBe(200);
    expect(retry.json().status).toBe('queued');
    await waitFor(async () => (await rows(queued)).every((r) => r.status === 'sent'));
    expect(chat?.messages.list().filter((m) => m.to === '84987654321')).toHaveLength(1);
    const again = await system.app.inject({
      method: 'POST',
      url: `/api/v1/admin/notifications/${queued[0]}/retry`,
      headers: { ...JSON_HEADERS, cookie: admin },
    });
    expect(again.statusCode).toBe(409);
  }, 90_000);

  it('[goal 31] Zalo error codes: an invalid token (-124) is retried, an invalid phone (-108) is dead at once', async () => {
    const chat = system.notifications.local.chat;
    chat?.failWith(-124, 'Access token is invalid');
    const token = await queue(request('zns-token', [{ channel: 'chat', address: '0981111222' }]));
    await waitFor(async () => ((await rows(token.queued))[0]?.attempts ?? 0) >= 2, 30_000);
    chat?.failWith(null);
    await waitFor(async () => (await rows(token.queued)).every((r) => r.status === 'sent'), 30_000);
    expect(chat?.messages.list().filter((m) => m.to === '84981111222')).toHaveLength(1);

    chat?.failWith(-108, 'Phone number is invalid');
    const phone = await queue(request('zns-phone', [{ channel: 'chat', address: '0981111333' }]));
    await waitFor(async () => (await rows(phone.queued)).every((r) => r.status === 'dead'), 30_000);
    chat?.failWith(null);
    const [dead] = await rows(phone.queued);
    expect(dead?.attempts).toBe(1);
    expect(dead?.lastError).toContain('-108');
  }, 90_000);

  it('[goal 31] the sweeper recovers an attempt whose worker died and a message whose job was lost', async () => {
    const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);
    const base = {
      channel: 'email' as const,
      lang: 'vi' as const,
      event: 'received',
      params: '{}',
      subject: 'Sweeper',
      body: 'Sweeper test',
      maxAttempts: 4,
      nextAttemptAt: minutesAgo(5),
    };
    await system.database.db
      .insertInto('notifications')
      .values([
        {
          ...base,
          id: '00000000-0000-4000-8000-00000000a001',
          dedupKey: 'sweep-1',
          recipient: 'crashed@example.vn',
          status: 'sending',
          attempts: 1,
          lockedUntil: minutesAgo(1),
        },
        {
          ...base,
          id: '00000000-0000-4000-8000-00000000a002',
          dedupKey: 'sweep-2',
          recipient: 'lostjob@example.vn',
          status: 'queued',
        },
      ])
      .execute();
    const ids = await sweepStale(system.database.db, 100);
    expect(ids).toEqual(
      expect.arrayContaining([
        '00000000-0000-4000-8000-00000000a001',
        '00000000-0000-4000-8000-00000000a002',
      ]),
    );
    for (const id of ids) {
      await system.jobs.send(system.database.db, deliverNotificationJob, { id });
    }
    await waitFor(async () => (await rows(ids)).every((r) => r.status === 'sent'));
    const mailbox = system.notifications.local.smtp?.messages.list() ?? [];
    expect(mailbox.filter((m) => m.to === 'crashed@example.vn')).toHaveLength(1);
    expect(mailbox.filter((m) => m.to === 'lostjob@example.vn')).toHaveLength(1);
  });

  it('[R37] SMS quiet hours: an SMS at 22:15 waits until 07:00; the e-mail of the same event goes at once', async () => {
    const late = () => new Date('2026-05-05T15:15:00Z'); // 22:15 in Vietnam
    const config = { ...configOf(), smsQuietHours: { startMinute: 21 * 60, endMinute: 7 * 60 } };
    const result = await system.database.db.transaction().execute((trx) =>
      queueNotification(
        trx,
        system.jobs,
        { publicUrl: 'http://x', config, now: late },
        request('quiet', [
          { channel: 'sms', address: '0911111111' },
          { channel: 'email', address: 'quiet@example.vn' },
        ]),
      ),
    );
    const byChannel = Object.fromEntries((await rows(result.queued)).map((r) => [r.channel, r]));
    expect(new Date(byChannel.sms?.nextAttemptAt as Date).toISOString()).toBe('2026-05-06T00:00:00.000Z');
    // A worker attempt during the night defers instead of sending.
    const outcome = await deliverNotification(
      {
        db: system.database.db,
        jobs: system.jobs,
        providers: system.notifications,
        config,
        now: () => new Date('2026-05-05T16:00:00Z'),
      },
      byChannel.sms?.id as string,
    );
    expect(outcome).toBe('deferred');
    expect(system.notifications.local.sms?.messages.list().some((m) => m.to === '0911111111')).toBe(false);
  });

  it('[R37] administrators change the wording of an event; an empty body restores the default', async () => {
    const put = (body: Record<string, unknown>) =>
      system.app.inject({
        method: 'PUT',
        url: '/api/v1/admin/notifications/templates/received/email/vi',
        headers: { ...JSON_HEADERS, cookie: admin },
        payload: body,
      });
    const changed = await put({
      subject: 'Đã nhận hồ sơ {code}',
      body: 'Xin chào, hồ sơ {code} đã được nhận.\nXem: {lookupUrl}',
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().overridden).toBe(true);
    const { queued } = await queue(request('wording', [{ channel: 'email', address: 'wording@example.vn' }]));
    await waitFor(async () => (await rows(queued)).every((r) => r.status === 'sent'));
    const [mail] =
      system.notifications.local.smtp?.messages.list().filter((m) => m.to === 'wording@example.vn') ?? [];
    expect(mail?.subject).toBe(`Đã nhận hồ sơ ${CODE}`);
    const reset = await put({ subject: null, body: '' });
    expect(reset.json()).toMatchObject({ overridden: false, subject: `Hồ sơ {code} đã được tiếp nhận` });
    const all = await system.app.inject({
      method: 'GET',
      url: '/api/v1/admin/notifications/templates',
      headers: { cookie: admin },
    });
    // Nine applicant events and two officer reminders, three channels, two languages.
    expect(all.json().items).toHaveLength(11 * 3 * 2);
  });

  it('[R37] the simulated mailbox is visible to administrators only', async () => {
    const res = await system.app.inject({
      method: 'GET',
      url: '/api/v1/admin/notifications/simulated/email',
      headers: { cookie: admin },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().simulated).toBe(true);
    expect(res.json().items.length).toBeGreaterThan(0);
    const anonymous = await system.app.inject({
      method: 'GET',
      url: '/api/v1/admin/notifications/simulated/email',
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
