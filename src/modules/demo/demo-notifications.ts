// Demo notifications (issue 8): until dossiers exist, the demo queues the reception and result
// messages of one fictitious dossier through the real outbox, so the back office's delivery view and
// simulated outbox show the pipeline at work. Runs once (marker row), after the job queue starts.
import type { Config } from '../../platform/config/config.ts';
import type { Db } from '../../platform/db/database.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import { queueNotification } from '../notifications/notifications.service.ts';

const MARKER = 'demo.notifications_seeded';

export async function seedDemoNotifications(db: Db, jobs: JobQueue, config: Config): Promise<boolean> {
  const done = await db.selectFrom('appSettings').select('key').where('key', '=', MARKER).executeTakeFirst();
  if (done) {
    return false;
  }
  const deps = { publicUrl: config.publicUrl, config: config.notifications };
  const params = {
    code: '000.00.06.H99-260505-0001',
    procedureName: 'Cấp Phiếu lý lịch tư pháp',
    agencyName: 'Trung tâm Phục vụ hành chính công tỉnh An Hòa',
    dueAt: new Date(Date.now() + 7 * 86_400_000),
  };
  const recipients = [
    { channel: 'email' as const, address: 'nguyenthithuytien@example.vn' },
    { channel: 'sms' as const, address: '0912345678' },
    { channel: 'chat' as const, address: '0912345678' },
  ];
  await db.transaction().execute(async (trx) => {
    await queueNotification(trx, jobs, deps, {
      event: 'received',
      eventKey: 'demo-dossier-1:received',
      lang: 'vi',
      recipients,
      params,
    });
    await queueNotification(trx, jobs, deps, {
      event: 'result_ready',
      eventKey: 'demo-dossier-1:result_ready',
      lang: 'vi',
      recipients: recipients.slice(0, 2),
      params,
    });
    await trx
      .insertInto('appSettings')
      .values({ key: MARKER, value: JSON.stringify({ at: new Date().toISOString() }) })
      .execute();
  });
  return true;
}
