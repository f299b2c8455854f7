// 0020 — Inbound webhook events already answered (Zalo OA msg_id): a redelivery gets no second reply
// even after a restart or on another app process. Kept 24 hours (Zalo redelivers for up to 12).
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE inbound_events (
       channel text NOT NULL CHECK (channel ~ '^[a-z]{2,20}$'),
       event_id text NOT NULL CHECK (length(event_id) BETWEEN 1 AND 200),
       received_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (channel, event_id)
     )`,
    'CREATE INDEX inbound_events_received_at ON inbound_events (received_at)',
    `COMMENT ON TABLE inbound_events IS 'Webhook events answered once (channel, provider event id); purged after 24 hours'`,
  ]);
}
