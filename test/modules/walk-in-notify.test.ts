// R37 at the desk: the officer records how the walk-in applicant wants to be told. The choice is kept
// on the dossier, shown in its detail, and reception reaches the applicant on exactly those channels
// (read from the local SMTP server and SMS gateway); a channel without its address is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, postDossier } from '../helpers/dossiers.ts';
import { loginAs, startTestSystem, type TestSystem } from '../helpers/test-system.ts';
import { waitFor } from '../helpers/wait-for.ts';

let system: TestSystem;
let desk: string;
let procedureId: string;

beforeAll(async () => {
  system = await startTestSystem({ PORT: '0', MOTCUA_SMS_QUIET_HOURS: 'off' });
  desk = await loginAs(system, 'tiepnhan', 'Demo@2026');
  procedureId = (await getJson(system, '', '/api/v1/procedures/AH-LLTP-01')).body.id;
});
afterAll(async () => system?.close());

const walkIn = (applicant: Record<string, string>, notify?: string[], channel = 'desk') =>
  postDossier(system, desk, {
    procedureId,
    channel,
    applicant: { fullName: 'Lê Thị Hoa', ...applicant },
    delivery: { method: 'desk' },
    ...(notify ? { notify } : {}),
  });

const mailsTo = (to: string) => system.notifications.local.smtp?.messages.list().filter((m) => m.to === to);
const smsTo = (to: string) => system.notifications.local.sms?.messages.list().filter((m) => m.to === to);

describe('[R37] walk-in notification channels', () => {
  it('a walk-in applicant who chose e-mail and SMS is told on both at reception', async () => {
    const { status, body: dossier } = await walkIn({ phone: '0987001122', email: ' Hoa.Le@Example.vn ' }, [
      'sms',
      'email',
    ]);
    expect(status).toBe(201);
    expect(dossier.notify).toEqual(['sms', 'email']);
    expect((await getJson(system, desk, `/api/v1/dossiers/${dossier.id}`)).body.notify).toEqual([
      'sms',
      'email',
    ]);
    const queued = await system.database.db
      .selectFrom('notifications')
      .select(['channel', 'event'])
      .where('dossierId', '=', dossier.id)
      .execute();
    expect(queued.map((n) => `${n.event}:${n.channel}`).sort()).toEqual(['received:email', 'received:sms']);
    await waitFor(
      async () => (mailsTo('hoa.le@example.vn')?.length ?? 0) === 1 && smsTo('0987001122')?.length === 1,
    );
    expect(mailsTo('hoa.le@example.vn')?.[0]?.text).toContain(dossier.code);
    expect(smsTo('0987001122')?.[0]?.text).toContain(dossier.code);
  }, 60_000);

  it('only the chosen channels are used: SMS alone sends no e-mail although an address is known', async () => {
    const { status, body: dossier } = await walkIn(
      { phone: '0987001133', email: 'chi.sms@example.vn' },
      ['sms'],
      'postal',
    );
    expect(status).toBe(201);
    expect(dossier.notify).toEqual(['sms']);
    await waitFor(async () => smsTo('0987001133')?.length === 1);
    const queued = await system.database.db
      .selectFrom('notifications')
      .select('channel')
      .where('dossierId', '=', dossier.id)
      .execute();
    expect(queued.map((n) => n.channel)).toEqual(['sms']);
    expect(mailsTo('chi.sms@example.vn')).toEqual([]);
  }, 60_000);

  it('refuses a channel without its address, and an invalid e-mail, naming the field', async () => {
    const before = await system.database.db
      .selectFrom('dossiers')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const noEmail = await walkIn({ phone: '0987001144' }, ['sms', 'email']);
    expect(noEmail.status).toBe(400);
    expect(noEmail.body).toMatchObject({ code: 'VALIDATION', field: 'applicant.email' });
    expect(noEmail.body.message.vi).toContain('thư điện tử');
    const noPhone = await walkIn({ email: 'khong.so@example.vn' }, ['chat']);
    expect(noPhone.status).toBe(400);
    expect(noPhone.body.field).toBe('applicant.phone');
    const badEmail = await walkIn({ phone: '0987001155', email: 'hoa@@example' }, ['sms']);
    expect(badEmail.status).toBe(400);
    expect(badEmail.body.field).toBe('applicant.email');
    const unknown = await walkIn({ phone: '0987001166' }, ['fax']);
    expect(unknown.status).toBe(400);
    expect(unknown.body.field).toMatch(/^notify/);
    const after = await system.database.db
      .selectFrom('dossiers')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('no choice sent keeps the earlier rule: every channel with an address', async () => {
    const { body: dossier } = await walkIn({ phone: '0987001177' });
    expect(dossier.notify).toEqual(['sms']);
  });
});
