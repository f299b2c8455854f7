// R37 on a real dossier: a walk-in applicant who gave an e-mail address and a phone number receives
// both on reception (read from the local SMTP server and the local SMS gateway), and the officers see
// the per-channel delivery status at GET /api/v1/dossiers/{id}/notifications.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, getJson, onlineSubmission, postDossier } from '../helpers/dossiers.ts';
import { loginAs, startTestSystem, type TestSystem } from '../helpers/test-system.ts';
import { waitFor } from '../helpers/wait-for.ts';

let system: TestSystem;
let desk: string;
let citizen: string;
let sxd: string;

beforeAll(async () => {
  system = await startTestSystem({ PORT: '0', MOTCUA_SMS_QUIET_HOURS: 'off' });
  desk = await loginAs(system, 'tiepnhan', 'Demo@2026');
  citizen = await loginAs(system, '0912345678', 'Demo@2026');
  sxd = await loginAs(system, 'chuyenvien.sxd', 'Demo@2026');
});
afterAll(async () => system?.close());

describe('[R37] per-dossier notifications', () => {
  it('reception reaches the applicant by e-mail and SMS once each; officers see both as sent', async () => {
    const procedure = (await getJson(system, '', '/api/v1/procedures/AH-LLTP-01')).body;
    const { status, body: dossier } = await postDossier(system, desk, {
      procedureId: procedure.id,
      channel: 'desk',
      applicant: { fullName: 'Đỗ Minh Châu', phone: '0977123456', email: 'minhchau@example.vn' },
      delivery: { method: 'desk' },
    });
    expect(status).toBe(201);
    const url = `/api/v1/dossiers/${dossier.id}/notifications`;
    await waitFor(async () => {
      const view = (await getJson(system, desk, url)).body;
      return view.channels?.length === 2 && view.channels.every((c: { sent: number }) => c.sent === 1);
    });
    const view = (await getJson(system, desk, url)).body;
    expect(view.code).toBe(dossier.code);
    expect(view.channels.map((c: { channel: string }) => c.channel).sort()).toEqual(['email', 'sms']);
    expect(view.items).toHaveLength(2);
    for (const item of view.items) {
      expect(item).toMatchObject({ event: 'received', status: 'sent', dossierCode: dossier.code });
      // Masked: officers see where it went, not the whole address.
      expect(item.recipient).not.toContain('minhchau@');
      expect(item.recipient).not.toBe('0977123456');
    }
    const mails = system.notifications.local.smtp?.messages
      .list()
      .filter((m) => m.to === 'minhchau@example.vn');
    expect(mails).toHaveLength(1);
    expect(mails?.[0]?.text).toContain(dossier.code);
    const sms = system.notifications.local.sms?.messages.list().filter((m) => m.to === '0977123456');
    expect(sms).toHaveLength(1);
    expect(sms?.[0]?.text).toContain(dossier.code);

    // The result: the processing steps (another module) end with the result approved; the desk
    // confirms it through the API and the applicant is told on both channels again, once each.
    await system.database.db
      .updateTable('dossiers')
      .set({ status: 4, subStatus: 'result_approved' })
      .where('id', '=', dossier.id)
      .execute();
    expect((await act(system, desk, dossier.id, { action: 'confirm_result' })).status).toBe(200);
    await waitFor(async () => {
      const v = (await getJson(system, desk, url)).body;
      return (
        v.items.filter(
          (n: { event: string; status: string }) => n.event === 'result_ready' && n.status === 'sent',
        ).length === 2
      );
    });
    const mailsAfter = system.notifications.local.smtp?.messages
      .list()
      .filter((m) => m.to === 'minhchau@example.vn');
    const smsAfter = system.notifications.local.sms?.messages.list().filter((m) => m.to === '0977123456');
    expect(mailsAfter).toHaveLength(2);
    expect(smsAfter).toHaveLength(2);
    expect(smsAfter?.[0]?.text).toContain(dossier.code);
    const summary = (await getJson(system, desk, url)).body.channels;
    expect(summary.map((c: { sent: number; total: number }) => [c.sent, c.total])).toEqual([
      [2, 2],
      [2, 2],
    ]);
  }, 90_000);

  it('[goal 9] the applicant and officers outside the scope do not get the officers’ view', async () => {
    const { body: dossier } = await postDossier(
      system,
      citizen,
      await onlineSubmission(system, citizen, 'AH-LLTP-01'),
    );
    const url = `/api/v1/dossiers/${dossier.id}/notifications`;
    expect((await getJson(system, citizen, url)).status).toBe(403);
    expect((await getJson(system, sxd, url)).status).toBe(403);
    expect((await getJson(system, '', url)).status).toBe(401);
    const own = await getJson(system, desk, url);
    expect(own.status).toBe(200);
    expect(own.body.items).toEqual([]);
  });
});
