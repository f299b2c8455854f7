// [R38] A webhook event (Zalo msg_id) is answered once, whichever process gets it and across restarts:
// the record is in the database (PGlite, or the PostgreSQL server when TEST_DATABASE_URL is set).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstDelivery, purgeOldInboundEvents } from '../../src/modules/channels/inbound-events.ts';
import type { DatabaseHandle } from '../../src/platform/db/database.ts';
import { createTestDatabase } from '../helpers/test-database.ts';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

describe('[R38] inbound events answered once', () => {
  it('the first delivery wins, later ones and other channels are told apart', async () => {
    expect(await firstDelivery(database.db, 'zalo', 'msg-1')).toBe(true);
    expect(await firstDelivery(database.db, 'zalo', 'msg-1')).toBe(false);
    expect(await firstDelivery(database.db, 'sms', 'msg-1')).toBe(true);
  });

  it('20 simultaneous deliveries of one event: exactly one is first', async () => {
    const firsts = await Promise.all(
      Array.from({ length: 20 }, () => firstDelivery(database.db, 'zalo', 'msg-2')),
    );
    expect(firsts.filter(Boolean)).toHaveLength(1);
  });

  it('events older than a day are forgotten by the hourly purge, newer ones kept', async () => {
    await firstDelivery(database.db, 'zalo', 'msg-old');
    await database.db
      .updateTable('inboundEvents')
      .set({ receivedAt: sql<Date>`now() - interval '25 hours'` })
      .where('eventId', '=', 'msg-old')
      .execute();
    expect(await purgeOldInboundEvents(database.db)).toBe(1);
    expect(await firstDelivery(database.db, 'zalo', 'msg-old')).toBe(true);
    expect(await firstDelivery(database.db, 'zalo', 'msg-1')).toBe(false);
  });
});
