// Zalo redelivers an event it thinks we missed (no 200 within its deadline): the same `msg_id` must get
// one reply, whichever app process gets it and across restarts (migration 0020).
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

/** True the first time this event arrives (it is recorded in the same statement). */
export async function firstDelivery(db: Db, channel: string, eventId: string): Promise<boolean> {
  const inserted = await db
    .insertInto('inboundEvents')
    .values({ channel, eventId })
    .onConflict((oc) => oc.columns(['channel', 'eventId']).doNothing())
    .returning('eventId')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Forgets events older than a day (Zalo stops redelivering after 12 hours). */
export async function purgeOldInboundEvents(db: Db): Promise<number> {
  const result = await db
    .deleteFrom('inboundEvents')
    .where('receivedAt', '<', sql<Date>`now() - interval '24 hours'`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
